import 'server-only';
import { listAccounts } from '@/lib/accounts/registry';
import { raiseRuleAlerts } from '@/lib/alerts/evaluate';
import { getIdentity } from '@/lib/aws/identity';
import { getDb, transaction } from '@/lib/db';
import { historyFor, type Scope, syncExportHistory } from '@/lib/export-tasks/history';
import { cachedGroups, refreshTags, syncLogGroups } from '@/lib/log-groups/cache';
import { insertJobs, RULE } from '@/lib/queue/enqueue';
import { QueueError } from '@/lib/queue/errors';
import { ruleTaskName } from './naming';
import { planGroup } from './plan';
import { selectGroups } from './select';
import { bucketFor, listRuleRows, ruleTargets } from './store';
import { renderPrefix } from './template';
import type { Rule, Window } from './types';
import { backfillStart } from './windows';

/**
 * One scheduler tick for one (account, Region): mirror the export history and the log groups, read tags that
 * are due, then for every enabled rule enqueue the due windows of its groups that are neither in the ledger nor
 * already archived, oldest first. Each window's ledger row, queue job and checkpoint commit in one transaction,
 * and the ledger's key makes a window enqueued at most once, whatever crashes or runs twice. The clock is a
 * parameter: tests need no waiting.
 */

/** Rule jobs waiting in the queue per (account, Region): enough to keep the account's export slot busy. */
export const MAX_PENDING_RULE_JOBS = 200;

export type TickReport = {
  calls: { history: number; groups: number; tags: number };
  rules: number;
  enqueued: number;
};

export function ruleBatchId(ruleId: string): string {
  return `rule-${ruleId}`;
}

/** Who rule jobs are recorded as (the activity log's actor for their launches). */
export function ruleActor(rule: Pick<Rule, 'name'>) {
  return { name: `rule:${rule.name}`, role: 'admin' as const };
}

function settleMs(rule: Rule): number {
  return rule.settleMinutes * 60_000;
}

type Candidate = { rule: Rule; group: string; window: Window; from: number; to: number };

export async function schedulerTick(
  scope: Scope,
  { now = Date.now(), onlyRules }: { now?: number; onlyRules?: readonly string[] } = {},
): Promise<TickReport> {
  const report: TickReport = { calls: { history: 0, groups: 0, tags: 0 }, rules: 0, enqueued: 0 };
  const accounts = await listAccounts();
  const here = (r: Rule) =>
    ruleTargets(r, accounts).some((t) => t.account === scope.account && t.region === scope.region);
  const all = (await listRuleRows()).filter(here);
  const rules = all.filter((r) => r.enabled && (!onlyRules || onlyRules.includes(r.id)));
  if (all.length === 0) return report;

  report.calls.history = await syncExportHistory(scope, now);
  report.calls.groups = (await syncLogGroups(scope, now)).calls;
  let groups = await cachedGroups(scope);

  const db = await getDb();
  const tagRules = rules.filter((r) => 'tag' in r.logGroups);
  if (tagRules.length > 0) {
    const wanted = await db
      .selectFrom('rules')
      .select('id')
      .where(
        'id',
        'in',
        tagRules.map((r) => r.id),
      )
      .where('tags_wanted_at', 'is not', null)
      .execute();
    report.calls.tags = await refreshTags(scope, groups, { now, force: wanted.length > 0 });
    if (wanted.length > 0)
      await db
        .updateTable('rules')
        .set({ tags_wanted_at: null })
        .where(
          'id',
          'in',
          wanted.map((w) => w.id),
        )
        .execute();
    if (report.calls.tags > 0) groups = await cachedGroups(scope);
  }

  const account = (await getIdentity(scope)).account ?? '000000000000';
  const pending = Number(
    (
      await db
        .selectFrom('queue_jobs')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('account', '=', scope.account)
        .where('rule_id', 'is not', null)
        .where('state', 'in', ['queued', 'submitting'])
        .executeTakeFirstOrThrow()
    ).n,
  );
  let budget = Math.max(0, MAX_PENDING_RULE_JOBS - pending);
  const byName = new Map(groups.map((g) => [g.name, g]));

  for (const rule of rules) {
    report.rules++;
    const selected = selectGroups(
      rule.logGroups,
      rule.exclude,
      groups.map((g) => ({ name: g.name, tags: g.tags })),
    );
    const checkpoints = await matchGroups(scope, rule, selected, now);
    if (budget === 0) continue;
    const history = await historyFor(scope, selected, bucketFor(rule, scope.region));
    const ours = await queuedNames(history.filter((h) => h.status === 'PENDING' || h.status === 'RUNNING'));
    const candidates: Candidate[] = [];
    const planned = new Map<string, { nextStart: number; windows: Candidate[] }>();
    const first = backfillStart(rule.backfillFrom, rule.timeZone) ?? rule.createdAt;
    // Groups walked from the start (new, or the rule's windows edited): the ledger's windows are skipped.
    const fresh = selected.filter((name) => (checkpoints.get(name) ?? null) === null);
    const ledger = await ledgerStarts(scope, rule.id, fresh);
    for (const name of selected) {
      const group = byName.get(name);
      if (!group) continue;
      const mine = history.filter((h) => h.logGroup === name);
      const plan = planGroup({
        every: rule.every,
        timeZone: rule.timeZone,
        settleMs: settleMs(rule),
        backfillStartMs: first,
        nextStart: checkpoints.get(name) ?? null,
        enqueued: ledger.get(name) ?? [],
        group: { createdAt: group.createdAt, retentionDays: group.retentionDays },
        covered: mine.filter((h) => h.status === 'COMPLETED').map((h) => ({ from: h.from, to: h.to })),
        // Only exports made outside Logport wait the plan: its own are in the ledger or the queue already.
        busy: mine
          .filter((h) => (h.status === 'PENDING' || h.status === 'RUNNING') && !ours.has(h.taskName ?? ''))
          .map((h) => ({ from: h.from, to: h.to })),
        now,
        limit: budget,
      });
      const windows = plan.windows.map((w) => ({ rule, group: name, ...w }));
      planned.set(name, { nextStart: plan.nextStart, windows });
      candidates.push(...windows);
    }
    // Oldest first across the rule's groups, as far as the budget goes.
    candidates.sort((a, b) => a.window.start - b.window.start || a.group.localeCompare(b.group));
    const chosen = candidates.slice(0, budget);
    const chosenSet = new Set(chosen);
    for (const [name, plan] of planned) {
      // The chosen windows of a group are the oldest of its plan; the checkpoint moves past them (and past what
      // the plan skipped before them: covered, expired), to the first window left for a later tick.
      let checkpoint = plan.nextStart;
      for (const c of plan.windows) {
        if (!chosenSet.has(c)) {
          checkpoint = c.window.start;
          break;
        }
        const outcome = await enqueueWindow(scope, account, c);
        if (outcome === 'enqueued') {
          report.enqueued++;
          budget--;
        } else if (outcome !== 'exists') {
          await setProblem(scope, rule.id, name, outcome);
          checkpoint = c.window.start;
          break;
        }
      }
      if (checkpoint !== checkpoints.get(name)) await setCheckpoint(scope, rule.id, name, checkpoint);
    }
    await db.updateTable('rules').set({ last_tick_at: now }).where('id', '=', rule.id).execute();
  }
  // rule.behind and data.atRisk from what this tick left in the store (issue 13), on the same lease.
  await raiseRuleAlerts(scope, all, groups, now);
  return report;
}

/** Which of these tasks Logport's queue made (by task name, unique per job). */
async function queuedNames(tasks: Array<{ taskName: string | null }>): Promise<Set<string>> {
  const names = tasks.flatMap((t) => (t.taskName ? [t.taskName] : []));
  if (names.length === 0) return new Set();
  const db = await getDb();
  const rows = await db
    .selectFrom('queue_jobs')
    .select('task_name')
    .where('task_name', 'in', names)
    .execute();
  return new Set(rows.map((r) => r.task_name));
}

/** The window starts a rule's ledger holds for these groups. */
async function ledgerStarts(scope: Scope, ruleId: string, groups: string[]): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (groups.length === 0) return out;
  const db = await getDb();
  for (let i = 0; i < groups.length; i += 500) {
    const rows = await db
      .selectFrom('rule_windows')
      .select(['log_group', 'window_start'])
      .where('rule_id', '=', ruleId)
      .where('account', '=', scope.account)
      .where('region', '=', scope.region)
      .where('log_group', 'in', groups.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.log_group, [...(out.get(r.log_group) ?? []), r.window_start]);
  }
  return out;
}

/** Records which groups the rule matches now; returns their checkpoints. */
async function matchGroups(scope: Scope, rule: Rule, selected: string[], now: number) {
  const db = await getDb();
  const rows = await db
    .selectFrom('rule_groups')
    .select(['log_group', 'next_start', 'matched'])
    .where('rule_id', '=', rule.id)
    .where('account', '=', scope.account)
    .where('region', '=', scope.region)
    .execute();
  const known = new Map(rows.map((r) => [r.log_group, r]));
  const chosen = new Set(selected);
  for (const name of selected) {
    const row = known.get(name);
    if (row?.matched === 1) continue;
    await db
      .insertInto('rule_groups')
      .values({
        rule_id: rule.id,
        ...scope,
        log_group: name,
        next_start: null,
        matched: 1,
        problem: null,
        seen_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['rule_id', 'account', 'region', 'log_group']).doUpdateSet({ matched: 1, seen_at: now }),
      )
      .execute();
  }
  const dropped = rows.filter((r) => r.matched === 1 && !chosen.has(r.log_group)).map((r) => r.log_group);
  for (let i = 0; i < dropped.length; i += 500)
    await db
      .updateTable('rule_groups')
      .set({ matched: 0 })
      .where('rule_id', '=', rule.id)
      .where('account', '=', scope.account)
      .where('region', '=', scope.region)
      .where('log_group', 'in', dropped.slice(i, i + 500))
      .execute();
  return new Map(rows.map((r) => [r.log_group, r.next_start]));
}

async function setCheckpoint(
  scope: Scope,
  ruleId: string,
  logGroup: string,
  nextStart: number,
): Promise<void> {
  const db = await getDb();
  await db
    .updateTable('rule_groups')
    .set({ next_start: nextStart, problem: null })
    .where('rule_id', '=', ruleId)
    .where('account', '=', scope.account)
    .where('region', '=', scope.region)
    .where('log_group', '=', logGroup)
    .execute();
}

async function setProblem(scope: Scope, ruleId: string, logGroup: string, problem: string): Promise<void> {
  const db = await getDb();
  await db
    .updateTable('rule_groups')
    .set({ problem })
    .where('rule_id', '=', ruleId)
    .where('account', '=', scope.account)
    .where('region', '=', scope.region)
    .where('log_group', '=', logGroup)
    .execute();
}

/**
 * The window's ledger row and its queue job, in one transaction. `exists` when the ledger already holds it
 * (another tick or replica got there first: the key refuses a second row, and the job rolls back with it).
 */
export async function enqueueWindow(
  scope: Scope,
  accountId: string,
  c: Candidate,
  by?: { name: string; role: 'viewer' | 'operator' | 'admin' },
): Promise<'enqueued' | 'exists' | 'logGroupNameUnsafe'> {
  const { rule, group, window } = c;
  const prefix = renderPrefix(rule.prefixTemplate, {
    logGroup: group,
    account: accountId,
    region: scope.region,
    windowStart: window.start,
    timeZone: rule.timeZone,
  });
  if (prefix === null) return 'logGroupNameUnsafe';
  const taskName = ruleTaskName({
    ruleId: rule.id,
    account: scope.account,
    region: scope.region,
    logGroup: group,
    window,
    every: rule.every,
    timeZone: rule.timeZone,
  });
  try {
    await transaction(async (db) => {
      const now = Date.now();
      const taken = await db
        .selectFrom('rule_windows')
        .select('job_id')
        .where('rule_id', '=', rule.id)
        .where('account', '=', scope.account)
        .where('region', '=', scope.region)
        .where('log_group', '=', group)
        .where('window_start', '=', window.start)
        .executeTakeFirst();
      if (taken) throw new QueueError('queueDuplicateTaskName', { taskName });
      await db
        .insertInto('queue_batches')
        .values({
          id: ruleBatchId(rule.id),
          created_at: now,
          created_by: rule.createdBy,
          created_role: 'admin',
          rule_id: rule.id,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      const [jobId] = await insertJobs(
        ruleBatchId(rule.id),
        [
          {
            region: scope.region,
            logGroupName: group,
            from: c.from,
            to: c.to,
            destination: bucketFor(rule, scope.region),
            destinationPrefix: prefix,
            taskName,
          },
        ],
        { by: by ?? ruleActor(rule), priority: RULE, ruleId: rule.id, account: scope.account, now },
      );
      await db
        .insertInto('rule_windows')
        .values({
          rule_id: rule.id,
          ...scope,
          log_group: group,
          window_start: window.start,
          window_end: window.end,
          job_id: jobId ?? '',
          created_at: now,
        })
        .execute();
    });
    return 'enqueued';
  } catch (err) {
    if (err instanceof QueueError || isUniqueViolation(err)) return 'exists';
    throw err;
  }
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return e?.code === '23505' || /UNIQUE constraint failed/.test(e?.message ?? '');
}
