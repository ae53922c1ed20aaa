import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The shape of an API token and how it is checked (issue 13), with no store and no request: unit-tested on its
 * own.
 *
 * A token is `lpt_<id>_<secret>`: `lpt_` makes it recognisable (secret scanners, a reviewer, a grep of a
 * leaked log), `<id>` (16 hex digits, 64 random bits) is the database row's key, so checking a token is one
 * read by primary key and never a scan or a comparison against every hash; `<secret>` is 43 base62 characters
 * (about 256 random bits). What is stored is the SHA-256 of the whole token: for a random value this long a
 * slow hash (scrypt, as for passwords) adds nothing, since nobody can guess it, and it would cost every API
 * call tens of milliseconds. The stored hash is compared in constant time.
 */
export const TOKEN_PREFIX = 'lpt_';
const ID_HEX = 16;
const SECRET_CHARS = 43;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const TOKEN_PATTERN = new RegExp(`^${TOKEN_PREFIX}([0-9a-f]{${ID_HEX}})_([0-9A-Za-z]{${SECRET_CHARS}})$`);

/** `length` characters of base62, each uniformly random (bytes of 248 and above are drawn again: no bias). */
function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= 248) continue;
      out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

export type NewToken = { id: string; token: string; hash: string };

/** A new token: its id (the row's key), the token to show once, and the hash to store. */
export function generateToken(): NewToken {
  const id = randomBytes(ID_HEX / 2).toString('hex');
  const token = `${TOKEN_PREFIX}${id}_${randomBase62(SECRET_CHARS)}`;
  return { id, token, hash: hashToken(token) };
}

/** The id of a well-formed token, or null (anything else is refused before the store is asked). */
export function tokenId(token: string): string | null {
  return TOKEN_PATTERN.exec(token)?.[1] ?? null;
}

/** SHA-256 of the whole token, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a token matches a stored hash, in time that does not depend on where they differ. */
export function matchesHash(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && a.length === 32 && timingSafeEqual(a, b);
}

/** What the public part of a token looks like in lists: enough to tell tokens apart, nothing to use. */
export function tokenHint(id: string): string {
  return `${TOKEN_PREFIX}${id}_…`;
}

/**
 * The `Authorization` header of a request: `none` (absent, or another scheme such as Basic: the request is
 * then authenticated by its session cookie as usual), or `bearer` with what follows the scheme (possibly empty
 * or malformed: such a request is refused, never passed on to the cookie). The scheme is case-insensitive
 * (RFC 9110); several Authorization headers arrive joined by a comma and make a malformed token.
 */
export type Authorization = { kind: 'none' } | { kind: 'bearer'; token: string };

export function parseAuthorization(header: string | null | undefined): Authorization {
  if (header === null || header === undefined) return { kind: 'none' };
  const match = /^[ \t]*([^ \t]+)(?:[ \t]+(.*?))?[ \t]*$/s.exec(header);
  if (match?.[1]?.toLowerCase() !== 'bearer') return { kind: 'none' };
  return { kind: 'bearer', token: match[2] ?? '' };
}

/** A token past its expiry (null: never expires) is refused from that moment on. */
export function isExpired(expiresAt: number | null, now: number): boolean {
  return expiresAt !== null && now >= expiresAt;
}
