import 'server-only';
import { sql } from 'kysely';
import { changed, engine, getDb } from '@/lib/db';

/**
 * One worker per store: the worker that holds the lease row submits; any other process on the same data
 * folder (or, on PostgreSQL, any other replica) stands by and takes over once the holder stops renewing
 * (crash, SIGKILL) and the lease expires. On PostgreSQL the expiry is judged by the database's own clock,
 * never by each machine's; `now` is for tests on a fake clock.
 */
const NAME = 'worker';

/** The moment to judge leases by: the caller's (tests), SQLite's host clock, or PostgreSQL's. */
function clock(now: number | undefined) {
  if (now !== undefined) return sql<number>`${now}`;
  if (engine() === 'postgres') return sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;
  return sql<number>`${Date.now()}`;
}

export async function acquireLease(
  owner: string,
  ttlMs: number,
  now?: number,
  name = NAME,
): Promise<boolean> {
  const db = await getDb();
  const at = clock(now);
  const result = await db
    .insertInto('queue_lease')
    .values({ name, owner, expires_at: sql<number>`${at} + ${ttlMs}` })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({
          owner: (eb) => eb.ref('excluded.owner'),
          expires_at: (eb) => eb.ref('excluded.expires_at'),
        })
        .where((eb) => eb.or([eb('queue_lease.owner', '=', owner), eb('queue_lease.expires_at', '<=', at)])),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function holdsLease(owner: string, now?: number, name = NAME): Promise<boolean> {
  const db = await getDb();
  const row = await db
    .selectFrom('queue_lease')
    .select('owner')
    .where('name', '=', name)
    .where('owner', '=', owner)
    .where('expires_at', '>', clock(now))
    .executeTakeFirst();
  return row !== undefined;
}

/** On a clean stop, so a restarted server does not wait for the lease to expire. */
export async function releaseLease(owner: string, name = NAME): Promise<void> {
  const db = await getDb();
  changed(
    await db.deleteFrom('queue_lease').where('name', '=', name).where('owner', '=', owner).executeTakeFirst(),
  );
}

export async function leaseHolder(
  now?: number,
  name = NAME,
): Promise<{ owner: string; expiresAt: number } | null> {
  const db = await getDb();
  const row = await db
    .selectFrom('queue_lease')
    .select(['owner', 'expires_at'])
    .where('name', '=', name)
    .where('expires_at', '>', clock(now))
    .executeTakeFirst();
  return row ? { owner: row.owner, expiresAt: row.expires_at } : null;
}

/** Every lease held now (which process runs which account's worker, the alerts, …), for /settings. */
export async function listLeases(
  now?: number,
): Promise<Array<{ name: string; owner: string; expiresAt: number }>> {
  const db = await getDb();
  const rows = await db
    .selectFrom('queue_lease')
    .select(['name', 'owner', 'expires_at'])
    .where('expires_at', '>', clock(now))
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ name: r.name, owner: r.owner, expiresAt: r.expires_at }));
}
