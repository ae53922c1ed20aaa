import 'server-only';
import { sql } from 'kysely';
import type { Caller } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';

export type ActivityAction =
  | 'export.launch'
  | 'export.cancel'
  | 'queue.enqueue'
  | 'queue.cancel'
  | 'queue.retry'
  | 'queue.pause'
  | 'queue.resume'
  | 'policy.apply'
  | 'settings.change'
  | 'rule.create'
  | 'rule.update'
  | 'rule.delete'
  | 'rule.enable'
  | 'rule.disable'
  | 'rule.run'
  | 'coverage.fill'
  | 'auth.locked'
  | 'session.end';

export type ActivityEntry = {
  id: number;
  at: number;
  actor: string;
  role: string;
  action: ActivityAction;
  /** The account's name in Logport (null: recorded before accounts existed, the default one). */
  account: string | null;
  region: string | null;
  target: string | null;
  outcome: 'ok' | 'error';
  detail: Record<string, unknown> | null;
};

/**
 * Records one change with who did it; every action that changes AWS or Logport state calls this. Inside a
 * `transaction` it joins it, so a change and its record commit together.
 */
export async function recordActivity(
  // 'system': Logport itself (a sign-in lock is nobody's action).
  who: { name: string; role: Caller['role'] | 'system' },
  entry: {
    action: ActivityAction;
    account?: string;
    region?: string;
    target?: string;
    outcome: 'ok' | 'error';
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  const db = await getDb();
  await db
    .insertInto('activity')
    .values({
      at: Date.now(),
      actor: who.name,
      role: who.role,
      action: entry.action,
      account: entry.account ?? null,
      region: entry.region ?? null,
      target: entry.target ?? null,
      outcome: entry.outcome,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}

export type ActivityFilter = {
  actor?: string;
  action?: string;
  outcome?: 'ok' | 'error';
  text?: string;
  before?: number;
  limit?: number;
};

export async function listActivity(filter: ActivityFilter = {}): Promise<ActivityEntry[]> {
  const db = await getDb();
  let query = db.selectFrom('activity').selectAll();
  if (filter.actor) query = query.where('actor', '=', filter.actor);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
  if (filter.text) {
    // Case-insensitive on both engines (SQLite's LIKE already is for ASCII; PostgreSQL's is not).
    const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(target)`, 'like', sql`${like} ESCAPE '\\'`),
        eb(sql`lower(detail)`, 'like', sql`${like} ESCAPE '\\'`),
      ]),
    );
  }
  if (filter.before) query = query.where('id', '<', filter.before);
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const rows = await query.orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    ...r,
    action: r.action as ActivityAction,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
  }));
}
