import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SigninContext } from './signin-context';

// An unknown user name is answered like a wrong password: the same answer, and about the same time (one scrypt
// run against a dummy hash), so neither tells whether the user exists (issue 14.2).
const dir = mkdtempSync(path.join(tmpdir(), 'logport-unknown-'));
Object.assign(process.env, {
  LOGPORT_DATA_DIR: dir,
  LOGPORT_USERS_FILE: path.join(dir, 'users.txt'),
  NEXTAUTH_SECRET: 'unknown-user-test-secret-0123456789',
});
const { upsertUser } = await import('./users-admin');
const { authOptions } = await import('./options');
const { withSigninContext } = await import('./signin-context');
await upsertUser(path.join(dir, 'users.txt'), 'alice', { role: 'admin', password: 'right-password' }, 'add');

type Authorize = (credentials: Record<string, string>, req: unknown) => Promise<unknown>;
const provider = authOptions.providers[0] as unknown as { options: { authorize: Authorize } };

async function attempt(username: string, password: string) {
  const context: SigninContext = { clientAddress: '192.0.2.1', userAgent: null };
  const start = performance.now();
  const user = await withSigninContext(context, () => provider.options.authorize({ username, password }, {}));
  return { user, outcome: context.outcome, ms: performance.now() - start };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

describe('unknown user names', () => {
  it('get the same answer as a wrong password, and count as a failure alike', async () => {
    const wrong = await attempt('alice', 'wrong-password');
    const unknown = await attempt('nobody', 'wrong-password');
    expect(wrong.user).toBeNull();
    expect(unknown.user).toBeNull();
    expect(wrong.outcome).toBe('failure');
    expect(unknown.outcome).toBe('failure');
    expect((await attempt('ALICE', 'right-password')).outcome).toBe('success');
  });

  it('take a password check as long as a known user’s (scrypt runs against a dummy hash)', async () => {
    await attempt('alice', 'warm-up');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push((await attempt('alice', `wrong-${i}`)).ms);
      unknown.push((await attempt(`nobody-${i}`, `wrong-${i}`)).ms);
    }
    // Without the dummy hash an unknown name is answered in well under a millisecond; scrypt takes ~50 ms.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });
});
