import 'server-only';
import { sql } from 'kysely';
import type { AccountAccess } from '@/lib/accounts/types';
import type { Caller } from '@/lib/auth/require-role';
import { type Db, getDb } from '@/lib/db';
import type { ActivityAction } from './actions';

export type { ActivityAction } from './actions';

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
  /** Entries at or after this moment (epoch ms). */
  since?: number;
  /** Entries before this moment (epoch ms, exclusive). */
  until?: number;
  /** Entries older than this id (the page position). */
  before?: number;
  limit?: number;
  /**
   * What the reader may reach: entries of other accounts are left out (entries of no account — settings,
   * sign-ins, changes to every account — stay). Absent or `*`: everything.
   */
  accounts?: AccountAccess;
};

type ActivityRow = Awaited<ReturnType<ReturnType<typeof selectFiltered>['execute']>>[number];

/** The filter as a query, newest first; shared by the page, the count and the CSV download. */
function selectFiltered(db: Db, filter: ActivityFilter) {
  let query = db.selectFrom('activity').selectAll();
  const access = filter.accounts;
  if (access !== undefined && access !== '*')
    query = query.where((eb) =>
      eb.or([eb('account', 'is', null), ...(access.length ? [eb('account', 'in', [...access])] : [])]),
    );
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
  if (filter.since !== undefined) query = query.where('at', '>=', filter.since);
  if (filter.until !== undefined) query = query.where('at', '<', filter.until);
  if (filter.before) query = query.where('id', '<', filter.before);
  return query.orderBy('id', 'desc');
}

function toEntry(r: ActivityRow): ActivityEntry {
  return {
    ...r,
    action: r.action as ActivityAction,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
  };
}

export async function listActivity(filter: ActivityFilter = {}): Promise<ActivityEntry[]> {
  const db = await getDb();
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const rows = await selectFiltered(db, filter).limit(limit).execute();
  return rows.map(toEntry);
}

/** How many entries the filter matches, counted up to `cap` (a larger answer is `cap`). */
export async function countActivity(filter: ActivityFilter, cap: number): Promise<number> {
  const db = await getDb();
  const row = await db
    .selectFrom(selectFiltered(db, filter).clearSelect().select('id').clearOrderBy().limit(cap).as('matched'))
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The filter's entries newest first in pages (by id, so each page is one indexed query and memory stays flat
 * however many there are), at most `max` in all: the CSV download streams these.
 */
export async function* activityPages(
  filter: ActivityFilter,
  { max, pageSize = 1000 }: { max: number; pageSize?: number },
): AsyncGenerator<ActivityEntry[]> {
  let left = max;
  let before = filter.before;
  while (left > 0) {
    const db = await getDb();
    const rows = await selectFiltered(db, { ...filter, before })
      .limit(Math.min(pageSize, left))
      .execute();
    if (rows.length === 0) return;
    yield rows.map(toEntry);
    left -= rows.length;
    before = rows.at(-1)?.id;
    if (rows.length < pageSize) return;
  }
}
