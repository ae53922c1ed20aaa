import 'server-only';
import { listAccounts } from '@/lib/accounts/registry';
import type { AccountAccess, Scope } from '@/lib/accounts/types';
import { type ActionResult, fail, ok } from '@/lib/action-result';
import { recordActivity } from '@/lib/audit';
import type { Caller } from '@/lib/auth/require-role';
import { getIdentity } from '@/lib/aws/identity';
import { type Db, getDb } from '@/lib/db';
import { historyFor } from '@/lib/export-tasks/history';
import { isStatusCode } from '@/lib/export-tasks/status';
import { type CachedGroup, cachedGroup, cachedGroups } from '@/lib/log-groups/cache';
import { retryJob } from '@/lib/queue/commands';
import type { JobState } from '@/lib/queue/types';
import { exportableFrom } from '@/lib/rules/plan';
import { enqueueWindow } from '@/lib/rules/scheduler';
import { ruleVisibleTo } from '@/lib/rules/service';
import { bucketFor, getRuleRow, listRuleRows, ruleTargets } from '@/lib/rules/store';
import type { Rule, Window } from '@/lib/rules/types';
import { backfillStart, windowAt, windowsBetween } from '@/lib/rules/windows';
import { capacity } from './capacity';
import { segments } from './segments';
import { atRisk, type HistoryEntry, percent, windowStates } from './states';
import type { CoverageOverview, CoverageRow, CoverageState, GroupCoverage, Segment } from './types';

/**
 * Coverage read from the store only (the ledger with its jobs, the export-history mirror, the log-group cache):
 * a page view costs AWS nothing. One row per (rule, log group): that rule's windows and bucket.
 */

const LONGEST_WINDOW_MS = 8 * 86_400_000;

type LedgerRow = { logGroup: string; start: number; state: JobState; taskId: string | null; jobId: string };

async function ledgerOf(
  scope: Scope,
  ruleId: string,
  groups: readonly string[] | null,
  from: number,
  to: number,
) {
  const db = await getDb();
  let q = db
    .selectFrom('rule_windows as w')
    .innerJoin('queue_jobs as j', 'j.id', 'w.job_id')
    .select(['w.log_group', 'w.window_start', 'j.state', 'j.task_id', 'j.id'])
    .where('w.rule_id', '=', ruleId)
    .where('w.account', '=', scope.account)
    .where('w.region', '=', scope.region)
    .where('w.window_end', '>', from)
    .where('w.window_start', '<', to)
    // A bound below too, so the index range is the range shown (a window is at most a week, DST included),
    // not every window since the rule began.
    .where('w.window_start', '>', from - LONGEST_WINDOW_MS);
  if (groups && groups.length <= 500) q = q.where('w.log_group', 'in', groups.length ? [...groups] : ['']);
  const rows = await q.execute();
  return rows.map(
    (r): LedgerRow => ({
      logGroup: r.log_group,
      start: r.window_start,
      state: r.state,
      taskId: r.task_id,
      jobId: r.id,
    }),
  );
}

/** The windows of `rule` shown between `from` and `to`: from its backfill start on, never past `now`'s window. */
function windowsShown(rule: Rule, from: number, to: number): Window[] {
  const first = Math.max(from, backfillStart(rule.backfillFrom, rule.timeZone) ?? rule.createdAt);
  if (first >= to) return [];
  return windowsBetween(first, to, rule.every, rule.timeZone);
}

function rowFor(
  rule: Rule,
  group: CachedGroup | null,
  name: string,
  windows: Window[],
  ledger: LedgerRow[],
  history: HistoryEntry[],
  now: number,
  unit?: 'day' | 'hour',
) {
  const states = windowStates({
    windows,
    ledger: ledger.map((l) => ({ start: l.start, state: l.state, taskId: l.taskId })),
    history,
    retentionDays: group?.retentionDays ?? null,
    createdAt: group?.createdAt ?? null,
    settleMs: rule.settleMinutes * 60_000,
    now,
  });
  const row: CoverageRow = {
    logGroup: name,
    ruleId: rule.id,
    ruleName: rule.name,
    every: rule.every,
    timeZone: rule.timeZone,
    retentionDays: group?.retentionDays ?? null,
    percent: percent(states),
    atRisk: atRisk(states, group?.retentionDays ?? null, now),
    // Hourly windows gather into days for the day view (each day shows its most severe state).
    segments: segments(
      states,
      unit === 'day' && rule.every === 'hour' ? { every: 'day', timeZone: rule.timeZone } : undefined,
    ),
  };
  return { row, states };
}

/** Segments with `end` inclusive, as the API and the rest of Logport speak (AWS's `to`). */
function inclusive(segments: Segment[]): Segment[] {
  return segments.map((s) => ({ ...s, end: s.end - 1 }));
}

export async function groupCoverage(input: {
  scope: Scope;
  access?: AccountAccess;
  logGroup: string;
  ruleId?: string;
  from: number;
  to: number;
  now?: number;
}): Promise<GroupCoverage | null> {
  const { scope } = input;
  const now = input.now ?? Date.now();
  const rule = input.ruleId ? await getRuleRow(input.ruleId) : await ruleOfGroup(scope, input.logGroup);
  if (!rule || !(await runsIn(rule, scope)) || !ruleVisibleTo(rule, input.access)) return null;
  const group = await cachedGroup(scope, input.logGroup);
  const windows = windowsShown(
    rule,
    input.from,
    Math.min(input.to + 1, windowAt(now, rule.every, rule.timeZone).end),
  );
  const ledger = await ledgerOf(scope, rule.id, [input.logGroup], input.from, input.to + 1);
  const history = asHistory(await historyFor(scope, [input.logGroup], bucketFor(rule, scope.region)));
  const { row } = rowFor(rule, group, input.logGroup, windows, ledger, history, now);
  return { logGroup: input.logGroup, segments: inclusive(row.segments) };
}

/** Whether the rule runs in this (account, Region) now. */
async function runsIn(rule: Rule, scope: Scope): Promise<boolean> {
  return ruleTargets(rule, await listAccounts()).some(
    (t) => t.account === scope.account && t.region === scope.region,
  );
}

async function ruleOfGroup(scope: Scope, logGroup: string): Promise<Rule | null> {
  const db = await getDb();
  const hit = await db
    .selectFrom('rule_groups')
    .select('rule_id')
    .where('account', '=', scope.account)
    .where('region', '=', scope.region)
    .where('log_group', '=', logGroup)
    .orderBy('matched', 'desc')
    .executeTakeFirst();
  return hit ? getRuleRow(hit.rule_id) : null;
}

export type OverviewQuery = {
  scope: Scope;
  access?: AccountAccess;
  ruleId?: string;
  state?: CoverageState;
  q?: string;
  from: number;
  to: number;
  unit: 'day' | 'hour';
  now?: number;
};

/** Every (rule, log group) row of /coverage, at-risk ones first, with totals and the capacity estimate. */
export async function coverageOverview(query: OverviewQuery): Promise<CoverageOverview> {
  const { scope } = query;
  const now = query.now ?? Date.now();
  const accounts = await listAccounts();
  const rules = (await listRuleRows()).filter(
    (r) =>
      (!query.ruleId || r.id === query.ruleId) &&
      ruleVisibleTo(r, query.access) &&
      ruleTargets(r, accounts).some((t) => t.account === scope.account && t.region === scope.region),
  );
  const groups = new Map((await cachedGroups(scope)).map((g) => [g.name, g]));
  const db = await getDb();
  const rows: CoverageRow[] = [];
  let gaps = 0;
  let failed = 0;
  for (const rule of rules) {
    // The reads and the states hold the event loop (better-sqlite3 is synchronous): a turn between rules lets
    // other requests, and the page's own first bytes, through.
    await new Promise((resolve) => setImmediate(resolve));
    const members = await db
      .selectFrom('rule_groups')
      .select('log_group')
      .where('rule_id', '=', rule.id)
      .where('account', '=', scope.account)
      .where('region', '=', scope.region)
      .where('matched', '=', 1)
      .orderBy('log_group')
      .execute();
    const needle = query.q?.toLowerCase();
    const names = members.map((m) => m.log_group).filter((n) => !needle || n.toLowerCase().includes(needle));
    if (names.length === 0) continue;
    const windows = windowsShown(
      rule,
      query.from,
      Math.min(query.to + 1, windowAt(now, rule.every, rule.timeZone).end),
    );
    const ledger = await ledgerOf(
      scope,
      rule.id,
      names.length <= 500 ? names : null,
      query.from,
      query.to + 1,
    );
    const history = asHistory(await historyFor(scope, names, bucketFor(rule, scope.region)));
    const ledgerBy = groupBy(ledger, (l) => l.logGroup);
    const historyBy = groupBy(history, (h) => h.logGroup);
    for (const name of names) {
      const { row, states } = rowFor(
        rule,
        groups.get(name) ?? null,
        name,
        windows,
        ledgerBy.get(name) ?? [],
        historyBy.get(name) ?? [],
        now,
        query.unit,
      );
      if (query.state && !states.some((s) => s.state === query.state)) continue;
      gaps += states.filter((s) => s.state === 'gap').length;
      failed += states.filter((s) => s.state === 'failed').length;
      // The overview's bars carry no task id (GET /api/coverage for one group does): with 1,000 groups they
      // were about half of what the page loads and polls.
      rows.push({ ...row, segments: row.segments.map(({ taskId: _taskId, ...bar }) => bar) });
    }
  }
  rows.sort(
    (a, b) =>
      b.atRisk - a.atRisk || a.logGroup.localeCompare(b.logGroup) || a.ruleName.localeCompare(b.ruleName),
  );
  return {
    region: scope.region,
    from: query.from,
    to: query.to,
    unit: query.unit,
    rows,
    totals: {
      percent: totalPercent(rows),
      atRisk: rows.reduce((n, r) => n + r.atRisk, 0),
      gaps,
      failed,
      groups: rows.length,
    },
    capacity: await capacityNow(scope, rules),
  };
}

/** The mirror's rows as coverage reads them; an unknown status (a backend that is not AWS) archives nothing. */
function asHistory(rows: Awaited<ReturnType<typeof historyFor>>): Array<HistoryEntry & { logGroup: string }> {
  return rows.map((r) => ({
    logGroup: r.logGroup,
    from: r.from,
    to: r.to,
    status: isStatusCode(r.status) ? r.status : 'UNKNOWN',
    taskId: r.taskId,
  }));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  // Pushed in place: copying the list per item was quadratic (90,000 ledger rows on a 1,000-group view).
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Archived windows over due windows, across every row (weighted by windows, not by rows). */
function totalPercent(rows: CoverageRow[]): number | null {
  let due = 0;
  let archived = 0;
  for (const r of rows)
    for (const s of r.segments) {
      if (s.state === 'not-due' || s.state === 'expired') continue;
      const span = s.end - s.start;
      due += span;
      if (s.state === 'archived') archived += span;
    }
  return due === 0 ? null : Math.round((archived / due) * 1000) / 10;
}

/** How long the account's latest completed exports took (submission to completion), newest first. */
export function recentDurationsQuery(db: Db, scope: Scope, limit = 50) {
  // Read through the queue_jobs_finished index (account, state, finished_at): no sort of every completed job.
  return db
    .selectFrom('queue_jobs')
    .select((eb) => eb('finished_at', '-', eb.ref('submitted_at')).as('ms'))
    .where('account', '=', scope.account)
    .where('state', '=', 'completed')
    .where('submitted_at', 'is not', null)
    .where('finished_at', 'is not', null)
    .orderBy('finished_at', 'desc')
    .limit(limit);
}

async function capacityNow(scope: Scope, rules: Rule[]) {
  const db = await getDb();
  const recent = await recentDurationsQuery(db, scope).execute();
  const counts = await db
    .selectFrom('rule_groups')
    .select(['rule_id', (eb) => eb.fn.countAll().as('n')])
    .where('matched', '=', 1)
    .groupBy('rule_id')
    .execute();
  return capacity({
    rules: rules
      .filter((r) => r.enabled)
      .map((r) => ({ every: r.every, groups: Number(counts.find((c) => c.rule_id === r.id)?.n ?? 0) })),
    recentDurationsMs: recent.map((r) => Number(r.ms)),
  });
}

export type GapItem = { ruleId: string; logGroup: string; start: number };

/** What "Fill gaps" would do: the windows that are gaps or failed now, one export each. */
export async function planGapFill(
  scope: Scope,
  items: readonly GapItem[],
  { now = Date.now(), access }: { now?: number; access?: AccountAccess } = {},
) {
  const planned: Array<GapItem & { window: Window; from: number; to: number; retry: string | null }> = [];
  for (const item of items) {
    const rule = await getRuleRow(item.ruleId);
    if (!rule || !ruleVisibleTo(rule, access) || !(await runsIn(rule, scope))) continue;
    const window = windowAt(item.start, rule.every, rule.timeZone);
    if (window.start !== item.start) continue;
    const group = await cachedGroup(scope, item.logGroup);
    const floor = exportableFrom(
      { createdAt: group?.createdAt ?? null, retentionDays: group?.retentionDays ?? null },
      now,
    );
    const from = Math.max(window.start, floor);
    const to = window.end - 1;
    if (from >= to || window.end + rule.settleMinutes * 60_000 > now) continue;
    const [ledger] = await ledgerOf(scope, rule.id, [item.logGroup], window.start, window.end);
    const archived = (await historyFor(scope, [item.logGroup], bucketFor(rule, scope.region))).some(
      (h) => h.status === 'COMPLETED' && h.from <= from && h.to >= to,
    );
    if (archived) continue;
    if (ledger && ledger.start === window.start && !['failed', 'cancelled'].includes(ledger.state)) continue;
    planned.push({
      ...item,
      window,
      from,
      to,
      retry: ledger && ledger.start === window.start ? ledger.jobId : null,
    });
  }
  return planned;
}

/**
 * Enqueues the chosen gaps (operators): a window whose job failed or was cancelled is retried (its job goes to
 * the end of the queue), any other gap gets a new ledger row and job. Windows archived or queued meanwhile are
 * left out, so a double click adds nothing twice.
 */
export async function fillGaps(
  caller: Caller,
  scope: Scope,
  items: readonly GapItem[],
): Promise<ActionResult<{ enqueued: number }>> {
  const plan = await planGapFill(scope, items, { access: caller.accounts });
  if (plan.length === 0) return fail('coverageNothingToFill');
  const account = (await getIdentity(scope)).account ?? '000000000000';
  let enqueued = 0;
  for (const p of plan) {
    if (p.retry) {
      const result = await retryJob(caller, p.retry);
      if (result.ok) enqueued++;
      continue;
    }
    const rule = await getRuleRow(p.ruleId);
    if (!rule) continue;
    const outcome = await enqueueWindow(
      scope,
      account,
      { rule, group: p.logGroup, window: p.window, from: p.from, to: p.to },
      caller,
    );
    if (outcome === 'enqueued') enqueued++;
  }
  await recordActivity(caller, {
    action: 'coverage.fill',
    account: scope.account,
    region: scope.region,
    target: `${enqueued}`,
    outcome: 'ok',
    detail: { jobs: enqueued, logGroups: [...new Set(plan.map((p) => p.logGroup))].slice(0, 20) },
  });
  return ok({ enqueued });
}
