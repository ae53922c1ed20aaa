import { addDays, nextOffsetChange, startOfDay, toWallTime } from '@/lib/time-range/zone';
import { isValidDate } from './schema';
import type { Every, Window } from './types';

/**
 * A rule's windows: local hours, days and weeks in an IANA zone, [start, end) in epoch ms. Pure (Intl only), so
 * the scheduler, the coverage page and the form's preview agree.
 *
 * Daylight saving: a day is 23 or 25 hours on the days the clocks change; a skipped local hour (02:00 in New
 * York in March) is no window at all; a repeated local hour (01:00 in New York in November) is two windows,
 * one per offset. Weeks start on Monday at 00:00 local (ISO weeks), whatever the locale.
 */

const MINUTE = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

type CivilDate = { year: number; month: number; day: number };

function civilDate(t: number, timeZone: string): CivilDate {
  const w = toWallTime(t, timeZone);
  return { year: w.year, month: w.month, day: w.day };
}

/** The local hour containing t: from the last whole-hour mark or offset change to the next one. */
function hourAt(t: number, timeZone: string): Window {
  const w = toWallTime(t, timeZone);
  const into = w.minute * MINUTE + w.second * 1000 + w.millisecond;
  // Under the offset that applies at t, the hour's marks are t - into and t - into + 1 h; a change of offset in
  // between (a half-hour shift such as Lord Howe's, or the instant of any change) cuts the window there.
  let start = t - into;
  if (into > 0) start = nextOffsetChange(start, t, timeZone) ?? start;
  let end = t - into + HOUR_MS;
  const change = nextOffsetChange(t, end - 1, timeZone);
  if (change !== null) end = change;
  return { start, end };
}

function dayAt(t: number, timeZone: string): Window {
  const d = civilDate(t, timeZone);
  return { start: startOfDay(d, timeZone), end: startOfDay(addDays(d, 1), timeZone) };
}

function weekAt(t: number, timeZone: string): Window {
  const d = civilDate(t, timeZone);
  // The civil date's weekday needs no zone: 0 is Sunday, so Monday is (weekday + 6) % 7 days back.
  const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  const monday = addDays(d, -((weekday + 6) % 7));
  return { start: startOfDay(monday, timeZone), end: startOfDay(addDays(monday, 7), timeZone) };
}

/** The window of the given length containing instant t (start <= t < end). */
export function windowAt(t: number, every: Every, timeZone: string): Window {
  if (every === 'hour') return hourAt(t, timeZone);
  if (every === 'day') return dayAt(t, timeZone);
  return weekAt(t, timeZone);
}

/** The window right after w (its start is w.end). */
export function nextWindow(w: Window, every: Every, timeZone: string): Window {
  const next = windowAt(w.end, every, timeZone);
  if (next.start === w.end) return next;
  // Windows tile time. Should a zone's rules ever break that (a date that goes back at midnight), fill the
  // hole or start where w ended, so that loops always move forward and nothing is covered twice.
  if (next.start > w.end) return { start: w.end, end: next.start };
  return { start: w.end, end: next.end > w.end ? next.end : w.end + HOUR_MS };
}

/**
 * Windows whose start is in [windowAt(fromMs).start, toMs), oldest first: the window containing fromMs, then
 * each next one. At most `max` of them (a guard for careless ranges; a year of hours is 8,760).
 */
export function windowsBetween(
  fromMs: number,
  toMs: number,
  every: Every,
  timeZone: string,
  max = 100_000,
): Window[] {
  const out: Window[] = [];
  let w = windowAt(fromMs, every, timeZone);
  while (w.start < toMs && out.length < max) {
    out.push(w);
    w = nextWindow(w, every, timeZone);
  }
  return out;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * 00:00 of a date (`YYYY-MM-DD`) in the zone (01:00 where midnight is skipped): where a rule's backfill
 * begins; its first window is the one containing this instant. Null when the text is not a real date.
 */
export function backfillStart(date: string, timeZone: string): number | null {
  const m = DATE.exec(date);
  if (!m || !isValidDate(date)) return null;
  return startOfDay({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, timeZone);
}

/** The latest window end that is due at `now`: a window is due once now >= end + settle. */
export function lastDueEnd(now: number, settleMs: number): number {
  return now - settleMs;
}

export function isDue(w: Window, now: number, settleMs: number): boolean {
  return w.end <= lastDueEnd(now, settleMs);
}

/** When the first window that is not yet due at `now` becomes due (its end plus the settle delay). */
export function nextDueAt(now: number, every: Every, timeZone: string, settleMs: number): number {
  return windowAt(lastDueEnd(now, settleMs), every, timeZone).end + settleMs;
}

/** Windows per day on average (a week is 1/7): for capacity estimates. */
export function windowsPerDay(every: Every): number {
  if (every === 'hour') return 24;
  if (every === 'day') return 1;
  return 1 / 7;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The window's start in the zone, `yyyymmdd` (day, week) or `yyyymmddThh` (hour), for task names. The two
 * windows of a repeated hour share a stamp (the name's hash tells them apart).
 */
export function stampOf(w: Window, every: Every, timeZone: string): string {
  const t = toWallTime(w.start, timeZone);
  const day = `${pad(t.year, 4)}${pad(t.month)}${pad(t.day)}`;
  return every === 'hour' ? `${day}T${pad(t.hour)}` : day;
}
