import { describe, expect, it } from 'vitest';
import type { CoverageRow } from '@/lib/coverage/types';
import { barKey, chunks, fillableKeys, selectedItems, stillSelected } from './gap-selection';
import { isMoving, rowCounts } from './row-summary';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const D0 = Date.UTC(2026, 10, 1);

function row(partial: Partial<CoverageRow>): CoverageRow {
  return {
    logGroup: '/app/api',
    ruleId: 'a'.repeat(32),
    ruleName: 'daily',
    every: 'day',
    timeZone: 'UTC',
    retentionDays: 30,
    percent: 50,
    atRisk: 0,
    segments: [],
    ...partial,
  };
}

describe('coverage rows', () => {
  const daily = row({
    segments: [
      { start: D0, end: D0 + 28 * DAY, state: 'archived' },
      { start: D0 + 28 * DAY, end: D0 + 29 * DAY, state: 'gap' },
      { start: D0 + 29 * DAY, end: D0 + 30 * DAY, state: 'failed', taskId: 't' },
      { start: D0 + 30 * DAY, end: D0 + 31 * DAY, state: 'not-due' },
    ],
  });

  it('counts windows per state in the unit a bar stands for', () => {
    expect(rowCounts(daily, 'day')).toMatchObject({
      archived: 28,
      gap: 1,
      failed: 1,
      'not-due': 1,
      total: 31,
      unit: 'day',
    });
    // A day with a clock change (25 hours) is still one day.
    expect(rowCounts(row({ segments: [{ start: 0, end: 25 * HOUR, state: 'gap' }] }), 'day').gap).toBe(1);
    expect(
      rowCounts(row({ every: 'hour', segments: [{ start: 0, end: 5 * HOUR, state: 'gap' }] }), 'hour'),
    ).toMatchObject({
      gap: 5,
      unit: 'hour',
    });
    expect(
      rowCounts(row({ every: 'week', segments: [{ start: 0, end: 14 * DAY, state: 'archived' }] }), 'hour')
        .unit,
    ).toBe('week');
  });

  it('keeps polling only while something is queued or running', () => {
    expect(isMoving([daily])).toBe(false);
    expect(isMoving([daily, row({ segments: [{ start: 0, end: DAY, state: 'running' }] })])).toBe(true);
  });

  it('a selected bar stands for each rule window inside it, exclusive or inclusive end alike', () => {
    const gaps = row({
      segments: [
        { start: D0, end: D0 + 3 * DAY, state: 'gap' },
        { start: D0 + 3 * DAY, end: D0 + 4 * DAY, state: 'archived' },
      ],
    });
    const key = barKey(gaps, { start: D0 });
    expect(fillableKeys([gaps])).toEqual([key]);
    expect(selectedItems([gaps], new Set([key])).map((i) => i.start)).toEqual([D0, D0 + DAY, D0 + 2 * DAY]);
    const inclusive = row({ segments: [{ start: D0, end: D0 + 3 * DAY - 1, state: 'gap' }] });
    expect(selectedItems([inclusive], new Set([key]))).toHaveLength(3);
  });

  it("a day of an hourly rule in the day view stands for its hours, in the rule's zone", () => {
    const start = Date.UTC(2026, 10, 1, 15); // 00:00 in Tokyo
    const hourly = row({
      every: 'hour',
      timeZone: 'Asia/Tokyo',
      segments: [{ start, end: start + DAY, state: 'gap' }],
    });
    const items = selectedItems([hourly], new Set([barKey(hourly, { start })]));
    expect(items).toHaveLength(24);
    expect(items[1]).toEqual({ ruleId: 'a'.repeat(32), logGroup: '/app/api', start: start + HOUR });
  });

  it('forgets selected bars that are no longer gaps, and splits big requests', () => {
    const before = row({ segments: [{ start: D0, end: D0 + DAY, state: 'gap' }] });
    const after = row({ segments: [{ start: D0, end: D0 + DAY, state: 'queued' }] });
    const sel = new Set([barKey(before, { start: D0 })]);
    expect(stillSelected([before], sel).size).toBe(1);
    expect(stillSelected([after], sel).size).toBe(0);
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
