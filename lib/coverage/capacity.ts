import type { Every } from '@/lib/rules/types';
import { windowsPerDay } from '@/lib/rules/windows';
import type { Capacity } from './types';

/**
 * How much of the account's export time the enabled rules need. An account runs one export at a time
 * (docs/export-tasks-facts.md), so a day offers 24 hours of export time; each window of each group costs one
 * export of about the recent average duration.
 */

/** Assumed when no export has been measured yet: exports of a day of logs typically take minutes. */
export const DEFAULT_EXPORT_MS = 5 * 60_000;
/** Above this share of the day, the backlog may stop shrinking: the page warns. */
export const CAPACITY_WARNING = 0.8;
const AVAILABLE_HOURS = 24;
const HOUR = 3_600_000;

export type CapacityInput = {
  /** Enabled rules: their window length and how many groups they matched at the last tick. */
  rules: ReadonlyArray<{ every: Every; groups: number }>;
  /** Durations of recent completed exports (creation to completion), in ms. */
  recentDurationsMs: readonly number[];
  defaultMs?: number;
};

export function capacity(input: CapacityInput): Capacity {
  // A negative, zero or non-finite duration is a clock or data error, not a measurement.
  const samples = input.recentDurationsMs.filter((d) => Number.isFinite(d) && d > 0);
  const average =
    samples.length > 0
      ? samples.reduce((sum, d) => sum + d, 0) / samples.length
      : (input.defaultMs ?? DEFAULT_EXPORT_MS);
  const exportsPerDay = input.rules.reduce(
    (sum, r) => sum + windowsPerDay(r.every) * Math.max(0, r.groups),
    0,
  );
  const neededHoursPerDay = (exportsPerDay * average) / HOUR;
  return {
    neededHoursPerDay,
    availableHoursPerDay: AVAILABLE_HOURS,
    utilisation: neededHoursPerDay / AVAILABLE_HOURS,
    sampled: samples.length,
  };
}

/** True when the page should warn (utilisation above 80%). */
export function overCapacity(c: Capacity): boolean {
  return c.utilisation > CAPACITY_WARNING;
}
