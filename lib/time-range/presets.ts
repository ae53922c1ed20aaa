import { addDays, startOfDay, toWallTime } from './zone';

/**
 * Time-range presets, computed in the user's time zone. Ranges are half-open [start, end): `end` is the first
 * millisecond NOT exported. CreateExportTask's `to` is inclusive, so the export uses `to = end - 1`; that way
 * "yesterday" and the next day never share an event, and chunks of a long range never overlap.
 */
export const PRESETS = [
  'last-hour',
  'last-24-hours',
  'yesterday',
  'last-7-days',
  'last-month',
  'custom',
] as const;
export type Preset = (typeof PRESETS)[number];

export function isPreset(value: unknown): value is Preset {
  return typeof value === 'string' && (PRESETS as readonly string[]).includes(value);
}

export type Range = { start: number; end: number };

const HOUR = 3_600_000;

function today(now: number, timeZone: string) {
  const w = toWallTime(now, timeZone);
  return { year: w.year, month: w.month, day: w.day };
}

/** The preset's range at `now`; `custom` has none (the user types it). */
export function presetRange(preset: Exclude<Preset, 'custom'>, now: number, timeZone: string): Range {
  const day = today(now, timeZone);
  switch (preset) {
    case 'last-hour':
      return { start: now - HOUR, end: now };
    case 'last-24-hours':
      return { start: now - 24 * HOUR, end: now };
    case 'yesterday':
      return { start: startOfDay(addDays(day, -1), timeZone), end: startOfDay(day, timeZone) };
    case 'last-7-days':
      // Seven whole days ending with yesterday: whole days export cleanly and today's newest hours may not be
      // exportable yet. Calendar days, so a daylight-saving week is 167 or 169 hours.
      return { start: startOfDay(addDays(day, -7), timeZone), end: startOfDay(day, timeZone) };
    case 'last-month': {
      const firstOfThis = { year: day.year, month: day.month, day: 1 };
      const firstOfLast =
        day.month === 1
          ? { year: day.year - 1, month: 12, day: 1 }
          : { year: day.year, month: day.month - 1, day: 1 };
      return { start: startOfDay(firstOfLast, timeZone), end: startOfDay(firstOfThis, timeZone) };
    }
  }
}

/** CreateExportTask's inclusive `from`/`to` for a half-open range. */
export function toExportBounds(range: Range): { from: number; to: number } {
  return { from: range.start, to: range.end - 1 };
}

/** An end in the future cannot hold events yet: it is moved back to now, and the caller says so. */
export function clampEnd(range: Range, now: number): Range & { clamped: boolean } {
  return range.end > now ? { start: range.start, end: now, clamped: true } : { ...range, clamped: false };
}

/** CloudWatch Logs may need up to 12 hours before new events can be exported. */
export const EXPORT_LAG_MS = 12 * HOUR;

export function touchesRecentHours(range: Range, now: number): boolean {
  return range.end > now - EXPORT_LAG_MS;
}
