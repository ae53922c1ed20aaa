import 'server-only';
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
  | 'settings.change';

export type ActivityEntry = {
  id: number;
  at: number;
  actor: string;
  role: string;
  action: ActivityAction;
  region: string | null;
  target: string | null;
  outcome: 'ok' | 'error';
  detail: Record<string, unknown> | null;
};

type Row = Omit<ActivityEntry, 'detail'> & { detail: string | null };

/** Records one change with who did it; every action that changes AWS or Logport state calls this. */
export function recordActivity(
  who: Caller,
  entry: {
    action: ActivityAction;
    region?: string;
    target?: string;
    outcome: 'ok' | 'error';
    detail?: Record<string, unknown>;
  },
): void {
  getDb()
    .prepare(
      `INSERT INTO activity (at, actor, role, action, region, target, outcome, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      Date.now(),
      who.name,
      who.role,
      entry.action,
      entry.region ?? null,
      entry.target ?? null,
      entry.outcome,
      entry.detail ? JSON.stringify(entry.detail) : null,
    );
}

export type ActivityFilter = {
  actor?: string;
  action?: string;
  outcome?: 'ok' | 'error';
  text?: string;
  before?: number;
  limit?: number;
};

export function listActivity(filter: ActivityFilter = {}): ActivityEntry[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.actor) {
    where.push('actor = ?');
    args.push(filter.actor);
  }
  if (filter.action) {
    where.push('action = ?');
    args.push(filter.action);
  }
  if (filter.outcome) {
    where.push('outcome = ?');
    args.push(filter.outcome);
  }
  if (filter.text) {
    where.push("(target LIKE ? ESCAPE '\\' OR detail LIKE ? ESCAPE '\\')");
    const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    args.push(like, like);
  }
  if (filter.before) {
    where.push('id < ?');
    args.push(filter.before);
  }
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const rows = getDb()
    .prepare(
      `SELECT * FROM activity ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${limit}`,
    )
    .all(...args) as Row[];
  return rows.map((r) => ({
    ...r,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
  }));
}
