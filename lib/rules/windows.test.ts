import { describe, expect, it } from 'vitest';
import { offsetAt, toWallTime } from '@/lib/time-range/zone';
import type { Window } from './types';
import {
  backfillStart,
  HOUR_MS,
  isDue,
  lastDueEnd,
  nextDueAt,
  nextWindow,
  stampOf,
  windowAt,
  windowsBetween,
  windowsPerDay,
} from './windows';

const H = HOUR_MS;
const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string) => Date.parse(s);
const span = (w: Window) => ({ start: iso(w.start), end: iso(w.end) });
const hours = (w: Window) => (w.end - w.start) / H;
const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';

describe('daily windows', () => {
  it('are local days in Tokyo (no daylight saving: always 24 h, starting at 15:00 UTC)', () => {
    expect(span(windowAt(at('2026-03-08T12:00:00Z'), 'day', TOKYO))).toEqual({
      start: '2026-03-07T15:00:00.000Z',
      end: '2026-03-08T15:00:00.000Z',
    });
    // The instant of local midnight belongs to the day it starts, the last millisecond to the day before.
    expect(windowAt(at('2026-03-07T15:00:00Z'), 'day', TOKYO).start).toBe(at('2026-03-07T15:00:00Z'));
    expect(windowAt(at('2026-03-07T14:59:59.999Z'), 'day', TOKYO).end).toBe(at('2026-03-07T15:00:00Z'));
    const year = windowsBetween(at('2025-12-31T15:00:00Z'), at('2026-12-31T15:00:00Z'), 'day', TOKYO);
    expect(year).toHaveLength(365);
    expect(year.every((w) => hours(w) === 24)).toBe(true);
  });

  it('are 23 hours on the New York spring-forward day and 25 on the fall-back day', () => {
    const spring = windowAt(at('2026-03-08T12:00:00Z'), 'day', NY);
    expect(span(spring)).toEqual({ start: '2026-03-08T05:00:00.000Z', end: '2026-03-09T04:00:00.000Z' });
    expect(hours(spring)).toBe(23);
    const fall = windowAt(at('2026-11-01T12:00:00Z'), 'day', NY);
    expect(span(fall)).toEqual({ start: '2026-11-01T04:00:00.000Z', end: '2026-11-02T05:00:00.000Z' });
    expect(hours(fall)).toBe(25);
    // Around them, ordinary days; consecutive windows touch.
    const march = windowsBetween(at('2026-03-07T05:00:00Z'), at('2026-03-10T04:00:00Z'), 'day', NY);
    expect(march.map(hours)).toEqual([24, 23, 24]);
    expect(march[1]?.start).toBe(march[0]?.end);
    expect(march[2]?.start).toBe(march[1]?.end);
    const year = windowsBetween(at('2026-01-01T05:00:00Z'), at('2027-01-01T05:00:00Z'), 'day', NY);
    expect(year).toHaveLength(365);
    expect(year.reduce((sum, w) => sum + hours(w), 0)).toBe(365 * 24);
    expect(year.filter((w) => hours(w) !== 24).map(hours)).toEqual([23, 25]);
  });

  it('start at 01:00 where midnight is skipped (Santiago) and never leave a gap', () => {
    const skipped = windowAt(at('2026-09-06T12:00:00Z'), 'day', 'America/Santiago');
    expect(iso(skipped.start)).toBe('2026-09-06T04:00:00.000Z');
    expect(toWallTime(skipped.start, 'America/Santiago')).toMatchObject({ day: 6, hour: 1 });
    expect(hours(skipped)).toBe(23);
    // Santiago falls back at 24:00 on Saturday: that Saturday has 25 hours, 23:00 twice.
    expect(hours(windowAt(at('2026-04-05T03:30:00Z'), 'day', 'America/Santiago'))).toBe(25);
  });
});

describe('hourly windows', () => {
  it('skip the hour that does not exist when New York springs forward', () => {
    const day = windowsBetween(at('2026-03-08T05:00:00Z'), at('2026-03-09T04:00:00Z'), 'hour', NY);
    expect(day).toHaveLength(23);
    const localHours = day.map((w) => toWallTime(w.start, NY).hour);
    expect(localHours).not.toContain(2);
    expect(localHours.slice(0, 3)).toEqual([0, 1, 3]);
    expect(day.every((w) => hours(w) === 1)).toBe(true);
    // 01:00 EST ends at the change; 03:00 EDT starts there.
    expect(span(windowAt(at('2026-03-08T06:30:00Z'), 'hour', NY))).toEqual({
      start: '2026-03-08T06:00:00.000Z',
      end: '2026-03-08T07:00:00.000Z',
    });
    expect(windowAt(at('2026-03-08T07:00:00Z'), 'hour', NY).start).toBe(at('2026-03-08T07:00:00Z'));
  });

  it('make the repeated hour two windows when New York falls back', () => {
    const day = windowsBetween(at('2026-11-01T04:00:00Z'), at('2026-11-02T05:00:00Z'), 'hour', NY);
    expect(day).toHaveLength(25);
    const ones = day.filter((w) => toWallTime(w.start, NY).hour === 1);
    expect(ones.map(span)).toEqual([
      { start: '2026-11-01T05:00:00.000Z', end: '2026-11-01T06:00:00.000Z' },
      { start: '2026-11-01T06:00:00.000Z', end: '2026-11-01T07:00:00.000Z' },
    ]);
    // An instant in the second 01:30 belongs to the second window, not the first.
    expect(windowAt(at('2026-11-01T06:30:00Z'), 'hour', NY).start).toBe(at('2026-11-01T06:00:00Z'));
    expect(windowAt(at('2026-11-01T05:30:00Z'), 'hour', NY).end).toBe(at('2026-11-01T06:00:00Z'));
  });

  it('follow half-hour offsets and half-hour daylight saving (Kolkata, Lord Howe)', () => {
    expect(span(windowAt(at('2026-01-01T00:10:00Z'), 'hour', 'Asia/Kolkata'))).toEqual({
      start: '2025-12-31T23:30:00.000Z',
      end: '2026-01-01T00:30:00.000Z',
    });
    // Lord Howe springs from 02:00 (+10:30) to 02:30 (+11): local hour 02 lasts 30 minutes.
    const spring = windowAt(at('2026-10-03T15:45:00Z'), 'hour', 'Australia/Lord_Howe');
    expect(span(spring)).toEqual({ start: '2026-10-03T15:30:00.000Z', end: '2026-10-03T16:00:00.000Z' });
    // …and falls back from 02:00 (+11) to 01:30 (+10:30): the repeated half hour is a window of its own.
    const fall = windowsBetween(
      at('2026-04-04T14:00:00Z'),
      at('2026-04-04T16:30:00Z'),
      'hour',
      'Australia/Lord_Howe',
    );
    expect(fall.map((w) => (w.end - w.start) / 60_000)).toEqual([60, 30, 60]);
  });

  it('tile the months of clock changes in every zone: each starts where the last ended, none over an hour', () => {
    const months = [
      ['2026-03-01T00:00:00Z', '2026-04-08T00:00:00Z'],
      ['2026-09-30T00:00:00Z', '2026-11-03T00:00:00Z'],
    ];
    for (const zone of [NY, TOKYO, 'Europe/Berlin', 'Australia/Lord_Howe', 'UTC']) {
      for (const [from, to] of months) {
        const ws = windowsBetween(at(from ?? ''), at(to ?? ''), 'hour', zone);
        for (let i = 1; i < ws.length; i++) expect(ws[i]?.start).toBe(ws[i - 1]?.end);
        expect(ws.every((w) => w.end > w.start && w.end - w.start <= H)).toBe(true);
        // Every window starts on a whole local hour, or where the offset changed (Lord Howe's half hours).
        const onMark = (t: number) =>
          toWallTime(t, zone).minute === 0 || offsetAt(t, zone) !== offsetAt(t - 1, zone);
        expect(ws.every((w) => onMark(w.start))).toBe(true);
        expect(ws[0]?.start).toBeLessThanOrEqual(at(from ?? ''));
        expect(ws[ws.length - 1]?.end).toBeGreaterThanOrEqual(at(to ?? ''));
      }
    }
  });
});

describe('weekly windows', () => {
  it('start on Monday at 00:00 local', () => {
    // 2026-03-11 is a Wednesday; in Tokyo its week began on Monday the 9th (Sunday 15:00 UTC).
    expect(span(windowAt(at('2026-03-11T03:00:00Z'), 'week', TOKYO))).toEqual({
      start: '2026-03-08T15:00:00.000Z',
      end: '2026-03-15T15:00:00.000Z',
    });
    // Sunday 23:59 local still belongs to the week of the Monday before; Monday 00:00 starts the next.
    const sunday = at('2026-03-15T14:59:00Z');
    expect(windowAt(sunday, 'week', TOKYO).end).toBe(at('2026-03-15T15:00:00Z'));
    expect(windowAt(at('2026-03-15T15:00:00Z'), 'week', TOKYO).start).toBe(at('2026-03-15T15:00:00Z'));
    for (const zone of [TOKYO, NY]) {
      for (const w of windowsBetween(at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'), 'week', zone)) {
        const local = toWallTime(w.start, zone);
        expect(new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay()).toBe(1);
        expect(local.hour).toBe(0);
      }
    }
  });

  it('are 167 and 169 hours in the weeks New York changes its clocks', () => {
    expect(hours(windowAt(at('2026-03-08T12:00:00Z'), 'week', NY))).toBe(167);
    expect(hours(windowAt(at('2026-11-01T12:00:00Z'), 'week', NY))).toBe(169);
    expect(hours(windowAt(at('2026-06-01T12:00:00Z'), 'week', NY))).toBe(168);
  });
});

describe('windowsBetween and nextWindow', () => {
  it('start with the window containing fromMs and stop before the first starting at or after toMs', () => {
    const ws = windowsBetween(at('2026-05-01T10:30:00Z'), at('2026-05-01T13:00:00Z'), 'hour', 'UTC');
    expect(ws.map((w) => iso(w.start))).toEqual([
      '2026-05-01T10:00:00.000Z',
      '2026-05-01T11:00:00.000Z',
      '2026-05-01T12:00:00.000Z',
    ]);
    expect(windowsBetween(at('2026-05-01T10:30:00Z'), at('2026-05-01T10:00:00Z'), 'hour', 'UTC')).toEqual([]);
    expect(windowsBetween(0, at('2026-01-01T00:00:00Z'), 'hour', 'UTC', 5)).toHaveLength(5);
  });

  it('nextWindow is the window starting at the end of the one given', () => {
    const w = windowAt(at('2026-03-07T12:00:00Z'), 'day', NY);
    const n = nextWindow(w, 'day', NY);
    expect(n.start).toBe(w.end);
    expect(hours(n)).toBe(23);
  });
});

describe('backfill start', () => {
  it('is 00:00 of the date in the rule zone', () => {
    expect(iso(backfillStart('2026-11-01', TOKYO) ?? 0)).toBe('2026-10-31T15:00:00.000Z');
    expect(iso(backfillStart('2026-11-01', NY) ?? 0)).toBe('2026-11-01T04:00:00.000Z');
    expect(iso(backfillStart('2026-09-06', 'America/Santiago') ?? 0)).toBe('2026-09-06T04:00:00.000Z');
  });

  it('is null for a date that does not exist or is not YYYY-MM-DD', () => {
    expect(backfillStart('2026-02-30', TOKYO)).toBeNull();
    expect(backfillStart('2026-2-3', TOKYO)).toBeNull();
    expect(backfillStart('yesterday', TOKYO)).toBeNull();
    expect(backfillStart('2028-02-29', 'UTC')).toBe(at('2028-02-29T00:00:00Z'));
  });
});

describe('settle delay', () => {
  const w = windowAt(at('2026-05-01T10:00:00Z'), 'day', 'UTC');

  it('makes a window due exactly at end + settle, not a millisecond before', () => {
    const settle = 12 * H;
    expect(isDue(w, w.end + settle - 1, settle)).toBe(false);
    expect(isDue(w, w.end + settle, settle)).toBe(true);
    expect(lastDueEnd(w.end + settle, settle)).toBe(w.end);
  });

  it('with no delay, a window is due the moment it ends', () => {
    expect(isDue(w, w.end - 1, 0)).toBe(false);
    expect(isDue(w, w.end, 0)).toBe(true);
  });

  it('knows when the next window becomes due', () => {
    const settle = 12 * H;
    // At 10:00 on 05-01 with 12 h settle, 04-30 is not due yet: it becomes due at 05-01 12:00.
    expect(iso(nextDueAt(at('2026-05-01T10:00:00Z'), 'day', 'UTC', settle))).toBe('2026-05-01T12:00:00.000Z');
    // At that very instant, 04-30 is due and the next is 05-01, due at 05-02 12:00.
    expect(iso(nextDueAt(at('2026-05-01T12:00:00Z'), 'day', 'UTC', settle))).toBe('2026-05-02T12:00:00.000Z');
    expect(iso(nextDueAt(at('2026-05-01T10:20:00Z'), 'hour', 'UTC', 0))).toBe('2026-05-01T11:00:00.000Z');
  });
});

describe('small helpers', () => {
  it('counts windows per day', () => {
    expect(windowsPerDay('hour')).toBe(24);
    expect(windowsPerDay('day')).toBe(1);
    expect(windowsPerDay('week')).toBeCloseTo(1 / 7);
  });

  it('stamps a window with its local start', () => {
    const tokyoDay = windowAt(at('2026-03-08T12:00:00Z'), 'day', TOKYO);
    expect(stampOf(tokyoDay, 'day', TOKYO)).toBe('20260308');
    expect(stampOf(windowAt(at('2026-03-08T07:00:00Z'), 'hour', NY), 'hour', NY)).toBe('20260308T03');
    expect(stampOf(windowAt(at('2026-03-11T03:00:00Z'), 'week', TOKYO), 'week', TOKYO)).toBe('20260309');
    // The repeated hour's two windows share the stamp; the task name's hash tells them apart.
    expect(stampOf(windowAt(at('2026-11-01T05:00:00Z'), 'hour', NY), 'hour', NY)).toBe('20261101T01');
    expect(stampOf(windowAt(at('2026-11-01T06:00:00Z'), 'hour', NY), 'hour', NY)).toBe('20261101T01');
  });
});
