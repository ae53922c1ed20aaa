import { describe, expect, it } from 'vitest';
import { clampEnd, presetRange, toExportBounds, touchesRecentHours } from './presets';

const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string) => Date.parse(s);
const H = 3_600_000;
const range = (preset: Parameters<typeof presetRange>[0], now: string, zone: string) => {
  const r = presetRange(preset, at(now), zone);
  return { start: iso(r.start), end: iso(r.end), hours: (r.end - r.start) / H };
};

describe('time-range presets', () => {
  it('last hour and last 24 hours end now, whatever the zone', () => {
    for (const zone of ['UTC', 'Asia/Tokyo', 'America/New_York']) {
      expect(range('last-hour', '2026-05-14T10:20:30.000Z', zone)).toEqual({
        start: '2026-05-14T09:20:30.000Z',
        end: '2026-05-14T10:20:30.000Z',
        hours: 1,
      });
      expect(range('last-24-hours', '2026-05-14T10:20:30.000Z', zone).hours).toBe(24);
    }
  });

  it('yesterday is the previous calendar day in the chosen zone', () => {
    // 01:00 UTC on May 14 is 10:00 on May 14 in Tokyo and 21:00 on May 13 in New York.
    expect(range('yesterday', '2026-05-14T01:00:00Z', 'UTC')).toEqual({
      start: '2026-05-13T00:00:00.000Z',
      end: '2026-05-14T00:00:00.000Z',
      hours: 24,
    });
    expect(range('yesterday', '2026-05-14T01:00:00Z', 'Asia/Tokyo')).toEqual({
      start: '2026-05-12T15:00:00.000Z',
      end: '2026-05-13T15:00:00.000Z',
      hours: 24,
    });
    expect(range('yesterday', '2026-05-14T01:00:00Z', 'America/New_York')).toEqual({
      start: '2026-05-12T04:00:00.000Z',
      end: '2026-05-13T04:00:00.000Z',
      hours: 24,
    });
  });

  it('yesterday across the March, October and November switches has 23 or 25 hours', () => {
    expect(range('yesterday', '2026-03-09T12:00:00Z', 'America/New_York')).toEqual({
      start: '2026-03-08T05:00:00.000Z',
      end: '2026-03-09T04:00:00.000Z',
      hours: 23,
    });
    expect(range('yesterday', '2026-11-02T12:00:00Z', 'America/New_York')).toEqual({
      start: '2026-11-01T04:00:00.000Z',
      end: '2026-11-02T05:00:00.000Z',
      hours: 25,
    });
    expect(range('yesterday', '2026-03-30T10:00:00Z', 'Europe/Berlin')).toEqual({
      start: '2026-03-28T23:00:00.000Z',
      end: '2026-03-29T22:00:00.000Z',
      hours: 23,
    });
    expect(range('yesterday', '2026-10-26T10:00:00Z', 'Europe/Berlin')).toEqual({
      start: '2026-10-24T22:00:00.000Z',
      end: '2026-10-25T23:00:00.000Z',
      hours: 25,
    });
    // Tokyo has no daylight saving: always 24 hours.
    expect(range('yesterday', '2026-03-09T12:00:00Z', 'Asia/Tokyo').hours).toBe(24);
  });

  it('last 7 days are seven whole days ending with yesterday', () => {
    expect(range('last-7-days', '2026-05-14T12:00:00Z', 'UTC')).toEqual({
      start: '2026-05-07T00:00:00.000Z',
      end: '2026-05-14T00:00:00.000Z',
      hours: 168,
    });
    expect(range('last-7-days', '2026-03-10T12:00:00Z', 'America/New_York')).toEqual({
      start: '2026-03-03T05:00:00.000Z',
      end: '2026-03-10T04:00:00.000Z',
      hours: 167,
    });
    expect(range('last-7-days', '2026-10-28T12:00:00Z', 'Europe/Berlin').hours).toBe(169);
  });

  it('last calendar month, including year ends and zones ahead of UTC', () => {
    expect(range('last-month', '2026-03-15T12:00:00Z', 'America/New_York')).toEqual({
      start: '2026-02-01T05:00:00.000Z',
      end: '2026-03-01T05:00:00.000Z',
      hours: 28 * 24,
    });
    expect(range('last-month', '2026-01-10T12:00:00Z', 'UTC')).toEqual({
      start: '2025-12-01T00:00:00.000Z',
      end: '2026-01-01T00:00:00.000Z',
      hours: 31 * 24,
    });
    // 01:00 on April 1 in Tokyo is still March 31 in UTC.
    expect(range('last-month', '2026-03-31T16:00:00Z', 'Asia/Tokyo')).toEqual({
      start: '2026-02-28T15:00:00.000Z',
      end: '2026-03-31T15:00:00.000Z',
      hours: 31 * 24,
    });
    expect(range('last-month', '2026-03-31T16:00:00Z', 'UTC').start).toBe('2026-02-01T00:00:00.000Z');
    // March in Berlin loses an hour; November in New York gains one.
    expect(range('last-month', '2026-04-02T10:00:00Z', 'Europe/Berlin').hours).toBe(31 * 24 - 1);
    expect(range('last-month', '2026-12-02T10:00:00Z', 'America/New_York').hours).toBe(30 * 24 + 1);
    // Leap year February.
    expect(range('last-month', '2028-03-02T10:00:00Z', 'UTC').hours).toBe(29 * 24);
  });

  it('exports with an inclusive `to` one millisecond before the end', () => {
    expect(toExportBounds({ start: 1000, end: 5000 })).toEqual({ from: 1000, to: 4999 });
  });

  it('clamps an end in the future and spots the newest 12 hours', () => {
    const now = at('2026-05-14T12:00:00Z');
    expect(clampEnd({ start: now - H, end: now + H }, now)).toEqual({
      start: now - H,
      end: now,
      clamped: true,
    });
    expect(clampEnd({ start: now - 2 * H, end: now - H }, now).clamped).toBe(false);
    expect(touchesRecentHours({ start: 0, end: now - 11 * H }, now)).toBe(true);
    expect(touchesRecentHours({ start: 0, end: now - 13 * H }, now)).toBe(false);
  });
});
