import 'server-only';
import type { Scope } from '@/lib/accounts/types';
import { type HistoryEntry, isAtRisk, windowStates } from '@/lib/coverage/states';
import { getDb } from '@/lib/db';
import { historyFor } from '@/lib/export-tasks/history';
import { isStatusCode } from '@/lib/export-tasks/status';
import type { CachedGroup } from '@/lib/log-groups/cache';
import type { JobState } from '@/lib/queue/types';
import { bucketFor } from '@/lib/rules/store';
import type { Rule, Window } from '@/lib/rules/types';
import { DAY_MS, windowsBetween } from '@/lib/rules/windows';
import { raiseAlert } from './outbox';
import { scopedPath } from './raise';
import { checkpointWindow, LEDGER_ROWS, type Member, windowMemo } from './rule-groups';
import { plural, rangeText } from './words';

/** Retention deletes a gap's data within this long: at risk (as coverage counts it). */
const AT_RISK_MS = 3 * DAY_MS;

/**
 * Gaps whose data retention deletes within 3 days: windows at or after the checkpoint that were never enqueued,
 * and windows whose job was cancelled, in groups with a retention. States come from coverage's own function;
 * the ledger and history of the candidate groups are read in one query each, and windows already announced are
 * skipped before any write.
 */
export async function raiseAtRisk(
  scope: Scope,
  rule: Rule,
  members: Member[],
  groups: Map<string, CachedGroup>,
  now: number,
  budget: number,
): Promise<number> {
  const db = await getDb();
  const cancelled = await db
    .selectFrom('queue_jobs as j')
    .innerJoin('rule_windows as w', 'w.job_id', 'j.id')
    .select(['w.log_group', 'w.window_start', 'w.window_end'])
    .where('j.rule_id', '=', rule.id)
    .where('j.account', '=', scope.account)
    .where('j.region', '=', scope.region)
    .where('j.state', '=', 'cancelled')
    .orderBy('w.window_start', 'desc')
    .limit(LEDGER_ROWS)
    .execute();
  const candidates = new Map<string, Window[]>();
  const settleMs = rule.settleMinutes * 60_000;
  const memberNames = new Set(members.map((m) => m.name));
  const at = windowMemo(rule);
  for (const m of members) {
    const group = groups.get(m.name);
    if (!group || group.retentionDays === null) continue;
    const edge = now - group.retentionDays * DAY_MS + AT_RISK_MS;
    const first = checkpointWindow(rule, m, group, now, at);
    if (first.start >= edge) continue;
    const windows = windowsBetween(first.start, Math.min(edge, now), rule.every, rule.timeZone, 2_000);
    candidates.set(
      m.name,
      windows.filter((w) => w.end + settleMs <= now),
    );
  }
  for (const c of cancelled) {
    const group = groups.get(c.log_group);
    if (!group || group.retentionDays === null || !memberNames.has(c.log_group)) continue;
    if (c.window_start >= now - group.retentionDays * DAY_MS + AT_RISK_MS) continue;
    const list = candidates.get(c.log_group) ?? [];
    if (!list.some((w) => w.start === c.window_start))
      list.push({ start: c.window_start, end: c.window_end });
    candidates.set(c.log_group, list);
  }
  for (const [name, windows] of candidates) if (windows.length === 0) candidates.delete(name);
  if (candidates.size === 0) return 0;

  const names = [...candidates.keys()];
  const ledger = await ledgerOf(scope, rule.id, names, candidates);
  const history = await historyOf(scope, rule, names);
  const found: Array<{ key: string; name: string; window: Window; retentionDays: number }> = [];
  for (const [name, windows] of candidates) {
    const group = groups.get(name);
    if (!group) continue;
    windows.sort((a, b) => a.start - b.start);
    const states = windowStates({
      windows,
      ledger: ledger.get(name) ?? [],
      history: history.get(name) ?? [],
      retentionDays: group.retentionDays,
      createdAt: group.createdAt,
      settleMs,
      now,
    });
    for (const s of states)
      if (isAtRisk(s, group.retentionDays, now))
        found.push({
          key: `data.atRisk:${rule.id}:${scope.account}:${scope.region}:${name}:${s.window.start}`,
          name,
          window: s.window,
          retentionDays: group.retentionDays ?? 0,
        });
  }
  const known = await existingKeys(found.map((f) => f.key));
  let raised = 0;
  for (const f of found) {
    if (raised >= budget) break;
    if (known.has(f.key)) continue;
    const deletedBy = f.window.start + f.retentionDays * DAY_MS;
    const fresh = await raiseAlert(
      f.key,
      {
        event: 'data.atRisk',
        at: now,
        rule: { id: rule.id, name: rule.name },
        account: scope.account,
        region: scope.region,
        logGroup: f.name,
        window: f.window,
        taskId: null,
        message: `Logs of ${f.name} from ${rangeText(f.window.start, f.window.end)} are not archived, and the log group's retention (${plural(f.retentionDays, 'day')}) starts deleting them around ${new Date(deletedBy).toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
        path: scopedPath(`/coverage?rule=${rule.id}&state=gap`, scope),
      },
      now,
    );
    if (fresh) raised++;
  }
  return raised;
}

async function existingKeys(keys: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const db = await getDb();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('alert_events')
      .select('dedupe_key')
      .where('dedupe_key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const r of rows) out.add(r.dedupe_key);
  }
  return out;
}

/** The ledger rows of these groups over the span of their candidate windows. */
async function ledgerOf(scope: Scope, ruleId: string, names: string[], windows: Map<string, Window[]>) {
  const starts = [...windows.values()].flat().map((w) => w.start);
  const out = new Map<string, Array<{ start: number; state: JobState; taskId: string | null }>>();
  if (starts.length === 0) return out;
  const db = await getDb();
  for (let i = 0; i < names.length; i += 500) {
    const rows = await db
      .selectFrom('rule_windows as w')
      .innerJoin('queue_jobs as j', 'j.id', 'w.job_id')
      .select(['w.log_group', 'w.window_start', 'j.state', 'j.task_id'])
      .where('w.rule_id', '=', ruleId)
      .where('w.account', '=', scope.account)
      .where('w.region', '=', scope.region)
      .where('w.log_group', 'in', names.slice(i, i + 500))
      .where('w.window_start', '>=', Math.min(...starts))
      .where('w.window_start', '<=', Math.max(...starts))
      .execute();
    for (const r of rows)
      out.set(r.log_group, [
        ...(out.get(r.log_group) ?? []),
        { start: r.window_start, state: r.state, taskId: r.task_id },
      ]);
  }
  return out;
}

async function historyOf(scope: Scope, rule: Rule, names: string[]): Promise<Map<string, HistoryEntry[]>> {
  const out = new Map<string, HistoryEntry[]>();
  for (const h of await historyFor(scope, names, bucketFor(rule, scope.region)))
    out.set(h.logGroup, [
      ...(out.get(h.logGroup) ?? []),
      { from: h.from, to: h.to, status: isStatusCode(h.status) ? h.status : 'UNKNOWN', taskId: h.taskId },
    ]);
  return out;
}
