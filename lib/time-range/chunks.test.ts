import { describe, expect, it } from 'vitest';
import { countChunks, type ExportRange, planChunks } from './chunks';

const H = 3_600_000;
const at = (s: string) => Date.parse(s);
const show = (ranges: ExportRange[]) =>
  ranges.map((r) => [new Date(r.from).toISOString(), new Date(r.to + 1).toISOString()]);
const hours = (ranges: ExportRange[]) => ranges.map((r) => (r.to + 1 - r.from) / H);

function expectContiguous(ranges: ExportRange[], from: number, to: number) {
  expect(ranges[0]?.from).toBe(from);
  expect(ranges[ranges.length - 1]?.to).toBe(to);
  for (let i = 1; i < ranges.length; i++) expect(ranges[i]?.from).toBe((ranges[i - 1]?.to ?? 0) + 1);
  for (const r of ranges) expect(r.from).toBeLessThan(r.to);
}

describe('chunk planner', () => {
  it('none keeps the range whole', () => {
    expect(planChunks(10, 20, 'none', 'UTC')).toEqual([{ from: 10, to: 20 }]);
    expect(planChunks(20, 10, 'day', 'UTC')).toEqual([]);
  });

  it('days in UTC, with partial first and last days', () => {
    const from = at('2026-05-14T10:00:00Z');
    const to = at('2026-05-16T05:00:00Z') - 1;
    const out = planChunks(from, to, 'day', 'UTC');
    expect(show(out)).toEqual([
      ['2026-05-14T10:00:00.000Z', '2026-05-15T00:00:00.000Z'],
      ['2026-05-15T00:00:00.000Z', '2026-05-16T00:00:00.000Z'],
      ['2026-05-16T00:00:00.000Z', '2026-05-16T05:00:00.000Z'],
    ]);
    expectContiguous(out, from, to);
  });

  it('days in Tokyo start at 15:00 UTC', () => {
    const out = planChunks(at('2026-05-12T15:00:00Z'), at('2026-05-14T15:00:00Z') - 1, 'day', 'Asia/Tokyo');
    expect(show(out)).toEqual([
      ['2026-05-12T15:00:00.000Z', '2026-05-13T15:00:00.000Z'],
      ['2026-05-13T15:00:00.000Z', '2026-05-14T15:00:00.000Z'],
    ]);
  });

  it('daylight-saving days have 23 and 25 hours (New York, Berlin)', () => {
    const march = planChunks(
      at('2026-03-07T05:00:00Z'),
      at('2026-03-10T04:00:00Z') - 1,
      'day',
      'America/New_York',
    );
    expect(hours(march)).toEqual([24, 23, 24]);
    const november = planChunks(
      at('2026-10-31T04:00:00Z'),
      at('2026-11-03T05:00:00Z') - 1,
      'day',
      'America/New_York',
    );
    expect(hours(november)).toEqual([24, 25, 24]);
    const berlin = planChunks(
      at('2026-10-24T22:00:00Z'),
      at('2026-10-26T23:00:00Z') - 1,
      'day',
      'Europe/Berlin',
    );
    expect(hours(berlin)).toEqual([25, 24]);
    expectContiguous(berlin, at('2026-10-24T22:00:00Z'), at('2026-10-26T23:00:00Z') - 1);
  });

  it('the leap day 2028-02-29 is a day of its own and February 2028 has 29 days', () => {
    const days = planChunks(at('2028-02-28T00:00:00Z'), at('2028-03-02T00:00:00Z') - 1, 'day', 'UTC');
    expect(show(days).map(([a]) => a?.slice(0, 10))).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    const months = planChunks(at('2028-01-15T00:00:00Z'), at('2028-03-10T00:00:00Z') - 1, 'month', 'UTC');
    expect(show(months)).toEqual([
      ['2028-01-15T00:00:00.000Z', '2028-02-01T00:00:00.000Z'],
      ['2028-02-01T00:00:00.000Z', '2028-03-01T00:00:00.000Z'],
      ['2028-03-01T00:00:00.000Z', '2028-03-10T00:00:00.000Z'],
    ]);
    expect(hours(months)[1]).toBe(29 * 24);
  });

  it('months end on the 28th to 31st, in the zone, across a year end', () => {
    const from = at('2025-11-30T15:00:00Z'); // 2025-12-01 00:00 in Tokyo
    const to = at('2026-04-30T15:00:00Z') - 1; // through 2026-04-30 in Tokyo
    const out = planChunks(from, to, 'month', 'Asia/Tokyo');
    expect(hours(out).map((h) => h / 24)).toEqual([31, 31, 28, 31, 30]);
    expectContiguous(out, from, to);
    // A month starting on the 31st runs to the 1st of the next month, not 31 days on.
    expect(
      show(planChunks(at('2026-01-31T00:00:00Z'), at('2026-03-01T00:00:00Z') - 1, 'month', 'UTC')),
    ).toEqual([
      ['2026-01-31T00:00:00.000Z', '2026-02-01T00:00:00.000Z'],
      ['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
    ]);
    // Berlin's March loses an hour.
    const berlin = planChunks(
      at('2026-02-28T23:00:00Z'),
      at('2026-04-30T22:00:00Z') - 1,
      'month',
      'Europe/Berlin',
    );
    expect(hours(berlin)).toEqual([31 * 24 - 1, 30 * 24]);
  });

  it('weeks run Monday to Monday, including a 169-hour week', () => {
    // 2026-10-19 is a Monday; Berlin falls back on Sunday 2026-10-25.
    const from = at('2026-10-21T10:00:00Z'); // a Wednesday
    const to = at('2026-11-02T23:00:00Z') - 1; // through Monday 2026-11-02 in Berlin
    const out = planChunks(from, to, 'week', 'Europe/Berlin');
    expect(show(out).map(([a]) => a)).toEqual([
      '2026-10-21T10:00:00.000Z',
      '2026-10-25T23:00:00.000Z',
      '2026-11-01T23:00:00.000Z',
    ]);
    expect(hours(out)[1]).toBe(168);
    expect(
      hours(planChunks(at('2026-10-18T22:00:00Z'), at('2026-10-26T00:00:00Z'), 'week', 'Europe/Berlin'))[0],
    ).toBe(169);
    expectContiguous(out, from, to);
  });

  it('a range shorter than a chunk stays one export', () => {
    const from = at('2026-05-14T10:00:00Z');
    const to = at('2026-05-14T12:00:00Z') - 1;
    for (const chunk of ['day', 'week', 'month'] as const) {
      expect(planChunks(from, to, chunk, 'America/New_York')).toEqual([{ from, to }]);
    }
  });

  it('never leaves a one-millisecond export at the end', () => {
    const from = at('2026-05-14T00:00:00Z');
    const to = at('2026-05-15T00:00:00Z'); // one ms into the next day
    const out = planChunks(from, to, 'day', 'UTC');
    expect(out).toEqual([{ from, to }]);
  });

  it('counts without building', () => {
    expect(countChunks(at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z') - 1, 'day', 'UTC')).toBe(365);
    expect(countChunks(at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z') - 1, 'month', 'UTC')).toBe(12);
  });
});
