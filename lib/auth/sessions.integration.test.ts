import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { beforeEach, describe, expect, it } from 'vitest';

// Sessions kept on the server (issue 14.3), through next-auth's real handler and the real users file, on both
// engines (this file also runs in the `postgres` project).
const dir = mkdtempSync(path.join(tmpdir(), 'logport-sessions-'));
const usersFile = path.join(dir, 'users.txt');
Object.assign(process.env, {
  LOGPORT_DATA_DIR: dir,
  LOGPORT_USERS_FILE: usersFile,
  NEXTAUTH_SECRET: 'sessions-test-secret-0123456789-abcdefghij',
  NEXTAUTH_URL: 'http://127.0.0.1:3999',
});
const { upsertUser, removeUser } = await import('./users-admin');
const { signInForTest, signOutForTest, jarWith } = await import('./test-support');
const { callerFromCookies, sessionIdOf } = await import('./session');
const { checkSession, forgetAllSessions, checkMemoryMs } = await import('./session-check');
const { createSession, endSession, listOpenSessions, readSession } = await import('./sessions-store');
const { getDb } = await import('@/lib/db');

const PASSWORD = 'correct-horse-1';

async function callerOf(token: string | null) {
  if (!token) throw new Error('sign-in refused');
  return callerFromCookies(jarWith(token));
}

async function sidOf(token: string | null): Promise<string> {
  const sid = token ? await sessionIdOf(token) : null;
  if (!sid) throw new Error('no session id in the token');
  return sid;
}

beforeEach(async () => {
  rmSync(usersFile, { force: true });
  await upsertUser(usersFile, 'alice', { role: 'admin', password: PASSWORD }, 'add');
  await upsertUser(usersFile, 'bob', { role: 'operator', password: PASSWORD }, 'add');
});

describe('server-side sessions', () => {
  it('sign-in opens a session on the server, named in the token; sign-out ends it and the token stops working', async () => {
    const token = await signInForTest('alice', PASSWORD);
    expect(await callerOf(token)).toEqual({ name: 'alice', role: 'admin', accounts: '*' });
    const session = await readSession(await sidOf(token));
    expect(session).toMatchObject({
      userName: 'alice',
      role: 'admin',
      provider: 'credentials',
      endedAt: null,
    });
    expect(session!.expiresAt - session!.createdAt).toBe(8 * 3_600_000);

    await signOutForTest(token!);
    // The same cookie, replayed: refused at once (no waiting for the check's memory).
    expect(await callerOf(token)).toBeNull();
    expect(await readSession(await sidOf(token))).toMatchObject({ endReason: 'signedOut' });
  });

  it('a wrong password opens no session', async () => {
    expect(await signInForTest('alice', 'wrong-password')).toBeNull();
    expect(await signInForTest('nobody', PASSWORD)).toBeNull();
  });

  it('a role change ends all of that user’s sessions at once, never served with the old role', async () => {
    const [a1, a2, b1] = [
      await signInForTest('alice', PASSWORD),
      await signInForTest('alice', PASSWORD),
      await signInForTest('bob', PASSWORD),
    ];
    // Remembered now: the next answers would come from memory if nothing noticed the change.
    expect(await callerOf(a1)).toEqual({ name: 'alice', role: 'admin', accounts: '*' });
    expect(await callerOf(a2)).toEqual({ name: 'alice', role: 'admin', accounts: '*' });

    await upsertUser(usersFile, 'alice', { role: 'viewer' }, 'update'); // npm run user -- role alice viewer
    expect(await callerOf(a1)).toBeNull();
    expect(await callerOf(a2)).toBeNull();
    expect(await callerOf(b1)).toEqual({ name: 'bob', role: 'operator', accounts: '*' });
    expect((await readSession(await sidOf(a2)))?.endReason).toBe('roleChanged');
    // Signing in again gives the new role.
    expect(await callerOf(await signInForTest('alice', PASSWORD))).toEqual({
      name: 'alice',
      role: 'viewer',
      accounts: '*',
    });
  });

  it('the change is written for every session at once, even ones nobody is using (the admin’s list)', async () => {
    const a1 = await signInForTest('alice', PASSWORD);
    const a2 = await signInForTest('alice', PASSWORD);
    const b1 = await signInForTest('bob', PASSWORD);
    await callerOf(b1);
    await removeUser(usersFile, 'alice'); // npm run user -- remove alice
    // Only bob's session is used; alice's two are ended in the database all the same.
    expect(await callerOf(b1)).toEqual({ name: 'bob', role: 'operator', accounts: '*' });
    for (const token of [a1, a2])
      expect(await readSession(await sidOf(token))).toMatchObject({ endReason: 'userRemoved' });
    const open = (await listOpenSessions()).map((s) => s.userName);
    expect(open).not.toContain('alice');
    expect(open).toContain('bob');
  });

  it('a user limited to some accounts carries them in the session; changing them ends the sessions', async () => {
    await upsertUser(usersFile, 'bob', { accounts: ['staging'] }, 'update'); // npm run user -- accounts bob staging
    const b1 = await signInForTest('bob', PASSWORD);
    expect(await callerOf(b1)).toEqual({ name: 'bob', role: 'operator', accounts: ['staging'] });
    await upsertUser(usersFile, 'bob', { accounts: ['staging', 'prod'] }, 'update');
    expect(await callerOf(b1)).toBeNull();
    expect((await readSession(await sidOf(b1)))?.endReason).toBe('accountsChanged');
    const b2 = await signInForTest('bob', PASSWORD);
    expect((await callerOf(b2))?.accounts).toEqual(['staging', 'prod']);
  });

  it('an OIDC user gets the accounts named by LOGPORT_OIDC_ACCOUNTS_CLAIM, and one with none is refused', async () => {
    const { accountsFromClaims, oidcConfigFromEnv } = await import('./oidc');
    const config = oidcConfigFromEnv({
      LOGPORT_OIDC_ISSUER: 'https://idp.example',
      LOGPORT_OIDC_CLIENT_ID: 'logport',
      LOGPORT_OIDC_ACCOUNTS_CLAIM: 'custom.logport_accounts',
    });
    if (!config) throw new Error('no config');
    expect(accountsFromClaims({ custom: { logport_accounts: ['staging', 'Not A Name'] } }, config)).toEqual([
      'staging',
    ]);
    expect(accountsFromClaims({ custom: { logport_accounts: 'prod staging' } }, config)).toEqual([
      'prod',
      'staging',
    ]);
    expect(accountsFromClaims({ custom: { logport_accounts: ['*'] } }, config)).toBe('*');
    expect(accountsFromClaims({}, config)).toBeNull();
    expect(accountsFromClaims({}, { ...config, accountsClaim: null })).toBe('*');

    const { authOptions } = await import('./options');
    const sid = String(
      (
        await authOptions.callbacks!.jwt!({
          token: { name: 'erin', sub: 'sub-9' },
          user: { id: 'sub-9', name: 'erin', role: 'viewer', accounts: ['prod'] },
          account: { provider: 'oidc', type: 'oauth', providerAccountId: 'sub-9' },
          trigger: 'signIn',
        } as never)
      ).sid,
    );
    expect(await checkSession(sid)).toEqual({ name: 'erin', role: 'viewer', accounts: ['prod'] });

    // Refused at sign-in: no accounts (its own reason on the sign-in page), or no role.
    const signIn = authOptions.callbacks!.signIn!;
    const user = { id: 'sub-9', name: 'erin', accounts: [] };
    expect(await signIn({ user: { ...user, noAccounts: true } } as never)).toBe('/signin?error=NoAccounts');
    expect(await signIn({ user: { ...user, noAccounts: false } } as never)).toBe(false);
    expect(await signIn({ user: { ...user, role: 'viewer', noAccounts: false } } as never)).toBe(true);
  });

  it('a password change ends the user’s sessions', async () => {
    const a1 = await signInForTest('alice', PASSWORD);
    expect(await callerOf(a1)).toEqual({ name: 'alice', role: 'admin', accounts: '*' });
    await upsertUser(usersFile, 'alice', { password: 'another-password-2' }, 'update');
    expect(await callerOf(a1)).toBeNull();
    expect((await readSession(await sidOf(a1)))?.endReason).toBe('passwordChanged');
  });

  it('removing the user ends the user’s sessions, and a user added back under that name starts afresh', async () => {
    const a1 = await signInForTest('alice', PASSWORD);
    await callerOf(a1);
    await removeUser(usersFile, 'alice');
    expect(await callerOf(a1)).toBeNull();
    await upsertUser(usersFile, 'alice', { role: 'admin', password: PASSWORD }, 'add');
    expect(await callerOf(a1)).toBeNull();
  });

  it('an edit by hand (in place, same inode) is noticed too', async () => {
    const a1 = await signInForTest('alice', PASSWORD);
    await callerOf(a1);
    const { readFileSync } = await import('node:fs');
    writeFileSync(usersFile, readFileSync(usersFile, 'utf8').replace('alice:admin:', 'alice:viewer:'));
    expect(await callerOf(a1)).toBeNull();
  });

  it('an expired session is refused', async () => {
    const token = await signInForTest('bob', PASSWORD);
    const sid = await sidOf(token);
    expect(await callerOf(token)).not.toBeNull();
    const db = await getDb();
    await db
      .updateTable('sessions')
      .set({ expires_at: Date.now() - 1 })
      .where('id', '=', sid)
      .execute();
    forgetAllSessions();
    expect(await callerOf(token)).toBeNull();
    expect((await listOpenSessions()).map((s) => s.id)).not.toContain(sid);
  });

  it('a session ended by an admin is refused; the user’s other sessions go on', async () => {
    const b1 = await signInForTest('bob', PASSWORD);
    const b2 = await signInForTest('bob', PASSWORD);
    expect(await endSession(await sidOf(b1), 'endedByAdmin', 'alice')).toBe(true);
    expect(await endSession(await sidOf(b1), 'endedByAdmin', 'alice')).toBe(false);
    forgetAllSessions();
    expect(await callerOf(b1)).toBeNull();
    expect(await callerOf(b2)).toEqual({ name: 'bob', role: 'operator', accounts: '*' });
  });

  it('remembers a check a few seconds (the hot list route), then asks the database again', async () => {
    const b1 = await signInForTest('bob', PASSWORD);
    const sid = await sidOf(b1);
    const now = Date.now();
    expect(await checkSession(sid, now)).not.toBeNull();
    // Ended by another replica (no forgetSession here): this one serves its memory for a few seconds only.
    const db = await getDb();
    await db
      .updateTable('sessions')
      .set({ ended_at: now, end_reason: 'endedByAdmin' })
      .where('id', '=', sid)
      .execute();
    expect(await checkSession(sid, now + 1_000)).not.toBeNull();
    expect(await checkSession(sid, now + checkMemoryMs() + 1)).toBeNull();
  });

  it('a token from before server-side sessions (no session id) is refused', async () => {
    const old = await encode({
      token: { name: 'alice', role: 'admin', sub: 'alice' },
      secret: process.env.NEXTAUTH_SECRET ?? '',
    });
    expect(await callerOf(old)).toBeNull();
  });

  it('an unknown or forged session id is refused', async () => {
    const forged = await encode({
      token: { name: 'alice', role: 'admin', sid: 'not-a-session' },
      secret: process.env.NEXTAUTH_SECRET ?? '',
    });
    expect(await callerOf(forged)).toBeNull();
  });

  it('an OIDC sign-in opens a session too, with its request’s address and browser; a user with no role is refused', async () => {
    const { authOptions } = await import('./options');
    const { withSigninContext } = await import('./signin-context');
    const callbacks = authOptions.callbacks!;
    const user = { id: 'sub-1', name: 'carol@example.com', role: 'operator' as const };
    expect(await callbacks.signIn!({ user, account: null } as never)).toBe(true);
    expect(await callbacks.signIn!({ user: { id: 'sub-2', name: 'dave' }, account: null } as never)).toBe(
      false,
    );
    const token = await withSigninContext(
      { clientAddress: '203.0.113.4', userAgent: 'Firefox 131 on macOS' },
      async () =>
        callbacks.jwt!({
          token: { name: user.name, sub: user.id },
          user,
          account: { provider: 'oidc', type: 'oauth', providerAccountId: 'sub-1' },
          trigger: 'signIn',
        } as never),
    );
    expect(token.role).toBe('operator');
    expect(await readSession(String(token.sid))).toMatchObject({
      userName: 'carol@example.com',
      role: 'operator',
      provider: 'oidc',
      clientAddress: '203.0.113.4',
      userAgent: 'Firefox 131 on macOS',
      userStamp: null,
    });
    expect(await checkSession(String(token.sid))).toEqual({
      name: 'carol@example.com',
      role: 'operator',
      accounts: '*',
    });
    // Later calls (no `user`: the session endpoint) keep the same session.
    const again = await callbacks.jwt!({ token } as never);
    expect(again.sid).toBe(token.sid);
  });

  it('an OIDC session is not tied to the users file', async () => {
    const sid = await createSession({
      name: 'carol@example.com',
      role: 'viewer',
      provider: 'oidc',
      maxAgeMs: 60_000,
    });
    expect(await checkSession(sid)).toEqual({ name: 'carol@example.com', role: 'viewer', accounts: '*' });
    await removeUser(usersFile, 'bob');
    expect(await checkSession(sid)).toEqual({ name: 'carol@example.com', role: 'viewer', accounts: '*' });
  });

  it('a missing or broken users file refuses password sessions but ends nothing (fixing it lets them back)', async () => {
    const b1 = await signInForTest('bob', PASSWORD);
    const { readFileSync } = await import('node:fs');
    const good = readFileSync(usersFile, 'utf8');
    writeFileSync(usersFile, `${good}broken line\n`);
    expect(await callerOf(b1)).toBeNull();
    expect((await readSession(await sidOf(b1)))?.endedAt).toBeNull();
    writeFileSync(usersFile, good);
    expect(await callerOf(b1)).toEqual({ name: 'bob', role: 'operator', accounts: '*' });
  });
});
