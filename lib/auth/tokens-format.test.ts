import { describe, expect, it } from 'vitest';
import {
  generateToken,
  hashToken,
  isExpired,
  matchesHash,
  parseAuthorization,
  TOKEN_PREFIX,
  tokenHint,
  tokenId,
} from './tokens-format';

describe('API token format', () => {
  it('is lpt_<16 hex>_<43 base62>, with the id as its public part and a SHA-256 to store', () => {
    const { id, token, hash } = generateToken();
    expect(token).toMatch(/^lpt_[0-9a-f]{16}_[0-9A-Za-z]{43}$/);
    expect(token.startsWith(`${TOKEN_PREFIX}${id}_`)).toBe(true);
    expect(tokenId(token)).toBe(id);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token.slice(21));
    expect(tokenHint(id)).toBe(`lpt_${id}_…`);
    expect(tokenHint(id)).not.toContain(token.slice(21));
  });

  it('never repeats, and its secret uses every base62 character about evenly', () => {
    const tokens = Array.from({ length: 2000 }, () => generateToken().token);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(new Set(tokens.map((t) => tokenId(t))).size).toBe(tokens.length);
    const counts = new Map<string, number>();
    for (const t of tokens) for (const c of t.slice(21)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // 2000 × 43 characters over 62: about 1387 each. A biased modulo (256 % 62) would give the first eight ~25% more.
    const values = [...counts.values()];
    expect(Math.max(...values) / Math.min(...values)).toBeLessThan(1.3);
  });

  it('refuses anything that is not exactly a token before any store is asked', () => {
    const { token } = generateToken();
    for (const bad of [
      '',
      'lpt_',
      token.slice(0, -1),
      `${token}x`,
      ` ${token}`,
      token.toUpperCase(),
      token.replace('lpt_', 'lpx_'),
      `${token.slice(0, 20)}-${token.slice(21)}`,
      `${token}, ${token}`,
      token.replace(/_[^_]+$/, '_%2e%2e%2f'),
    ]) {
      expect(tokenId(bad), bad).toBeNull();
    }
  });

  it('compares a token with the stored hash (any other token, a truncated or empty hash: no match)', () => {
    const a = generateToken();
    const b = generateToken();
    expect(matchesHash(a.token, a.hash)).toBe(true);
    expect(matchesHash(b.token, a.hash)).toBe(false);
    // Same id, another secret: the id alone opens nothing.
    const forged = `${a.token.slice(0, 21)}${b.token.slice(21)}`;
    expect(tokenId(forged)).toBe(a.id);
    expect(matchesHash(forged, a.hash)).toBe(false);
    expect(matchesHash(a.token, a.hash.slice(0, 32))).toBe(false);
    expect(matchesHash(a.token, '')).toBe(false);
    expect(matchesHash(a.token, 'zz')).toBe(false);
  });

  it('reads the Authorization header: Bearer in any case takes what follows, other schemes are not tokens', () => {
    expect(parseAuthorization(null)).toEqual({ kind: 'none' });
    expect(parseAuthorization(undefined)).toEqual({ kind: 'none' });
    expect(parseAuthorization('Basic YWxpY2U6c2VjcmV0')).toEqual({ kind: 'none' });
    expect(parseAuthorization('Bearerlpt_x')).toEqual({ kind: 'none' });
    expect(parseAuthorization('Bearer lpt_abc')).toEqual({ kind: 'bearer', token: 'lpt_abc' });
    expect(parseAuthorization('bearer lpt_abc')).toEqual({ kind: 'bearer', token: 'lpt_abc' });
    expect(parseAuthorization('BEARER \t lpt_abc  ')).toEqual({ kind: 'bearer', token: 'lpt_abc' });
    // Present but empty or odd: still a Bearer request (refused, never handed to the cookie).
    expect(parseAuthorization('Bearer')).toEqual({ kind: 'bearer', token: '' });
    expect(parseAuthorization('Bearer ')).toEqual({ kind: 'bearer', token: '' });
    expect(parseAuthorization('Bearer a b')).toEqual({ kind: 'bearer', token: 'a b' });
    expect(parseAuthorization('Bearer a, Bearer b')).toEqual({ kind: 'bearer', token: 'a, Bearer b' });
  });

  it('expires at its expiry, not a millisecond later; no expiry never expires', () => {
    expect(isExpired(null, Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(isExpired(1_000, 999)).toBe(false);
    expect(isExpired(1_000, 1_000)).toBe(true);
    expect(isExpired(1_000, 1_001)).toBe(true);
  });
});
