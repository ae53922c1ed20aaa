import { describe, expect, it } from 'vitest';
import { CAPACITY_WARNING, capacity, DEFAULT_EXPORT_MS, overCapacity } from './capacity';

const MIN = 60_000;

describe('capacity', () => {
  it('multiplies windows per day by the average export duration, against 24 hours', () => {
    // 30 daily groups + 2 hourly groups = 30 + 48 = 78 exports a day, 10 minutes each = 13 hours.
    const c = capacity({
      rules: [
        { every: 'day', groups: 30 },
        { every: 'hour', groups: 2 },
      ],
      recentDurationsMs: [5 * MIN, 15 * MIN, 10 * MIN],
    });
    expect(c).toEqual({ neededHoursPerDay: 13, availableHoursPerDay: 24, utilisation: 13 / 24, sampled: 3 });
    expect(overCapacity(c)).toBe(false);
  });

  it('assumes the default duration when nothing was measured', () => {
    const c = capacity({ rules: [{ every: 'day', groups: 12 }], recentDurationsMs: [] });
    expect(c.sampled).toBe(0);
    expect(c.neededHoursPerDay).toBeCloseTo((12 * DEFAULT_EXPORT_MS) / 3_600_000, 10);
    expect(
      capacity({ rules: [{ every: 'day', groups: 12 }], recentDurationsMs: [], defaultMs: 30 * MIN }),
    ).toMatchObject({ neededHoursPerDay: 6, utilisation: 0.25 });
  });

  it('counts a weekly window as a seventh of an export a day', () => {
    const c = capacity({ rules: [{ every: 'week', groups: 7 }], recentDurationsMs: [60 * MIN] });
    expect(c.neededHoursPerDay).toBeCloseTo(1, 10);
  });

  it('ignores durations that are no measurement', () => {
    const c = capacity({
      rules: [{ every: 'day', groups: 1 }],
      recentDurationsMs: [-5, 0, Number.NaN, Number.POSITIVE_INFINITY, 30 * MIN],
    });
    expect(c).toMatchObject({ sampled: 1, neededHoursPerDay: 0.5 });
  });

  it('flags utilisation above 80%, not at it', () => {
    // 24 hourly groups x 2 min = 19.2 h = exactly 0.8.
    const at = capacity({ rules: [{ every: 'hour', groups: 24 }], recentDurationsMs: [2 * MIN] });
    expect(at.utilisation).toBeCloseTo(CAPACITY_WARNING, 10);
    expect(overCapacity({ ...at, utilisation: CAPACITY_WARNING })).toBe(false);
    const over = capacity({ rules: [{ every: 'hour', groups: 25 }], recentDurationsMs: [2 * MIN] });
    expect(over.utilisation).toBeGreaterThan(0.8);
    expect(overCapacity(over)).toBe(true);
    // More than the day holds: utilisation above 1, the backlog grows.
    expect(
      capacity({ rules: [{ every: 'hour', groups: 100 }], recentDurationsMs: [2 * MIN] }).utilisation,
    ).toBeCloseTo((100 * 24 * 2) / 60 / 24, 10);
  });

  it('needs nothing without rules or groups', () => {
    expect(capacity({ rules: [], recentDurationsMs: [MIN] })).toMatchObject({
      neededHoursPerDay: 0,
      utilisation: 0,
    });
    expect(capacity({ rules: [{ every: 'day', groups: 0 }], recentDurationsMs: [] }).utilisation).toBe(0);
  });
});
