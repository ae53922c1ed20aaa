import { describe, expect, it } from 'vitest';
import { hashPassword, isPasswordHash, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(isPasswordHash(hash)).toBe(true);
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same', a)).toBe(true);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('treats a stored value that is not a hash as a failed login', async () => {
    expect(await verifyPassword('plain', 'plain')).toBe(false);
    expect(isPasswordHash('scrypt$1$2$3$abc')).toBe(false);
  });

  it('normalises unicode so a composed and decomposed password match', async () => {
    const hash = await hashPassword('pässwörd');
    expect(await verifyPassword('pa\u0308sswo\u0308rd', hash)).toBe(true);
  });
});
