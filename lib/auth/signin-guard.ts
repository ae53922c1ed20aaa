import 'server-only';
import { recordActivity } from '@/lib/audit';
import { engine, getDb, transaction } from '@/lib/db';
import { blockedUntil, liveFailures, type SigninLimits, signinLimits } from './signin-limits';

/**
 * Failed sign-ins counted in the database (issue 14.2): they survive restarts and are shared by replicas.
 *
 * Each attempt is counted as a failure *before* the password is checked, in one transaction with the check of
 * the counters: eight attempts sent at once are taken one after another, so the sixth already finds the wait
 * the fifth set. A successful attempt then takes its count back (and clears the user name's counter).
 * Unknown user names are counted exactly like known ones: the answers never say whether a user exists.
 */
export type AttemptKeys = { user: string; address: string };
export type Gate =
  | { allowed: true; keys: AttemptKeys }
  | { allowed: false; keys: AttemptKeys; retryAfterMs: number };

const MAX_KEY = 128;
const CLEANUP_EVERY_MS = 10 * 60_000;
const g = globalThis as unknown as { logportSigninCleanup?: number };

export function attemptKeys(username: string, address: string): AttemptKeys {
  return { user: username.trim().toLowerCase().slice(0, MAX_KEY), address: address.slice(0, MAX_KEY) };
}

type Row = { scope: 'user' | 'address'; key: string; failures: number; last_at: number };

/**
 * The two counters. `lock`: inside a transaction, hold them until it ends. SQLite's BEGIN IMMEDIATE already
 * serialises writers; PostgreSQL needs FOR UPDATE (in a fixed order, so two attempts never deadlock).
 */
async function readRows(keys: AttemptKeys, lock = false): Promise<Row[]> {
  const db = await getDb();
  const query = db
    .selectFrom('signin_failures')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('scope', '=', 'user'), eb('key', '=', keys.user)]),
        eb.and([eb('scope', '=', 'address'), eb('key', '=', keys.address)]),
      ]),
    )
    .orderBy('scope')
    .orderBy('key');
  return (lock && engine() === 'postgres' ? query.forUpdate() : query).execute();
}

/** Forgets counters quiet for a day (at most every 10 minutes per process): random names cannot fill the table. */
async function cleanup(now: number, limits: SigninLimits): Promise<void> {
  if (now - (g.logportSigninCleanup ?? 0) < CLEANUP_EVERY_MS) return;
  g.logportSigninCleanup = now;
  const db = await getDb();
  await db
    .deleteFrom('signin_failures')
    .where('last_at', '<', now - limits.forgetMs)
    .execute();
}

/** Takes an attempt (counting it as a failure until it succeeds), or says how long to wait first. */
export async function beginAttempt(
  username: string,
  address: string,
  now = Date.now(),
  limits = signinLimits(),
): Promise<Gate> {
  const keys = attemptKeys(username, address);
  await cleanup(now, limits);
  return transaction(async (db) => {
    // Rows to lock must exist: a first attempt creates them empty (no failure yet).
    for (const scope of ['user', 'address'] as const) {
      await db
        .insertInto('signin_failures')
        .values({ scope, key: keys[scope], failures: 0, last_at: now })
        .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
        .execute();
    }
    const rows = await readRows(keys, true);
    const until = Math.max(0, ...rows.map((r) => blockedUntil(r, now, limits)));
    if (until > now) return { allowed: false, keys, retryAfterMs: until - now };
    for (const scope of ['user', 'address'] as const) {
      const row = rows.find((r) => r.scope === scope);
      const failures = (row ? liveFailures(row, now, limits) : 0) + 1;
      await db
        .updateTable('signin_failures')
        .set({ failures, last_at: now })
        .where('scope', '=', scope)
        .where('key', '=', keys[scope])
        .execute();
    }
    return { allowed: true, keys };
  });
}

async function takeBack(db: Awaited<ReturnType<typeof getDb>>, scope: Row['scope'], key: string) {
  await db
    .updateTable('signin_failures')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

/**
 * Settles an attempt taken by `beginAttempt`. `success` clears the user name's counter and takes the address's
 * count back; `error` (Logport could not check, e.g. a broken users file) takes both back; `failure` keeps them
 * and, when they now lock, records it in the activity log. Answers how long the next attempt must wait.
 */
export async function finishAttempt(
  keys: AttemptKeys,
  outcome: 'success' | 'failure' | 'error',
  now = Date.now(),
  limits = signinLimits(),
): Promise<{ retryAfterMs: number }> {
  return transaction(async (db) => {
    if (outcome === 'success') {
      await db
        .deleteFrom('signin_failures')
        .where('scope', '=', 'user')
        .where('key', '=', keys.user)
        .execute();
      await takeBack(db, 'address', keys.address);
      return { retryAfterMs: 0 };
    }
    if (outcome === 'error') {
      await takeBack(db, 'user', keys.user);
      await takeBack(db, 'address', keys.address);
      return { retryAfterMs: 0 };
    }
    const rows = await readRows(keys);
    let until = 0;
    for (const row of rows) {
      const rowUntil = blockedUntil(row, now, limits);
      until = Math.max(until, rowUntil);
      if (liveFailures(row, now, limits) >= limits.lockAfter) {
        await recordActivity(
          { name: 'logport', role: 'system' },
          {
            action: 'auth.locked',
            target: row.key,
            outcome: 'ok',
            detail: {
              scope: row.scope,
              failures: row.failures,
              until: rowUntil,
              // The other half of the attempt: from where a user name was locked, which name an address tried.
              ...(row.scope === 'user' ? { address: keys.address } : { userName: keys.user }),
            },
          },
        );
      }
    }
    return { retryAfterMs: Math.max(0, until - now) };
  });
}

/** For the admin's view and tests: the counter of one user name or address. */
export async function failuresOf(scope: Row['scope'], key: string): Promise<number> {
  const db = await getDb();
  const row = await db
    .selectFrom('signin_failures')
    .select('failures')
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.failures ?? 0;
}
