import { addDays, startOfDay, toWallTime } from './zone';

export const CHUNKS = ['none', 'day', 'week', 'month'] as const;
export type Chunk = (typeof CHUNKS)[number];

export function isChunk(value: unknown): value is Chunk {
  return typeof value === 'string' && (CHUNKS as readonly string[]).includes(value);
}

/** One export's bounds, both inclusive like CreateExportTask's `from` and `to`. */
export type ExportRange = { from: number; to: number };

/** The first instant after `t` where a new chunk begins: next midnight, next Monday, next first of a month. */
function nextBoundary(t: number, chunk: Exclude<Chunk, 'none'>, timeZone: string): number {
  const w = toWallTime(t, timeZone);
  const day = { year: w.year, month: w.month, day: w.day };
  if (chunk === 'day') return startOfDay(addDays(day, 1), timeZone);
  if (chunk === 'week') {
    // ISO weeks start on Monday; getUTCDay of the civil date gives its weekday without zone effects.
    const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
    const untilMonday = (8 - weekday) % 7 || 7;
    return startOfDay(addDays(day, untilMonday), timeZone);
  }
  const next =
    day.month === 12
      ? { year: day.year + 1, month: 1, day: 1 }
      : { year: day.year, month: day.month + 1, day: 1 };
  return startOfDay(next, timeZone);
}

/**
 * Splits [from, to] (inclusive, from < to) into exports aligned to the zone's calendar: whole days (23 or 25
 * hours on daylight-saving days), weeks from Monday, or months (28 to 31 days). The first and last pieces may
 * be partial; a range shorter than a chunk stays one export. Pieces never overlap and leave no gap.
 */
export function planChunks(from: number, to: number, chunk: Chunk, timeZone: string): ExportRange[] {
  if (!(from < to)) return [];
  if (chunk === 'none') return [{ from, to }];
  const out: ExportRange[] = [];
  let cur = from;
  while (cur <= to) {
    const boundary = nextBoundary(cur, chunk, timeZone);
    out.push({ from: cur, to: Math.min(boundary - 1, to) });
    cur = boundary;
  }
  // A last piece of a single millisecond cannot be exported on its own (AWS wants from < to): fold it back.
  const last = out[out.length - 1];
  const previous = out[out.length - 2];
  if (last && previous && last.from === last.to) {
    previous.to = last.to;
    out.pop();
  }
  return out;
}

/** How many exports planChunks would make, without building them (for limits in validation). */
export function countChunks(from: number, to: number, chunk: Chunk, timeZone: string, max = 10_000): number {
  if (!(from < to)) return 0;
  if (chunk === 'none') return 1;
  let n = 0;
  let cur = from;
  while (cur <= to && n <= max) {
    cur = nextBoundary(cur, chunk, timeZone);
    n++;
  }
  return n;
}
