import type { CoverageRow, CoverageState, Segment } from '@/lib/coverage/types';

/**
 * A row's windows counted by state, in the unit its bars stand for: days in the day view (hourly windows are
 * gathered into days), hours when zoomed in on an hourly rule, weeks for a weekly rule. Read by the row's text
 * summary ("28 of 30 days archived, 1 gap, 1 failed") for screen readers and for everyone.
 */
export type CountUnit = 'hour' | 'day' | 'week';

const UNIT_MS: Record<CountUnit, number> = { hour: 3_600_000, day: 86_400_000, week: 604_800_000 };

export function countUnit(every: CoverageRow['every'], view: 'day' | 'hour'): CountUnit {
  if (every === 'week') return 'week';
  return view === 'day' ? 'day' : every;
}

/** Windows in one bar: its length over the unit's, rounded (a day with a clock change is 23 or 25 hours). */
export function windowsIn(s: Pick<Segment, 'start' | 'end'>, unit: CountUnit): number {
  return Math.max(1, Math.round((s.end - s.start) / UNIT_MS[unit]));
}

export type RowCounts = Record<CoverageState, number> & { total: number; unit: CountUnit };

export function rowCounts(row: Pick<CoverageRow, 'every' | 'segments'>, view: 'day' | 'hour'): RowCounts {
  const unit = countUnit(row.every, view);
  const counts: RowCounts = {
    archived: 0,
    queued: 0,
    running: 0,
    failed: 0,
    gap: 0,
    'not-due': 0,
    expired: 0,
    total: 0,
    unit,
  };
  for (const s of row.segments) {
    const n = windowsIn(s, unit);
    counts[s.state] += n;
    counts.total += n;
  }
  return counts;
}

/** Anything queued or running in the overview: the page keeps polling while so. */
export function isMoving(rows: readonly Pick<CoverageRow, 'segments'>[]): boolean {
  return rows.some((r) => r.segments.some((s) => s.state === 'queued' || s.state === 'running'));
}
