import { describe, expect, it } from 'vitest';
import { SANDBOX_USERS, sandboxServerEnv } from '@/scripts/sandbox-env';
import { signInHint, userList } from './sign-in-hint';

const values = {
  appPort: 3000,
  url: 'http://localhost:3000',
  secret: 's',
  emulatorUrl: 'http://127.0.0.1:4566',
  region: 'us-east-2',
  dataDir: '/tmp/sandbox',
  usersFile: '/tmp/sandbox/users.txt',
};

describe('sign-in hint', () => {
  it('names the sandbox users the sandbox created, never "no users yet"', () => {
    const env = sandboxServerEnv({ LOGPORT_SANDBOX_PASSWORD: 'secret-pass' }, values);
    expect(signInHint(env)).toEqual({ kind: 'sandbox', users: ['admin', 'operator', 'viewer'] });
    expect(userList(['admin', 'operator', 'viewer'], 'en')).toBe('admin, operator, or viewer');
    expect(env.LOGPORT_SANDBOX_USERS).toBe(SANDBOX_USERS.join(','));
  });

  it('is the "create a user" hint outside the sandbox', () => {
    expect(signInHint({})).toEqual({ kind: 'noUsers' });
    expect(signInHint({ LOGPORT_SANDBOX_USERS: '' })).toEqual({ kind: 'noUsers' });
  });

  it('shows only plain user names from the variable', () => {
    expect(signInHint({ LOGPORT_SANDBOX_USERS: 'admin,<script>,a b, viewer' })).toEqual({
      kind: 'sandbox',
      users: ['admin', 'viewer'],
    });
  });
});
