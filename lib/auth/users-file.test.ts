import { describe, expect, it } from 'vitest';
import { formatUsersFile, parseUsersFile, UsersFileError } from './users-file';

const HASH = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=';

function errorOf(text: string): UsersFileError {
  try {
    parseUsersFile(text, 'users.txt');
  } catch (err) {
    if (err instanceof UsersFileError) return err;
    throw err;
  }
  throw new Error('expected a UsersFileError');
}

describe('users file', () => {
  it('parses users, skipping comments and blank lines', () => {
    const users = parseUsersFile(`# team\n\nalice:admin:${HASH}\n  bob:viewer:${HASH}  \r\n`);
    expect(users).toEqual([
      { name: 'alice', role: 'admin', hash: HASH, accounts: '*' },
      { name: 'bob', role: 'viewer', hash: HASH, accounts: '*' },
    ]);
  });

  it('round-trips through format', () => {
    const users = [
      { name: 'carol@example.com', role: 'operator' as const, hash: HASH, accounts: '*' as const },
      { name: 'dave', role: 'viewer' as const, hash: HASH, accounts: ['staging', 'prod'] },
    ];
    const text = formatUsersFile(users);
    expect(parseUsersFile(text)).toEqual(users);
    // A user who may reach every account is written as before (three fields): old readers keep working.
    expect(text).toContain(`carol@example.com:operator:${HASH}\n`);
    expect(text).toContain(`dave:viewer:${HASH}:staging,prod`);
  });

  it('reads a fourth field: the accounts a user may reach (* for every one)', () => {
    const users = parseUsersFile(`bob:operator:${HASH}:staging\neve:viewer:${HASH}:*\n`);
    expect(users.map((u) => u.accounts)).toEqual([['staging'], '*']);
    expect(errorOf(`bob:operator:${HASH}:Prod!`).message).toContain('invalid accounts "Prod!"');
    expect(errorOf(`bob:operator:${HASH}:`).message).toContain('invalid accounts');
    expect(errorOf(`bob:operator:${HASH}:a:b`).message).toContain('expected "name:role:hash"');
  });

  it('names the line and the problem', () => {
    const err = errorOf(`alice:admin:${HASH}\n# comment\nbob:superuser:${HASH}`);
    expect(err.line).toBe(3);
    expect(err.message).toBe('users.txt line 3: unknown role "superuser" (use viewer, operator, admin)');
  });

  it('refuses a plain-text password with a hint how to fix it', () => {
    const err = errorOf('alice:admin:hunter2');
    expect(err.line).toBe(1);
    expect(err.message).toContain('npm run user -- passwd');
  });

  it('refuses wrong field counts, bad names and duplicates', () => {
    expect(errorOf('alice:admin').message).toContain('line 1: expected "name:role:hash"');
    expect(errorOf(`al ice:admin:${HASH}`).message).toContain('invalid user name');
    expect(errorOf(`alice:admin:${HASH}\nALICE:viewer:${HASH}`).message).toContain(
      'line 2: user "ALICE" appears twice',
    );
  });
});
