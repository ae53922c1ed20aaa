import { describe, expect, it } from 'vitest';
import {
  formatLocalInput,
  fromWallTime,
  isValidTimeZone,
  nextOffsetChange,
  offsetAt,
  parseLocalInput,
  toWallTime,
} from './zone';

const iso = (ms: number) => new Date(ms).toISOString();
const wall = (s: string) => {
  const w = parseLocalInput(s);
  if (!w) throw new Error(`bad wall time ${s}`);
  return w;
};

describe('wall-clock time ↔ epoch milliseconds', () => {
  it('reads a wall time in fixed and daylight-saving zones', () => {
    expect(iso(fromWallTime(wall('2026-05-14T00:00'), 'Asia/Tokyo'))).toBe('2026-05-13T15:00:00.000Z');
    expect(iso(fromWallTime(wall('2026-05-14T00:00'), 'UTC'))).toBe('2026-05-14T00:00:00.000Z');
    expect(iso(fromWallTime(wall('2026-01-14T09:30'), 'America/New_York'))).toBe('2026-01-14T14:30:00.000Z');
    expect(iso(fromWallTime(wall('2026-07-14T09:30'), 'America/New_York'))).toBe('2026-07-14T13:30:00.000Z');
    expect(iso(fromWallTime(wall('2026-07-14T09:30'), 'Europe/Berlin'))).toBe('2026-07-14T07:30:00.000Z');
  });

  it('moves a wall time that does not exist (spring forward) forward by the gap', () => {
    // New York skips 02:00-03:00 on 2026-03-08; Berlin skips 02:00-03:00 on 2026-03-29.
    expect(iso(fromWallTime(wall('2026-03-08T02:30'), 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(fromWallTime(wall('2026-03-29T02:30'), 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the first of a wall time that happens twice (fall back)', () => {
    expect(iso(fromWallTime(wall('2026-11-01T01:30'), 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(fromWallTime(wall('2026-10-25T02:30'), 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('round-trips every hour across a daylight-saving year', () => {
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'UTC', 'Australia/Lord_Howe']) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 4 * 3_600_000 + 61_001) {
        const w = toWallTime(t, zone);
        const back = fromWallTime(w, zone);
        // Back to the same instant, except the second pass of a repeated wall time, which reads as the first.
        if (back !== t) expect(t - back).toBeGreaterThan(0);
        expect(toWallTime(back, zone)).toEqual(w);
      }
    }
  });

  it('knows the offsets', () => {
    expect(offsetAt(Date.UTC(2026, 0, 1), 'Asia/Tokyo')).toBe(9 * 3_600_000);
    expect(offsetAt(Date.UTC(2026, 0, 1), 'America/New_York')).toBe(-5 * 3_600_000);
    expect(offsetAt(Date.UTC(2026, 6, 1), 'America/New_York')).toBe(-4 * 3_600_000);
  });

  it('validates zones and datetime-local values', () => {
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(parseLocalInput('2026-02-30T00:00')).toBeNull();
    expect(parseLocalInput('2028-02-29T23:59:59')).toMatchObject({ day: 29, second: 59 });
    expect(parseLocalInput('2026-05-14T24:00')).toBeNull();
    expect(parseLocalInput('yesterday')).toBeNull();
    expect(formatLocalInput(Date.UTC(2026, 4, 13, 15), 'Asia/Tokyo')).toBe('2026-05-14T00:00');
    expect(formatLocalInput(Date.UTC(2026, 4, 13, 15, 0, 5), 'Asia/Tokyo')).toBe('2026-05-14T00:00:05');
  });
});

describe('nextOffsetChange', () => {
  it('finds the instant the offset changes, or null when it does not', () => {
    // New York springs forward at 2026-03-08 07:00 UTC and falls back at 2026-11-01 06:00 UTC.
    expect(
      iso(nextOffsetChange(Date.UTC(2026, 2, 8, 5), Date.UTC(2026, 2, 8, 9), 'America/New_York') ?? 0),
    ).toBe('2026-03-08T07:00:00.000Z');
    expect(
      iso(nextOffsetChange(Date.UTC(2026, 10, 1, 0), Date.UTC(2026, 10, 2), 'America/New_York') ?? 0),
    ).toBe('2026-11-01T06:00:00.000Z');
    // The change at `until` itself counts; at `after` it does not (the offset there is already the new one).
    expect(nextOffsetChange(Date.UTC(2026, 2, 8, 6), Date.UTC(2026, 2, 8, 7), 'America/New_York')).toBe(
      Date.UTC(2026, 2, 8, 7),
    );
    expect(nextOffsetChange(Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 2, 8, 8), 'America/New_York')).toBeNull();
    expect(nextOffsetChange(Date.UTC(2026, 2, 8), Date.UTC(2026, 2, 9), 'Asia/Tokyo')).toBeNull();
    expect(nextOffsetChange(Date.UTC(2026, 2, 9), Date.UTC(2026, 2, 8), 'America/New_York')).toBeNull();
  });
});
