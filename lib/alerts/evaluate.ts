import 'server-only';
import type { Scope } from '@/lib/accounts/types';
import { getDb } from '@/lib/db';
import { historyFor } from '@/lib/export-tasks/history';
import type { CachedGroup } from '@/lib/log-groups/cache';
import { covers } from '@/lib/rules/intervals';
import { exportableFrom } from '@/lib/rules/plan';
import { DEFAULT_BEHIND_MINUTES } from '@/lib/rules/schema';
import { bucketFor } from '@/lib/rules/store';
import type { Rule, Window } from '@/lib/rules/types';
import { raiseAtRisk } from './at-risk';
import { closeEpisodes, openEpisodes, raiseAlert } from './outbox';
import { scopedPath } from './raise';
import { checkpointWindow, LEDGER_ROWS, type Member, membersOf, windowMemo } from './rule-groups';
import { plural, rangeText } from './words';

/**
 * rule.behind and data.atRisk for one (account, Region), right after its scheduler tick and on the same lease,
 * from the store only (no AWS call): the rules' checkpoints, the ledger's unfinished windows, the log-group and
 * history mirrors. Cheap with 1,000 groups: a few indexed queries per rule; windows are walked only for the
 * groups whose unfinished business is old enough to matter.
 */

const MAX_NEW_AT_RISK = 500;

type Late = { group: string; window: Window };

export type AlertsReport = { behind: number; atRisk: number };

/** The scheduler's hook: an alert that cannot be evaluated never stops the exports (it is logged). */
export async function raiseRuleAlerts(
  scope: Scope,
  rules: readonly Rule[],
  groups: readonly CachedGroup[],
  now = Date.now(),
): Promise<AlertsReport | null> {
  try {
    return await evaluateRuleAlerts(scope, rules, groups, now);
  } catch (err) {
    console.error(
      `[alerts] ${scope.account} ${scope.region}: not evaluated:`,
      err instanceof Error ? err.message : err,
    );
    return null;
  }
}

export async function evaluateRuleAlerts(
  scope: Scope,
  rules: readonly Rule[],
  groups: readonly CachedGroup[],
  now = Date.now(),
): Promise<AlertsReport> {
  const report: AlertsReport = { behind: 0, atRisk: 0 };
  const byName = new Map(groups.map((g) => [g.name, g]));
  const enabled = rules.filter((r) => r.enabled);
  // A paused rule is not behind by choice: its episode ends (resuming it starts the clock again).
  await closeEpisodes(
    'rule.behind',
    scope,
    rules.filter((r) => !r.enabled).map((r) => r.id),
    now,
  );
  const open = await openEpisodes(
    'rule.behind',
    scope,
    enabled.map((r) => r.id),
  );
  let atRiskBudget = MAX_NEW_AT_RISK;
  for (const rule of enabled) {
    const members = await membersOf(scope, rule.id);
    if (members.length === 0) continue;
    const late = await lateWindows(scope, rule, members, byName, now);
    if (late.length === 0) {
      if (open.has(rule.id)) await closeEpisodes('rule.behind', scope, [rule.id], now);
    } else if (!open.has(rule.id)) {
      if (await raiseBehind(scope, rule, late, now)) report.behind++;
    }
    if (atRiskBudget > 0) {
      const raised = await raiseAtRisk(scope, rule, members, byName, now, atRiskBudget);
      report.atRisk += raised;
      atRiskBudget -= raised;
    }
  }
  return report;
}

/**
 * When the rule became answerable for a window: when it was due (end + settle), but not before the rule was last
 * saved or resumed, nor before the group joined the rule (a new rule's backfill is not "behind" at birth).
 */
function answerableFrom(rule: Rule, m: Member, w: Window): number {
  return Math.max(w.end + rule.settleMinutes * 60_000, rule.updatedAt, m.seenAt);
}

function behindMs(rule: Rule): number {
  return (rule.behindAfterMinutes ?? DEFAULT_BEHIND_MINUTES) * 60_000;
}

/** Due windows not archived `behindAfterMinutes` after the rule became answerable for them, oldest first. */
async function lateWindows(
  scope: Scope,
  rule: Rule,
  members: Member[],
  groups: Map<string, CachedGroup>,
  now: number,
): Promise<Late[]> {
  const limit = behindMs(rule);
  const byName = new Map(members.map((m) => [m.name, m]));
  const late: Late[] = [];
  // Not yet enqueued: the checkpoint's window (the scheduler just ran; what it could not enqueue waits here).
  const at = windowMemo(rule);
  for (const m of members) {
    const group = groups.get(m.name);
    if (!group || m.nextStart === null) continue;
    const w = checkpointWindow(rule, m, group, now, at);
    if (now - answerableFrom(rule, m, w) >= limit) late.push({ group: m.name, window: w });
  }
  // Enqueued and not completed: queued or running too long, failed, or cancelled.
  const db = await getDb();
  const rows = await db
    .selectFrom('queue_jobs as j')
    .innerJoin('rule_windows as w', 'w.job_id', 'j.id')
    .select(['w.log_group', 'w.window_start', 'w.window_end', 'j.state'])
    .where('j.rule_id', '=', rule.id)
    .where('j.account', '=', scope.account)
    .where('j.region', '=', scope.region)
    .where('j.state', 'in', ['queued', 'submitting', 'running', 'failed', 'cancelled'])
    .where('w.window_end', '<=', now - limit - rule.settleMinutes * 60_000)
    .orderBy('w.window_end', 'desc')
    .limit(LEDGER_ROWS)
    .execute();
  const settled: Array<Late & { state: string }> = [];
  for (const r of rows) {
    const m = byName.get(r.log_group);
    const group = groups.get(r.log_group);
    if (!m || !group) continue;
    const w = { start: r.window_start, end: r.window_end };
    const floor = exportableFrom({ createdAt: group.createdAt, retentionDays: group.retentionDays }, now);
    if (w.end <= floor || now - answerableFrom(rule, m, w) < limit) continue;
    settled.push({ group: r.log_group, window: w, state: r.state });
  }
  // A failed or cancelled window that an export made outside Logport covers is archived after all.
  const ended = settled.filter((s) => s.state === 'failed' || s.state === 'cancelled');
  const history = await completedHistory(scope, rule, [...new Set(ended.map((s) => s.group))]);
  for (const s of settled) {
    if (s.state === 'failed' || s.state === 'cancelled') {
      const group = groups.get(s.group);
      const floor = group
        ? exportableFrom({ createdAt: group.createdAt, retentionDays: group.retentionDays }, now)
        : s.window.start;
      if (covers(history.get(s.group) ?? [], Math.max(s.window.start, floor), s.window.end - 1)) continue;
    }
    late.push({ group: s.group, window: s.window });
  }
  return late.sort((a, b) => a.window.start - b.window.start || a.group.localeCompare(b.group));
}

async function completedHistory(scope: Scope, rule: Rule, names: string[]) {
  const out = new Map<string, Array<{ from: number; to: number }>>();
  for (const h of await historyFor(scope, names, bucketFor(rule, scope.region))) {
    if (h.status !== 'COMPLETED') continue;
    out.set(h.logGroup, [...(out.get(h.logGroup) ?? []), { from: h.from, to: h.to }]);
  }
  return out;
}

async function raiseBehind(scope: Scope, rule: Rule, late: Late[], now: number): Promise<boolean> {
  const oldest = late[0];
  if (!oldest) return false;
  const groups = new Set(late.map((l) => l.group));
  const hours = (rule.behindAfterMinutes ?? DEFAULT_BEHIND_MINUTES) / 60;
  const after = Number.isInteger(hours) ? plural(hours, 'hour') : plural(hours * 60, 'minute');
  const count = late.length >= LEDGER_ROWS ? `${LEDGER_ROWS} or more windows` : plural(late.length, 'window');
  return raiseAlert(
    `rule.behind:${rule.id}:${scope.account}:${scope.region}:${oldest.window.start}`,
    {
      event: 'rule.behind',
      at: now,
      rule: { id: rule.id, name: rule.name },
      account: scope.account,
      region: scope.region,
      logGroup: oldest.group,
      window: oldest.window,
      taskId: null,
      message: `Rule "${rule.name}" is behind: ${count} of ${plural(groups.size, 'log group')} became due more than ${after} ago and ${late.length === 1 ? 'is' : 'are'} not archived. The oldest is ${oldest.group}, ${rangeText(oldest.window.start, oldest.window.end)}.`,
      path: scopedPath(`/coverage?rule=${rule.id}`, scope),
    },
    now,
  );
}
