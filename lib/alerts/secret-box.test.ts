import { afterEach, describe, expect, it } from 'vitest';
import { openSecret, SecretKeyMissingError, sealSecret } from './secret-box';

const saved = process.env.NEXTAUTH_SECRET;
afterEach(() => {
  process.env.NEXTAUTH_SECRET = saved;
});

describe('webhook secrets at rest', () => {
  it('seals with AES-256-GCM under a key from NEXTAUTH_SECRET, bound to the webhook', () => {
    process.env.NEXTAUTH_SECRET = 'one-deployment-secret-0123456789';
    const sealed = sealSecret('whsec-0123456789abcdef', 'hook-a');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('whsec');
    expect(sealSecret('whsec-0123456789abcdef', 'hook-a')).not.toBe(sealed);
    expect(openSecret(sealed, 'hook-a')).toBe('whsec-0123456789abcdef');
    // Moved to another webhook, tampered with, or under another NEXTAUTH_SECRET: unreadable, never wrong.
    expect(openSecret(sealed, 'hook-b')).toBeNull();
    const [v, iv, tag, body] = sealed.split('.');
    // One character of the ciphertext changed (to another: a random IV makes 'A' its first one in 1 of 64 runs).
    const flipped = `${body?.startsWith('A') ? 'B' : 'A'}${body?.slice(1)}`;
    expect(flipped).not.toBe(body);
    expect(openSecret([v, iv, tag, flipped].join('.'), 'hook-a')).toBeNull();
    expect(openSecret('garbage', 'hook-a')).toBeNull();
    process.env.NEXTAUTH_SECRET = 'another-deployment-secret-012345';
    expect(openSecret(sealed, 'hook-a')).toBeNull();
  });

  it('refuses to seal without NEXTAUTH_SECRET', () => {
    delete process.env.NEXTAUTH_SECRET;
    expect(() => sealSecret('whsec-0123456789abcdef', 'hook-a')).toThrow(SecretKeyMissingError);
  });
});
