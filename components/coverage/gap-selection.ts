import type { CoverageRow, Segment } from '@/lib/coverage/types';
import { windowsBetween } from '@/lib/rules/windows';

/**
 * Which windows "Fill gaps" asks for. A person selects bars (a gap or a failed window, or a run of them; in the
 * day view a day of an hourly rule); each bar stands for the rule's windows inside it, which the server plans
 * one by one (windows archived or queued meanwhile are left out there).
 */
export type GapItem = { ruleId: string; logGroup: string; start: number };

export const FILLABLE = new Set(['gap', 'failed']);

export function isFillable(s: Pick<Segment, 'state'>): boolean {
  return FILLABLE.has(s.state);
}

/** One bar of one row (a rule's log group): the key of the selection. */
export function barKey(row: Pick<CoverageRow, 'ruleId' | 'logGroup'>, s: Pick<Segment, 'start'>): string {
  return `${row.ruleId}\u0000${row.logGroup}\u0000${s.start}`;
}

export function fillableKeys(rows: readonly CoverageRow[]): string[] {
  return rows.flatMap((r) => r.segments.filter(isFillable).map((s) => barKey(r, s)));
}

/**
 * The rule windows of the selected bars, oldest first per row. A bar's end may be exclusive (inside lib/) or
 * inclusive (the API's): either way the windows are those starting in [start, end).
 */
export function selectedItems(rows: readonly CoverageRow[], selected: ReadonlySet<string>): GapItem[] {
  const items: GapItem[] = [];
  for (const row of rows)
    for (const s of row.segments) {
      if (!isFillable(s) || !selected.has(barKey(row, s))) continue;
      for (const w of windowsBetween(s.start, s.end, row.every, row.timeZone))
        items.push({ ruleId: row.ruleId, logGroup: row.logGroup, start: w.start });
    }
  return items;
}

/** Selected keys that still name a fillable bar (after a refresh some were archived or queued). */
export function stillSelected(rows: readonly CoverageRow[], selected: ReadonlySet<string>): Set<string> {
  const live = new Set(fillableKeys(rows));
  return new Set([...selected].filter((k) => live.has(k)));
}

/** Items in requests of at most `size` (the actions take up to 2,000 each). */
export function chunks<T>(items: readonly T[], size = 2000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
