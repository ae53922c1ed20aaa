import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

// API tokens (issue 13) against the real store, on both engines (this file also runs in the `postgres`
// project): create, use, last use, revoke, expiry, names, accounts, and that the token itself is kept nowhere.
const dir = mkdtempSync(path.join(tmpdir(), 'logport-tokens-'));
const accountsFile = path.join(dir, 'accounts.yaml');
writeFileSync(
  accountsFile,
  [
    'accounts:',
    '  - name: prod',
    '    roleArn: arn:aws:iam::111111111111:role/LogportExporter',
    '  - name: staging',
    '    roleArn: arn:aws:iam::222222222222:role/LogportExporter',
  ].join('\n'),
);
Object.assign(process.env, {
  LOGPORT_DATA_DIR: dir,
  LOGPORT_REGIONS: 'us-east-2',
  LOGPORT_ACCOUNTS: accountsFile,
});

// Every server log line written while this file runs: a token must never be in one.
const logged: string[] = [];
for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  const original = console[level].bind(console);
  vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
    logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' '));
    original(...args);
  });
}

const { createApiToken, revokeApiToken, listApiTokens, MAX_USABLE_TOKENS } = await import('./tokens');
const { authenticateToken, forgetAllTokens } = await import('./tokens-check');
const { readTokenRow, revokeTokenRow, TOUCH_EVERY_MS } = await import('./tokens-store');
const { hashToken } = await import('./tokens-format');
const { getDb } = await import('@/lib/db');
const { listActivity } = await import('@/lib/audit');

const admin = { name: 'alice', role: 'admin' as const };
const DAY = 86_400_000;
const issued: string[] = [];

async function create(
  input: Record<string, unknown>,
  caller: typeof admin & { accounts?: string[] } = admin,
  now?: number,
) {
  const result = await createApiToken(caller, input, now);
  if (!result.ok)
    throw new Error(`create refused: ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`);
  issued.push(result.data.token);
  return result.data;
}

/** Everything the store holds, as text (every table, every row). */
async function wholeStore(): Promise<string> {
  const db = await getDb();
  const tables = [
    'api_tokens',
    'activity',
    'sessions',
    'queue_jobs',
    'queue_batches',
    'rules',
    'webhooks',
    'alert_events',
  ] as const;
  const parts: string[] = [];
  for (const table of tables) parts.push(JSON.stringify(await db.selectFrom(table).selectAll().execute()));
  return parts.join('\n');
}

beforeEach(async () => {
  forgetAllTokens();
  const db = await getDb();
  await db.deleteFrom('api_tokens').execute();
});

afterAll(async () => {
  // No token ever reached the store, the activity log or a server log line: only its hash is kept.
  const stored = await wholeStore();
  expect(issued.length).toBeGreaterThan(5);
  for (const token of issued) {
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.slice(21));
    for (const line of logged) expect(line).not.toContain(token.slice(21));
  }
  vi.restoreAllMocks();
});

describe('API tokens', () => {
  it('creates a token shown once, stores only its hash, and records who made it', async () => {
    const t0 = Date.now();
    const { token, view } = await create({ name: 'ci-deploy', role: 'operator' }, admin, t0);
    expect(token).toMatch(/^lpt_[0-9a-f]{16}_[0-9A-Za-z]{43}$/);
    expect(view).toMatchObject({
      name: 'ci-deploy',
      hint: `lpt_${view.id}_…`,
      role: 'operator',
      accounts: '*',
      createdBy: 'alice',
      createdAt: t0,
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
      state: 'active',
    });
    expect(JSON.stringify(view)).not.toContain(token.slice(21));
    const row = await readTokenRow(view.id);
    expect(row?.token_hash).toBe(hashToken(token));
    // Lists never carry the token (only what the row holds, which has no token).
    expect(JSON.stringify(await listApiTokens())).not.toContain(token.slice(21));
    const [entry] = await listActivity({ action: 'token.create', limit: 1 });
    expect(entry).toMatchObject({ actor: 'alice', role: 'admin', target: 'ci-deploy', outcome: 'ok' });
    expect(entry?.detail).toEqual({ tokenId: view.id, role: 'operator', accounts: '*', expiresAt: null });
  });

  it('is used as its role and accounts, named token:<name>; last use written at most once a minute', async () => {
    const t0 = Date.now();
    const { token, view } = await create(
      { name: 'grafana', role: 'viewer', accounts: ['staging'] },
      admin,
      t0,
    );
    expect(await authenticateToken(token, '203.0.113.7', t0 + 1_000)).toEqual({
      name: 'token:grafana',
      role: 'viewer',
      accounts: ['staging'],
    });
    expect(await readTokenRow(view.id)).toMatchObject({
      last_used_at: t0 + 1_000,
      last_used_address: '203.0.113.7',
    });
    // Within the minute (and past the few seconds of memory): read again, but not written.
    expect(await authenticateToken(token, '198.51.100.9', t0 + 30_000)).not.toBeNull();
    expect(await readTokenRow(view.id)).toMatchObject({ last_used_at: t0 + 1_000 });
    // A minute on: written, with the new address.
    const later = t0 + 1_000 + TOUCH_EVERY_MS;
    expect(await authenticateToken(token, '198.51.100.9', later)).not.toBeNull();
    const [listed] = await listApiTokens(later);
    expect(listed).toMatchObject({ lastUsedAt: later, lastUsedAddress: '198.51.100.9', state: 'active' });
  });

  it('refuses a wrong secret with a real id, a malformed token, and an unknown one', async () => {
    const { token } = await create({ name: 'real' });
    const other = await create({ name: 'other' });
    expect(await authenticateToken(`${token.slice(0, 21)}${other.token.slice(21)}`, 'a')).toBeNull();
    expect(await authenticateToken(token.slice(0, -1), 'a')).toBeNull();
    expect(await authenticateToken('', 'a')).toBeNull();
    expect(await authenticateToken(`lpt_ffffffffffffffff_${token.slice(21)}`, 'a')).toBeNull();
    expect(await authenticateToken(token, 'a')).not.toBeNull();
  });

  it('a revoked token is refused at once, even while remembered; its name can be used again', async () => {
    const { token, view } = await create({ name: 'ci', role: 'admin' });
    expect(await authenticateToken(token, 'a')).not.toBeNull(); // now remembered for a few seconds
    const bob = { name: 'bob', role: 'admin' as const };
    const revoked = await revokeApiToken(bob, { id: view.id });
    expect(revoked).toMatchObject({ ok: true, data: { state: 'revoked', revokedBy: 'bob' } });
    expect(await authenticateToken(token, 'a')).toBeNull();
    const [entry] = await listActivity({ action: 'token.revoke', limit: 1 });
    expect(entry).toMatchObject({ actor: 'bob', target: 'ci', detail: { tokenId: view.id, role: 'admin' } });
    // Revoking again changes nothing and records nothing more.
    expect((await revokeApiToken(bob, { id: view.id })).ok).toBe(true);
    expect(await listActivity({ action: 'token.revoke' })).toHaveLength(1);
    // A revoked token's name is free for a new one (the activity log tells them apart by id).
    const again = await create({ name: 'CI' });
    expect(again.view.id).not.toBe(view.id);
    expect(await revokeApiToken(bob, { id: 'ffffffffffffffff' })).toMatchObject({ error: 'tokenNotFound' });
    expect(await revokeApiToken(bob, { id: '../x' })).toMatchObject({ error: 'tokenNotFound' });
  });

  it('revoked on another replica (the database only): refused once the few seconds of memory pass', async () => {
    const t0 = Date.now();
    const { token, view } = await create({ name: 'replica' }, admin, t0);
    expect(await authenticateToken(token, 'a', t0)).not.toBeNull();
    await revokeTokenRow(view.id, 'someone-elsewhere', t0 + 1);
    // This process has not been told: at most 5 s of memory, then the database's answer.
    expect(await authenticateToken(token, 'a', t0 + 5_001)).toBeNull();
  });

  it('an expired token is refused from its expiry on, even while remembered', async () => {
    const t0 = Date.now();
    const { token, view } = await create({ name: 'short', expiresInDays: 1 }, admin, t0);
    expect(view.expiresAt).toBe(t0 + DAY);
    expect(await authenticateToken(token, 'a', t0 + DAY - 2_000)).not.toBeNull();
    expect(await authenticateToken(token, 'a', t0 + DAY)).toBeNull();
    const [listed] = (await listApiTokens(t0 + DAY)).filter((x) => x.id === view.id);
    expect(listed?.state).toBe('expired');
  });

  it('refuses a name already used by a token not revoked (any case), a bad name, role or expiry', async () => {
    await create({ name: 'nightly' });
    expect(await createApiToken(admin, { name: 'Nightly' })).toMatchObject({
      ok: false,
      error: 'tokenNameTaken',
      fieldErrors: { name: ['settings.errors.tokenNameTaken'] },
    });
    const bad = async (input: Record<string, unknown>) => {
      const r = await createApiToken(admin, input);
      return r.ok ? null : r.fieldErrors;
    };
    expect(await bad({ name: '' })).toEqual({ name: ['settings.errors.tokenNameRequired'] });
    expect(await bad({ name: 'has space' })).toEqual({ name: ['settings.errors.tokenNameInvalid'] });
    expect(await bad({ name: 'evil\u202e' })).toEqual({ name: ['settings.errors.tokenNameInvalid'] });
    expect(await bad({ name: 'x'.repeat(65) })).toEqual({ name: ['settings.errors.tokenNameTooLong'] });
    expect(await bad({ name: 'ok', role: 'root' })).toEqual({ role: ['settings.errors.tokenRoleInvalid'] });
    expect(await bad({ name: 'ok', expiresInDays: 0 })).toEqual({
      expiresInDays: ['settings.errors.tokenExpiryInvalid'],
    });
    expect(await bad({ name: 'ok', expiresInDays: 1.5 })).toEqual({
      expiresInDays: ['settings.errors.tokenExpiryInvalid'],
    });
    expect(await bad({ name: 'ok', accounts: [] })).toEqual({
      accounts: ['settings.errors.tokenAccountsInvalid'],
    });
    expect(await bad({ name: 'ok', extra: 1 })).not.toBeNull();
  });

  it('reaches only configured accounts, and never further than the admin who makes it', async () => {
    expect(await createApiToken(admin, { name: 'x', accounts: ['nowhere'] })).toMatchObject({
      error: 'unknownAccount',
      params: { account: 'nowhere' },
    });
    const limited = { ...admin, name: 'carol', accounts: ['staging'] };
    // "Every account" from an admin limited to staging: staging.
    expect((await create({ name: 'mine' }, limited)).view.accounts).toEqual(['staging']);
    expect(await createApiToken(limited, { name: 'theirs', accounts: ['prod'] })).toMatchObject({
      error: 'accountForbidden',
    });
    // And revokes only tokens within that reach.
    const everywhere = await create({ name: 'everywhere' });
    expect(await revokeApiToken(limited, { id: everywhere.view.id })).toMatchObject({
      error: 'accountForbidden',
    });
    expect((await readTokenRow(everywhere.view.id))?.revoked_at).toBeNull();
  });

  it(`keeps at most ${MAX_USABLE_TOKENS} usable tokens`, async () => {
    const db = await getDb();
    const now = Date.now();
    await db
      .insertInto('api_tokens')
      .values(
        Array.from({ length: MAX_USABLE_TOKENS }, (_, i) => ({
          id: i.toString(16).padStart(16, '0'),
          name: `bulk-${i}`,
          name_key: `bulk-${i}`,
          token_hash: '0'.repeat(64),
          role: 'viewer' as const,
          accounts: '"*"',
          created_at: now,
          created_by: 'alice',
          expires_at: null,
          last_used_at: null,
          last_used_address: null,
          revoked_at: null,
          revoked_by: null,
        })),
      )
      .execute();
    expect(await createApiToken(admin, { name: 'one-more' })).toMatchObject({ error: 'tokenLimit' });
    await revokeTokenRow('0000000000000000', 'alice');
    expect((await create({ name: 'one-more' })).view.name).toBe('one-more');
  });
});
