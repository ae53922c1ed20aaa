import 'server-only';
import type { Scope } from '@/lib/accounts/types';
import { getDb } from '@/lib/db';
import type { CachedGroup } from '@/lib/log-groups/cache';
import { exportableFrom } from '@/lib/rules/plan';
import type { Rule, Window } from '@/lib/rules/types';
import { backfillStart, windowAt } from '@/lib/rules/windows';

/** What rule.behind and data.atRisk both read: a rule's groups here, and the window at each one's checkpoint. */

// Bounds per tick: a rule failing for weeks must not make one tick read or raise without end.
export const LEDGER_ROWS = 2_000;

export type Member = { name: string; nextStart: number | null; seenAt: number };

export async function membersOf(scope: Scope, ruleId: string): Promise<Member[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom('rule_groups')
    .select(['log_group', 'next_start', 'seen_at'])
    .where('rule_id', '=', ruleId)
    .where('account', '=', scope.account)
    .where('region', '=', scope.region)
    .where('matched', '=', 1)
    .execute();
  return rows.map((r) => ({ name: r.log_group, nextStart: r.next_start, seenAt: r.seen_at }));
}

/** The first window at or after the checkpoint that still holds something to export. */
export function checkpointWindow(
  rule: Rule,
  m: Member,
  group: CachedGroup,
  now: number,
  at: (t: number) => Window,
): Window {
  const first = m.nextStart ?? backfillStart(rule.backfillFrom, rule.timeZone) ?? rule.createdAt;
  const floor = exportableFrom({ createdAt: group.createdAt, retentionDays: group.retentionDays }, now);
  return at(Math.max(first, floor));
}

/** windowAt for one rule, remembered: a rule's groups mostly share their checkpoint, so 1,000 groups cost a few. */
export function windowMemo(rule: Rule): (t: number) => Window {
  const seen = new Map<number, Window>();
  return (t) => {
    let w = seen.get(t);
    if (!w) {
      w = windowAt(t, rule.every, rule.timeZone);
      seen.set(t, w);
    }
    return w;
  };
}
