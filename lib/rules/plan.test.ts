import { describe, expect, it } from 'vitest';
import type { Interval } from './intervals';
import { exportableFrom, isExpired, type Plan, type PlanInput, planGroup, RETENTION_MARGIN_MS } from './plan';
import type { Window } from './types';
import { DAY_MS, HOUR_MS, windowAt } from './windows';

const at = (s: string) => Date.parse(s);
const iso = (ms: number) => new Date(ms).toISOString();
const TOKYO = 'Asia/Tokyo';
// Tokyo days start at 15:00 UTC the day before.
const tokyoDay = (date: string) => at(`${date}T00:00:00+09:00`);

function input(over: Partial<PlanInput> = {}): PlanInput {
  return {
    every: 'day',
    timeZone: TOKYO,
    settleMs: 12 * HOUR_MS,
    backfillStartMs: tokyoDay('2026-11-01'),
    nextStart: null,
    group: { createdAt: null, retentionDays: null },
    covered: [],
    busy: [],
    now: tokyoDay('2026-11-02') + 12 * HOUR_MS,
    limit: 100,
    ...over,
  };
}

const starts = (p: Plan) => p.windows.map((w) => iso(w.window.start));
const whole = (w: Window): Interval => ({ from: w.start, to: w.end - 1 });

describe('settle delay', () => {
  it('makes a window due exactly at its end plus the delay', () => {
    const end = tokyoDay('2026-11-02');
    expect(planGroup(input({ now: end + 12 * HOUR_MS - 1 })).windows).toEqual([]);
    const due = planGroup(input({ now: end + 12 * HOUR_MS }));
    expect(starts(due)).toEqual([iso(tokyoDay('2026-11-01'))]);
    expect(due.windows[0]).toMatchObject({ from: tokyoDay('2026-11-01'), to: end - 1 });
    expect(due.nextStart).toBe(end);
  });

  it('with no delay, the moment the window ends', () => {
    const end = tokyoDay('2026-11-02');
    expect(planGroup(input({ settleMs: 0, now: end - 1 })).windows).toHaveLength(0);
    expect(planGroup(input({ settleMs: 0, now: end })).windows).toHaveLength(1);
  });

  it('never returns a window that is not due, whatever the time', () => {
    for (let now = tokyoDay('2026-11-01'); now < tokyoDay('2026-11-06'); now += 37 * 60_000 + 13) {
      for (const w of planGroup(input({ every: 'hour', now, settleMs: 90 * 60_000 })).windows) {
        expect(w.window.end + 90 * 60_000).toBeLessThanOrEqual(now);
      }
    }
  });
});

describe('catching up after downtime', () => {
  it('a 3-day outage catches up exactly the 3 missing windows per group, oldest first', () => {
    const groups = ['/app/api', '/app/web', '/app/worker'];
    const checkpoints = new Map<string, number | null>(groups.map((g) => [g, null]));
    const enqueued: string[] = [];
    const tick = (now: number) => {
      for (const g of groups) {
        const plan = planGroup(input({ now, nextStart: checkpoints.get(g) ?? null }));
        checkpoints.set(g, plan.nextStart);
        for (const w of plan.windows) enqueued.push(`${g} ${iso(w.window.start)}`);
      }
    };
    tick(tokyoDay('2026-11-02') + 12 * HOUR_MS); // 11-01 is due
    expect(enqueued).toHaveLength(3);
    enqueued.length = 0;
    // Down from then until 11-05 13:00 Tokyo: 11-02, 11-03 and 11-04 are due, 11-05 is not.
    tick(tokyoDay('2026-11-05') + 13 * HOUR_MS);
    for (const g of groups) {
      expect(enqueued.filter((e) => e.startsWith(`${g} `))).toEqual([
        `${g} ${iso(tokyoDay('2026-11-02'))}`,
        `${g} ${iso(tokyoDay('2026-11-03'))}`,
        `${g} ${iso(tokyoDay('2026-11-04'))}`,
      ]);
    }
    expect(enqueued).toHaveLength(9);
    enqueued.length = 0;
    tick(tokyoDay('2026-11-05') + 14 * HOUR_MS);
    expect(enqueued).toEqual([]);
  });

  it('respects the limit across calls: fed back its checkpoint, it yields every window once, in order', () => {
    const now = tokyoDay('2026-11-11') + 12 * HOUR_MS; // 11-01 … 11-10 due
    let nextStart: number | null = null;
    const seen: number[] = [];
    const stops: string[] = [];
    for (let call = 0; call < 10; call++) {
      const plan = planGroup(input({ now, nextStart, limit: 3 }));
      expect(plan.windows.length).toBeLessThanOrEqual(3);
      seen.push(...plan.windows.map((w) => w.window.start));
      stops.push(plan.stop);
      nextStart = plan.nextStart;
    }
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(stops.slice(0, 4)).toEqual(['limit', 'limit', 'limit', 'not-due']);
  });

  it('a restart during catch-up adds nothing twice, even replayed from an older checkpoint', () => {
    const now = tokyoDay('2026-11-11') + 12 * HOUR_MS;
    // The ledger survives a crash (it is written with the job); the checkpoint write may or may not have.
    const ledger = new Set<number>();
    let checkpoint: number | null = null;
    let call = 0;
    while (call < 20) {
      const plan = planGroup(input({ now, nextStart: checkpoint, limit: 2, enqueued: ledger }));
      for (const w of plan.windows) {
        expect(ledger.has(w.window.start)).toBe(false);
        ledger.add(w.window.start);
      }
      // Every other call "crashes" before its checkpoint is stored.
      if (call % 2 === 1) checkpoint = plan.nextStart;
      call++;
    }
    expect(ledger.size).toBe(10);
    // A replay from the very beginning (a checkpoint lost entirely) adds nothing either.
    expect(planGroup(input({ now, nextStart: null, enqueued: ledger })).windows).toEqual([]);
  });

  it('catches up hourly windows across the New York fall-back day: 25 windows, the repeated hour twice', () => {
    const plan = planGroup(
      input({
        every: 'hour',
        timeZone: 'America/New_York',
        settleMs: 0,
        backfillStartMs: at('2026-11-01T04:00:00Z'),
        now: at('2026-11-02T05:00:00Z'),
      }),
    );
    expect(plan.windows).toHaveLength(25);
    expect(
      plan.windows.filter((w) => [at('2026-11-01T05:00:00Z'), at('2026-11-01T06:00:00Z')].includes(w.from)),
    ).toHaveLength(2);
  });

  it('stops after maxScan windows with the checkpoint moved as far as it looked', () => {
    const covered = [{ from: 0, to: tokyoDay('2026-11-30') }];
    const plan = planGroup(input({ now: tokyoDay('2026-12-05'), covered, maxScan: 7 }));
    expect(plan).toMatchObject({ windows: [], stop: 'scan', nextStart: tokyoDay('2026-11-08') });
    const rest = planGroup(input({ now: tokyoDay('2026-12-05'), covered, nextStart: plan.nextStart }));
    expect(starts(rest)[0]).toBe(iso(tokyoDay('2026-11-30')));
  });

  it('waits at the backfill window when it is not due yet', () => {
    const plan = planGroup(input({ backfillStartMs: tokyoDay('2026-12-01') }));
    expect(plan).toEqual({ windows: [], nextStart: tokyoDay('2026-12-01'), stop: 'not-due' });
  });

  it('starts a weekly rule at the Monday before the backfill date', () => {
    // 2026-11-04 is a Wednesday; its week began on Monday 11-02.
    const plan = planGroup(
      input({ every: 'week', backfillStartMs: tokyoDay('2026-11-04'), now: tokyoDay('2026-11-10') }),
    );
    expect(starts(plan)).toEqual([iso(tokyoDay('2026-11-02'))]);
  });
});

describe('windows already archived', () => {
  const now = tokyoDay('2026-11-06') + 12 * HOUR_MS; // 11-01 … 11-05 due
  const day = (date: string) => windowAt(tokyoDay(date), 'day', TOKYO);

  it('editing a rule never re-exports a covered window', () => {
    // Exported before the edit (by this rule or found in the account's history); the edit reset the checkpoint.
    const covered = [whole(day('2026-11-01')), whole(day('2026-11-02')), whole(day('2026-11-03'))];
    const plan = planGroup(input({ now, covered }));
    expect(starts(plan)).toEqual([iso(tokyoDay('2026-11-04')), iso(tokyoDay('2026-11-05'))]);
    expect(plan.nextStart).toBe(tokyoDay('2026-11-06'));
  });

  it('exports in full a window only partly covered', () => {
    const w = day('2026-11-01');
    const partly = [{ from: w.start, to: w.end - 2 }];
    const plan = planGroup(input({ now, covered: partly, limit: 1 }));
    expect(plan.windows[0]).toEqual({ window: w, from: w.start, to: w.end - 1 });
    const late = [{ from: w.start + 1, to: w.end + DAY_MS }];
    expect(planGroup(input({ now, covered: late, limit: 1 })).windows[0]?.window).toEqual(w);
  });

  it('counts a window covered by several exports between them (hourly exports of a day, a week)', () => {
    const w = day('2026-11-01');
    const hourly: Interval[] = [];
    for (let t = w.start; t < w.end; t += HOUR_MS) hourly.push({ from: t, to: t + HOUR_MS - 1 });
    expect(starts(planGroup(input({ now, covered: hourly, limit: 1 })))).toEqual([
      iso(tokyoDay('2026-11-02')),
    ]);
    const week = [{ from: tokyoDay('2026-10-26'), to: tokyoDay('2026-11-09') - 1 }];
    expect(planGroup(input({ now, covered: week })).windows).toEqual([]);
    // A switch from days to hours: the hours inside an exported day are skipped too.
    const hours = planGroup(input({ every: 'hour', now, covered: [whole(w)], limit: 1 }));
    expect(hours.windows[0]?.window.start).toBe(tokyoDay('2026-11-02'));
  });

  it('continues from a checkpoint that is no window start (zone edited) without a hole or an overlap', () => {
    // The rule ran on UTC days; UTC midnight is 09:00 in Tokyo. Its next Tokyo day starts at the checkpoint.
    const checkpoint = at('2026-11-03T00:00:00Z');
    const plan = planGroup(input({ now, nextStart: checkpoint, limit: 1 }));
    expect(plan.windows[0]).toEqual({
      window: day('2026-11-03'),
      from: checkpoint,
      to: tokyoDay('2026-11-04') - 1,
    });
    expect(plan.nextStart).toBe(tokyoDay('2026-11-04'));
    // Stopped before planning anything, it keeps the checkpoint it was given.
    expect(planGroup(input({ now, nextStart: checkpoint, limit: 0 })).nextStart).toBe(checkpoint);
  });
});

describe('retention and creation', () => {
  it('skips expired windows and clips the first exportable one to retention + 1 h', () => {
    const now = tokyoDay('2026-11-20') + 12 * HOUR_MS;
    const group = { createdAt: null, retentionDays: 7 };
    const plan = planGroup(input({ now, group }));
    const edge = now - 7 * DAY_MS + RETENTION_MARGIN_MS; // 11-13 13:00 Tokyo
    expect(exportableFrom(group, now)).toBe(edge);
    expect(plan.windows[0]).toEqual({
      window: windowAt(edge, 'day', TOKYO),
      from: edge,
      to: tokyoDay('2026-11-14') - 1,
    });
    expect(starts(plan)).toHaveLength(7); // 11-13 (clipped) … 11-19
    expect(isExpired(windowAt(tokyoDay('2026-11-12'), 'day', TOKYO), group, now)).toBe(true);
    expect(isExpired(windowAt(tokyoDay('2026-11-13'), 'day', TOKYO), group, now)).toBe(false);
  });

  it('treats a window ending exactly at the retention edge as expired, one ending after it as exportable', () => {
    const w = windowAt(tokyoDay('2026-11-10'), 'day', TOKYO);
    const nowAtEdge = w.end - RETENTION_MARGIN_MS + 3 * DAY_MS; // retention 3 days: edge = w.end
    const group = { createdAt: null, retentionDays: 3 };
    const backfill = { backfillStartMs: w.start, limit: 1 };
    expect(planGroup(input({ ...backfill, group, now: nowAtEdge })).windows[0]?.window.start).not.toBe(
      w.start,
    );
    const before = planGroup(input({ ...backfill, group, now: nowAtEdge - 10 }));
    expect(before.windows[0]).toEqual({ window: w, from: w.end - 10, to: w.end - 1 });
  });

  it('skips windows before the group could hold events (14 days before its creation) and clips the first', () => {
    // PutLogEvents takes events up to 14 days old: a group created on the 17th may hold events of the 3rd.
    const createdAt = tokyoDay('2026-11-17') + 5 * HOUR_MS;
    const plan = planGroup(
      input({ now: tokyoDay('2026-11-05') + 12 * HOUR_MS, group: { createdAt, retentionDays: null } }),
    );
    expect(plan.windows.map((w) => iso(w.from))).toEqual([
      iso(createdAt - 14 * 24 * HOUR_MS),
      iso(tokyoDay('2026-11-04')),
    ]);
  });

  it('moves the checkpoint past a long expired stretch without walking it', () => {
    const now = at('2026-11-20T00:00:00Z');
    const plan = planGroup(
      input({
        every: 'hour',
        timeZone: 'UTC',
        settleMs: 0,
        backfillStartMs: at('2016-01-01T00:00:00Z'), // ten years of hours
        group: { createdAt: null, retentionDays: 1 },
        now,
        maxScan: 50,
      }),
    );
    expect(plan.windows[0]?.from).toBe(now - DAY_MS + RETENTION_MARGIN_MS);
    expect(plan.windows.length).toBeGreaterThan(20);
  });
});

describe('outside exports in progress', () => {
  const now = tokyoDay('2026-11-06') + 12 * HOUR_MS;
  const day = (date: string) => windowAt(tokyoDay(date), 'day', TOKYO);

  it('stop the plan at the window they overlap, without moving the checkpoint past it', () => {
    const busy = [{ from: tokyoDay('2026-11-03') + HOUR_MS, to: tokyoDay('2026-11-03') + 2 * HOUR_MS }];
    const plan = planGroup(input({ now, busy }));
    expect(starts(plan)).toEqual([iso(tokyoDay('2026-11-01')), iso(tokyoDay('2026-11-02'))]);
    expect(plan).toMatchObject({ stop: 'busy', nextStart: tokyoDay('2026-11-03') });
    // Next tick, still running: nothing new, same checkpoint.
    const again = planGroup(input({ now, busy, nextStart: plan.nextStart }));
    expect(again).toEqual({ windows: [], nextStart: tokyoDay('2026-11-03'), stop: 'busy' });
  });

  it('once done: a completed one that covers the window skips it, a failed one leaves it to export', () => {
    const w = day('2026-11-03');
    const done = planGroup(input({ now, nextStart: w.start, covered: [whole(w)] }));
    expect(starts(done)).toEqual([iso(tokyoDay('2026-11-04')), iso(tokyoDay('2026-11-05'))]);
    const failed = planGroup(input({ now, nextStart: w.start }));
    expect(starts(failed)[0]).toBe(iso(w.start));
  });

  it('do not stop a window that is covered anyway', () => {
    const w = day('2026-11-01');
    const plan = planGroup(input({ now, covered: [whole(w)], busy: [whole(w)] }));
    expect(plan.stop).toBe('not-due');
    expect(starts(plan)[0]).toBe(iso(tokyoDay('2026-11-02')));
  });
});
