import 'server-only';
import type { Db } from '@/lib/db';

/**
 * One worker per data folder: the worker that holds the lease row submits; any other process on the same
 * folder stands by and takes over once the holder stops renewing (crash, SIGKILL) and the lease expires.
 */
const NAME = 'worker';

export function acquireLease(db: Db, owner: string, ttlMs: number, now = Date.now()): boolean {
  const result = db
    .prepare(
      `INSERT INTO queue_lease (name, owner, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
       WHERE queue_lease.owner = excluded.owner OR queue_lease.expires_at <= ?`,
    )
    .run(NAME, owner, now + ttlMs, now);
  return result.changes === 1;
}

export function holdsLease(db: Db, owner: string, now = Date.now()): boolean {
  return Boolean(
    db
      .prepare('SELECT 1 FROM queue_lease WHERE name = ? AND owner = ? AND expires_at > ?')
      .pluck()
      .get(NAME, owner, now),
  );
}

/** On a clean stop, so a restarted server does not wait for the lease to expire. */
export function releaseLease(db: Db, owner: string): void {
  db.prepare('DELETE FROM queue_lease WHERE name = ? AND owner = ?').run(NAME, owner);
}

export function leaseHolder(db: Db, now = Date.now()): { owner: string; expiresAt: number } | null {
  const row = db.prepare('SELECT owner, expires_at FROM queue_lease WHERE name = ?').get(NAME) as
    | { owner: string; expires_at: number }
    | undefined;
  return row && row.expires_at > now ? { owner: row.owner, expiresAt: row.expires_at } : null;
}
