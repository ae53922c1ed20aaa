import { describe, expect, it } from 'vitest';
import type { Window } from '@/lib/rules/types';
import { HOUR_MS, windowsBetween } from '@/lib/rules/windows';
import { SEVERITY, segments, withInclusiveEnds } from './segments';
import type { WindowState } from './states';
import { COVERAGE_STATES, type CoverageState } from './types';

const H = HOUR_MS;
const w = (i: number): Window => ({ start: i * H, end: (i + 1) * H });
const st = (i: number, state: CoverageState, taskId?: string): WindowState =>
  taskId ? { window: w(i), state, taskId } : { window: w(i), state };

describe('segments', () => {
  it('merges consecutive windows in one state into one run', () => {
    const states = [st(0, 'archived'), st(1, 'archived'), st(2, 'gap'), st(3, 'gap'), st(4, 'archived')];
    expect(segments(states)).toEqual([
      { start: 0, end: 2 * H, state: 'archived' },
      { start: 2 * H, end: 4 * H, state: 'gap' },
      { start: 4 * H, end: 5 * H, state: 'archived' },
    ]);
    expect(segments([])).toEqual([]);
  });

  it('keeps taskId only where one task covers the whole run', () => {
    const oneTask = [st(0, 'archived', 'week'), st(1, 'archived', 'week'), st(2, 'archived', 'week')];
    expect(segments(oneTask)).toEqual([{ start: 0, end: 3 * H, state: 'archived', taskId: 'week' }]);
    const twoTasks = [st(0, 'archived', 'a'), st(1, 'archived', 'b')];
    expect(segments(twoTasks)).toEqual([{ start: 0, end: 2 * H, state: 'archived' }]);
    const partly = [st(0, 'archived', 'a'), st(1, 'archived')];
    expect(segments(partly)).toEqual([{ start: 0, end: 2 * H, state: 'archived' }]);
    const thenSame = [st(0, 'archived'), st(1, 'archived', 'a'), st(2, 'archived', 'a')];
    expect(segments(thenSame)[0]).not.toHaveProperty('taskId');
    expect(segments([st(0, 'failed', 'f')])).toEqual([{ start: 0, end: H, state: 'failed', taskId: 'f' }]);
  });

  it('splits a run where windows are missing', () => {
    expect(segments([st(0, 'gap'), st(2, 'gap')])).toEqual([
      { start: 0, end: H, state: 'gap' },
      { start: 2 * H, end: 3 * H, state: 'gap' },
    ]);
  });

  it('gathers hourly windows into days in the rule zone, showing the most severe state of each day', () => {
    const hours = windowsBetween(
      Date.parse('2026-11-01T00:00:00+09:00'),
      Date.parse('2026-11-04T00:00:00+09:00'),
      'hour',
      'Asia/Tokyo',
    );
    expect(hours).toHaveLength(72);
    const states: WindowState[] = hours.map((window, i) => {
      if (i === 30) return { window, state: 'gap' }; // one gap on the second day
      if (i >= 60) return { window, state: 'not-due' }; // the third day is partly not due yet
      return { window, state: 'archived', taskId: i < 24 ? 'day1' : `t${i}` };
    });
    const days = segments(states, { every: 'day', timeZone: 'Asia/Tokyo' });
    expect(days).toEqual([
      { start: hours[0]?.start, end: hours[23]?.end, state: 'archived', taskId: 'day1' },
      { start: hours[24]?.start, end: hours[47]?.end, state: 'gap' },
      { start: hours[48]?.start, end: hours[71]?.end, state: 'not-due' },
    ]);
    // Two archived days by different tasks merge into one run without a task id.
    const allArchived = hours.map(
      (window, i): WindowState => ({ window, state: 'archived', taskId: i < 24 ? 'a' : 'b' }),
    );
    expect(segments(allArchived, { every: 'day', timeZone: 'Asia/Tokyo' })).toEqual([
      { start: hours[0]?.start, end: hours[71]?.end, state: 'archived' },
    ]);
  });

  it('orders every state by severity when gathering', () => {
    expect([...SEVERITY].sort()).toEqual([...COVERAGE_STATES].sort());
    for (let a = 0; a < SEVERITY.length; a++) {
      for (let b = a + 1; b < SEVERITY.length; b++) {
        const pair = [st(0, SEVERITY[b] as CoverageState), st(1, SEVERITY[a] as CoverageState)];
        expect(segments(pair, { every: 'day', timeZone: 'UTC' })[0]?.state).toBe(SEVERITY[a]);
      }
    }
    // A day half expired and half archived shows archived; a day partly not due is not shown archived.
    expect(segments([st(0, 'expired'), st(1, 'archived')], { every: 'day', timeZone: 'UTC' })[0]?.state).toBe(
      'archived',
    );
    expect(segments([st(0, 'archived'), st(1, 'not-due')], { every: 'day', timeZone: 'UTC' })[0]?.state).toBe(
      'not-due',
    );
  });

  it('leaves daily windows as they are in an hourly view', () => {
    const days = windowsBetween(0, 3 * 24 * H, 'day', 'UTC');
    const states: WindowState[] = days.map((window) => ({ window, state: 'gap' }));
    expect(segments(states, { every: 'hour', timeZone: 'UTC' })).toEqual([
      { start: 0, end: 3 * 24 * H, state: 'gap' },
    ]);
  });

  it('gives the API inclusive ends', () => {
    expect(withInclusiveEnds(segments([st(0, 'gap'), st(1, 'archived', 't')]))).toEqual([
      { start: 0, end: H - 1, state: 'gap' },
      { start: H, end: 2 * H - 1, state: 'archived', taskId: 't' },
    ]);
  });
});
