import { describe, expect, it } from 'vitest';
import { estimateRemainingMs, median } from './estimate';

describe('estimateRemainingMs', () => {
  it('knows nothing until an export has finished', () => {
    expect(estimateRemainingMs({ recentDurations: [], waiting: 5, runningElapsedMs: null })).toBeNull();
  });

  it('multiplies the typical duration by the jobs waiting', () => {
    expect(estimateRemainingMs({ recentDurations: [60_000], waiting: 3, runningElapsedMs: null })).toBe(
      180_000,
    );
  });

  it('counts what is left of the running job, never less than nothing', () => {
    const base = { recentDurations: [60_000, 60_000], waiting: 1 };
    expect(estimateRemainingMs({ ...base, runningElapsedMs: 20_000 })).toBe(100_000);
    expect(estimateRemainingMs({ ...base, runningElapsedMs: 600_000 })).toBe(60_000);
  });

  it('uses the median so one huge export does not swing the estimate', () => {
    expect(
      estimateRemainingMs({ recentDurations: [10, 10, 10_000], waiting: 2, runningElapsedMs: null }),
    ).toBe(20);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('ignores nonsense durations', () => {
    expect(
      estimateRemainingMs({ recentDurations: [-5, Number.NaN, 100], waiting: 1, runningElapsedMs: null }),
    ).toBe(100);
  });
});
