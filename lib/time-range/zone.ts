/**
 * Wall-clock time in an IANA time zone ↔ epoch milliseconds, with nothing but Intl (runs in the browser and
 * on the server). Daylight-saving rules: a wall time that does not exist (spring forward) moves forward by
 * the gap, like Temporal's "compatible" disambiguation; a wall time that happens twice (fall back) means the
 * first of the two.
 */
export type WallTime = {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the zone (an IANA name such as `Asia/Tokyo`, or `UTC`). */
export function isValidTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  try {
    formatter(value);
    return true;
  } catch {
    return false;
  }
}

// What en-US with h23 prints: `1/14/2026, 09:05:07`. Reading it is about 4 times faster than formatToParts,
// which matters when a coverage page computes thousands of hourly windows; anything else falls back.
const FORMATTED = /^(\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

export function toWallTime(epochMs: number, timeZone: string): WallTime {
  const f = formatter(timeZone);
  const m = FORMATTED.exec(f.format(new Date(epochMs)));
  if (m) {
    return {
      year: Number(m[3]),
      month: Number(m[1]),
      day: Number(m[2]),
      hour: Number(m[4]) % 24,
      minute: Number(m[5]),
      second: Number(m[6]),
      millisecond: ((epochMs % 1000) + 1000) % 1000,
    };
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
}

function wallAsUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

/** The zone's offset from UTC at an instant, in ms (Tokyo: +9 h; New York in winter: -5 h). */
export function offsetAt(epochMs: number, timeZone: string): number {
  return wallAsUtc(toWallTime(epochMs, timeZone)) - epochMs;
}

const DAY = 86_400_000;

/**
 * The first instant in (after, until] at which the zone's offset differs from its offset at `after` (a
 * daylight-saving change), or null when the offset is the same at both ends. Assumes at most one change in
 * the span (true of every zone for spans of a day or less); a binary search, so about 22 reads for an hour.
 */
export function nextOffsetChange(after: number, until: number, timeZone: string): number | null {
  const before = offsetAt(after, timeZone);
  if (!(until > after) || offsetAt(until, timeZone) === before) return null;
  let lo = after;
  let hi = until;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

export function fromWallTime(w: WallTime, timeZone: string): number {
  const guess = wallAsUtc(w);
  const before = offsetAt(guess - DAY, timeZone);
  const after = offsetAt(guess + DAY, timeZone);
  const target = guess;
  const valid = [guess - before, guess - after].filter((t) => wallAsUtc(toWallTime(t, timeZone)) === target);
  if (valid.length > 0) return Math.min(...valid);
  // In a spring-forward gap: read the wall time with the offset that applied before the change.
  return guess - before;
}

/** A civil date plus n days (n may be negative), across month and year ends. */
export function addDays(
  date: { year: number; month: number; day: number },
  n: number,
): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The instant a civil day begins in the zone (usually 00:00; 01:00 where midnight is skipped). */
export function startOfDay(date: { year: number; month: number; day: number }, timeZone: string): number {
  return fromWallTime({ ...date, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DDTHH:mm` (or with `:ss` when seconds are set), the value of an `<input type="datetime-local">`. */
export function formatLocalInput(epochMs: number, timeZone: string): string {
  const w = toWallTime(epochMs, timeZone);
  const base = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
  return w.second || w.millisecond ? `${base}:${pad(w.second)}` : base;
}

/** Reads `YYYY-MM-DDTHH:mm[:ss]` (datetime-local) as a wall time; null when it is not a real date and time. */
export function parseLocalInput(value: string): WallTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((v) => Number(v ?? 0)) as number[];
  const ms = Number((m[7] ?? '0').padEnd(3, '0'));
  const w = {
    year: year ?? 0,
    month: month ?? 0,
    day: day ?? 0,
    hour: hour ?? 0,
    minute: minute ?? 0,
    second: second ?? 0,
    millisecond: ms ?? 0,
  };
  const check = new Date(Date.UTC(w.year, w.month - 1, w.day));
  if (
    check.getUTCFullYear() !== w.year ||
    check.getUTCMonth() + 1 !== w.month ||
    check.getUTCDate() !== w.day ||
    w.hour > 23 ||
    w.minute > 59 ||
    w.second > 59
  ) {
    return null;
  }
  return w;
}
