import { describe, expect, it } from 'vitest';
import type { Window } from '@/lib/rules/types';
import { DAY_MS, HOUR_MS, windowAt, windowsBetween } from '@/lib/rules/windows';
import {
  atRisk,
  completedIntervals,
  countStates,
  type HistoryEntry,
  inFlightIntervals,
  isAtRisk,
  type LedgerEntry,
  percent,
  percentOf,
  type StatesInput,
  windowStates,
} from './states';

const TOKYO = 'Asia/Tokyo';
const day = (date: string) => Date.parse(`${date}T00:00:00+09:00`);
const win = (date: string): Window => windowAt(day(date), 'day', TOKYO);
const whole = (date: string, status: HistoryEntry['status'], taskId: string): HistoryEntry => ({
  from: win(date).start,
  to: win(date).end - 1,
  status,
  taskId,
});

// 11-10 06:00 Tokyo, settle 12 h: 11-09 and 11-10 are not due. Retention 7 days: the exportable edge is
// 11-03 07:00, so 11-01 and 11-02 are expired and 11-03 is exportable from 07:00.
const NOW = day('2026-11-10') + 6 * HOUR_MS;
const base: StatesInput = {
  windows: windowsBetween(day('2026-11-01'), day('2026-11-11'), 'day', TOKYO),
  ledger: [],
  history: [],
  retentionDays: 7,
  createdAt: null,
  settleMs: 12 * HOUR_MS,
  now: NOW,
};

const stateOn = (input: Partial<StatesInput>, date: string) =>
  windowStates({ ...base, ...input }).find((s) => s.window.start === day(date));

describe('windowStates', () => {
  it('gives every state from a crafted ledger and history', () => {
    const ledger: LedgerEntry[] = [
      { start: day('2026-11-02'), state: 'completed', taskId: 't2' }, // expired since, but archived
      { start: day('2026-11-03'), state: 'completed', taskId: 't3' },
      { start: day('2026-11-04'), state: 'running', taskId: 't4' },
      { start: day('2026-11-05'), state: 'queued', taskId: null },
      { start: day('2026-11-06'), state: 'failed', taskId: 't6' },
      { start: day('2026-11-07'), state: 'cancelled', taskId: 't7' },
    ];
    const history = [whole('2026-11-08', 'COMPLETED', 'h8'), whole('2026-11-07', 'FAILED', 'h7')];
    const states = windowStates({ ...base, ledger, history });
    expect(
      states.map((s) => [
        new Date(s.window.start + 9 * HOUR_MS).toISOString().slice(5, 10),
        s.state,
        s.taskId,
      ]),
    ).toEqual([
      ['11-01', 'expired', undefined],
      ['11-02', 'archived', 't2'],
      ['11-03', 'archived', 't3'],
      ['11-04', 'running', 't4'],
      ['11-05', 'queued', undefined],
      ['11-06', 'failed', 't6'],
      ['11-07', 'gap', undefined], // cancelled job; a FAILED outside export does not archive it
      ['11-08', 'archived', 'h8'],
      ['11-09', 'not-due', undefined],
      ['11-10', 'not-due', undefined],
    ]);
    expect(countStates(states)).toEqual({
      archived: 3,
      considered: 7,
      gaps: 1,
      failed: 1,
      queued: 1,
      running: 1,
    });
    expect(percent(states)).toBeCloseTo((3 / 7) * 100, 10);
  });

  it('is due exactly at end + settle', () => {
    const w = win('2026-11-09');
    expect(stateOn({ now: w.end + 12 * HOUR_MS - 1 }, '2026-11-09')?.state).toBe('not-due');
    expect(stateOn({ now: w.end + 12 * HOUR_MS }, '2026-11-09')?.state).toBe('gap');
    expect(stateOn({ now: w.end, settleMs: 0 }, '2026-11-09')?.state).toBe('gap');
  });

  it('counts a COMPLETED export to the same bucket as archived, even one Logport did not make', () => {
    expect(stateOn({ history: [whole('2026-11-05', 'COMPLETED', 'outside')] }, '2026-11-05')).toMatchObject({
      state: 'archived',
      taskId: 'outside',
    });
    // A longer one covering several windows archives each of them.
    const week = {
      from: day('2026-11-03'),
      to: day('2026-11-09') - 1,
      status: 'COMPLETED' as const,
      taskId: 'w',
    };
    expect(windowStates({ ...base, history: [week] }).filter((s) => s.state === 'archived')).toHaveLength(6);
  });

  it('does not count a partly covered window, but does count one covered by two exports together', () => {
    const w = win('2026-11-05');
    const partly: HistoryEntry = { from: w.start + 1, to: w.end - 1, status: 'COMPLETED', taskId: 'p' };
    expect(stateOn({ history: [partly] }, '2026-11-05')?.state).toBe('gap');
    const short: HistoryEntry = { from: w.start, to: w.end - 2, status: 'COMPLETED', taskId: 'p' };
    expect(stateOn({ history: [short] }, '2026-11-05')?.state).toBe('gap');
    const halves: HistoryEntry[] = [
      { from: w.start, to: w.start + 12 * HOUR_MS - 1, status: 'COMPLETED', taskId: 'a' },
      { from: w.start + 12 * HOUR_MS, to: w.end - 1, status: 'COMPLETED', taskId: 'b' },
    ];
    // Archived, but no single task to link to.
    expect(stateOn({ history: halves }, '2026-11-05')).toEqual({ window: w, state: 'archived' });
  });

  it('does not count FAILED, CANCELLED or unknown exports', () => {
    for (const status of ['FAILED', 'CANCELLED', 'PENDING_CANCEL', 'UNKNOWN'] as const) {
      expect(stateOn({ history: [whole('2026-11-05', status, 'x')] }, '2026-11-05')?.state).toBe('gap');
    }
  });

  it('archives a window clipped by retention when the export covers what is left of it', () => {
    // 11-03 is exportable from 07:00 (retention edge + 1 h); an export made yesterday began at 05:00.
    const w = win('2026-11-03');
    const clipped: HistoryEntry = {
      from: w.start + 5 * HOUR_MS,
      to: w.end - 1,
      status: 'COMPLETED',
      taskId: 'c',
    };
    expect(stateOn({ history: [clipped] }, '2026-11-03')?.state).toBe('archived');
    const tooLate: HistoryEntry = { ...clipped, from: w.start + 8 * HOUR_MS };
    expect(stateOn({ history: [tooLate] }, '2026-11-03')?.state).toBe('gap');
  });

  it('keeps an expired window archived when an export reached its end, and expired otherwise', () => {
    const w = win('2026-11-01');
    const old: HistoryEntry = {
      from: w.start + 20 * HOUR_MS,
      to: w.end - 1,
      status: 'COMPLETED',
      taskId: 'o',
    };
    expect(stateOn({ history: [old] }, '2026-11-01')?.state).toBe('archived');
    const early: HistoryEntry = { from: w.start, to: w.end - 2, status: 'COMPLETED', taskId: 'o' };
    expect(stateOn({ history: [early] }, '2026-11-01')?.state).toBe('expired');
    // A failed job on an expired window: retrying cannot help any more.
    expect(stateOn({ ledger: [{ start: w.start, state: 'failed', taskId: 'f' }] }, '2026-11-01')?.state).toBe(
      'expired',
    );
    // Never expires without retention.
    expect(stateOn({ retentionDays: null }, '2026-11-01')?.state).toBe('gap');
  });

  it('shows an outside export in progress as running, with its task', () => {
    const w = win('2026-11-05');
    const pending: HistoryEntry = {
      from: w.start + HOUR_MS,
      to: w.start + 2 * HOUR_MS,
      status: 'PENDING',
      taskId: 'o',
    };
    expect(stateOn({ history: [pending] }, '2026-11-05')).toEqual({
      window: w,
      state: 'running',
      taskId: 'o',
    });
    expect(stateOn({ history: [{ ...pending, status: 'RUNNING' }] }, '2026-11-05')?.state).toBe('running');
  });

  it('leaves out windows before the group could hold events (14 days before its creation), clips the first', () => {
    const createdAt = day('2026-11-18') + 10 * HOUR_MS; // may hold events from 11-04 10:00
    const states = windowStates({ ...base, createdAt });
    expect(states[0]?.window.start).toBe(day('2026-11-04'));
    expect(states).toHaveLength(7);
    const w = win('2026-11-04');
    const from = createdAt - 14 * DAY_MS;
    const fromCreation: HistoryEntry = { from, to: w.end - 1, status: 'COMPLETED', taskId: 'n' };
    expect(stateOn({ createdAt, history: [fromCreation] }, '2026-11-04')?.state).toBe('archived');
    const later: HistoryEntry = { ...fromCreation, from: from + 1 };
    expect(stateOn({ createdAt, history: [later] }, '2026-11-04')?.state).toBe('gap');
  });

  it('reads the row that says most when one window has several ledger rows', () => {
    const start = day('2026-11-05');
    const cancelledThenDone: LedgerEntry[] = [
      { start, state: 'cancelled', taskId: 'a' },
      { start, state: 'completed', taskId: 'b' },
    ];
    expect(stateOn({ ledger: cancelledThenDone }, '2026-11-05')).toMatchObject({
      state: 'archived',
      taskId: 'b',
    });
    const refilled: LedgerEntry[] = [
      { start, state: 'queued', taskId: null },
      { start, state: 'cancelled', taskId: 'a' },
    ];
    expect(stateOn({ ledger: refilled }, '2026-11-05')?.state).toBe('queued');
    expect(stateOn({ ledger: [{ start, state: 'submitting', taskId: null }] }, '2026-11-05')?.state).toBe(
      'queued',
    );
  });
});

describe('percent and at risk', () => {
  it('is null when nothing is due or everything expired, and exact otherwise', () => {
    expect(percent([])).toBeNull();
    expect(percent(windowStates({ ...base, windows: [win('2026-11-09'), win('2026-11-01')] }))).toBeNull();
    expect(percentOf({ archived: 9_999, considered: 10_000 })).toBe(99.99);
    expect(percentOf({ archived: 2, considered: 2 })).toBe(100);
  });

  it('counts gaps whose data retention deletes within 3 days', () => {
    // Retention 7 days at 11-10 06:00: data from before 11-06 06:00 is deleted within 3 days.
    const states = windowStates(base);
    const risky = states.filter((s) => isAtRisk(s, 7, NOW)).map((s) => s.window.start);
    expect(risky).toEqual([day('2026-11-03'), day('2026-11-04'), day('2026-11-05'), day('2026-11-06')]);
    expect(atRisk(states, 7, NOW)).toBe(4);
    // 11-06 starts at 00:00, before the 06:00 line; 11-07 does not.
    expect(atRisk(states, 7, day('2026-11-10'))).toBe(3);
    expect(atRisk(states, null, NOW)).toBe(0);
    // Only gaps: a failed window near the edge is counted as failed, not at risk.
    const failed = windowStates({
      ...base,
      ledger: [{ start: day('2026-11-03'), state: 'failed', taskId: 'f' }],
    });
    expect(atRisk(failed, 7, NOW)).toBe(3);
  });

  it('at risk uses the window start against now - retention + 3 days', () => {
    const s = { window: { start: 10 * DAY_MS, end: 11 * DAY_MS }, state: 'gap' as const };
    const now = 10 * DAY_MS + 5 * DAY_MS - 3 * DAY_MS; // start == now - 5 d + 3 d
    expect(isAtRisk(s, 5, now)).toBe(false);
    expect(isAtRisk(s, 5, now + 1)).toBe(true);
  });
});

describe('intervals for the planner', () => {
  it('gives COMPLETED exports as covered and PENDING/RUNNING as busy', () => {
    const history = [
      whole('2026-11-03', 'COMPLETED', 'a'),
      whole('2026-11-04', 'RUNNING', 'b'),
      whole('2026-11-05', 'PENDING', 'c'),
      whole('2026-11-06', 'FAILED', 'd'),
    ];
    expect(completedIntervals(history)).toEqual([
      { from: win('2026-11-03').start, to: win('2026-11-03').end - 1 },
    ]);
    expect(inFlightIntervals(history).map((i) => i.from)).toEqual([day('2026-11-04'), day('2026-11-05')]);
  });
});
