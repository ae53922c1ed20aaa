import type { Every } from '@/lib/rules/types';
import { windowAt } from '@/lib/rules/windows';
import type { WindowState } from './states';
import type { CoverageState, Segment } from './types';

/**
 * A timeline's bars: runs of consecutive windows in one state. Inside lib/ a segment is [start, end) like a
 * window; the API turns `end` into end - 1.
 */

/**
 * When a bar stands for several windows of different states (a day of hourly windows in the day view), the
 * state it shows: what needs a person first, then what is moving, then what is settled. A day partly not due
 * yet is not shown archived; a day half expired and half archived shows archived (what exists is safe).
 */
export const SEVERITY: readonly CoverageState[] = [
  'failed',
  'gap',
  'running',
  'queued',
  'not-due',
  'archived',
  'expired',
];

export type SegmentUnit = { every: Every; timeZone: string };

/**
 * Runs of one state. Consecutive windows (one ends where the next starts) in the same state merge; a hole
 * (windows left out before the group existed) splits a run. A run keeps `taskId` only when one task covers
 * all of it.
 *
 * With `unit`, windows are first gathered into that unit's windows in that zone (hourly windows into days
 * for the day view): each gathered bar spans its windows, shows the most severe state among them, and keeps
 * a task id only when all of them share it.
 */
export function segments(states: readonly WindowState[], unit?: SegmentUnit): Segment[] {
  const bars = unit ? gather(states, unit) : states.map(toBar);
  const out: Array<Segment & { mixed?: boolean }> = [];
  for (const bar of bars) {
    const last = out[out.length - 1];
    if (last && last.state === bar.state && last.end === bar.start) {
      last.end = bar.end;
      if (last.taskId !== bar.taskId) last.mixed = true;
      continue;
    }
    out.push({ ...bar });
  }
  return out.map(({ mixed, ...s }) => (mixed || s.taskId === undefined ? without(s) : s));
}

function toBar(s: WindowState): Segment {
  const bar: Segment = { start: s.window.start, end: s.window.end, state: s.state };
  if (s.taskId) bar.taskId = s.taskId;
  return bar;
}

function without(s: Segment): Segment {
  return { start: s.start, end: s.end, state: s.state };
}

function gather(states: readonly WindowState[], unit: SegmentUnit): Segment[] {
  const out: Array<Segment & { key: number; mixed?: boolean }> = [];
  for (const s of states) {
    const key = windowAt(s.window.start, unit.every, unit.timeZone).start;
    const last = out[out.length - 1];
    if (last && last.key === key) {
      last.end = Math.max(last.end, s.window.end);
      if (SEVERITY.indexOf(s.state) < SEVERITY.indexOf(last.state)) last.state = s.state;
      if (last.taskId !== s.taskId) last.mixed = true;
      continue;
    }
    out.push({ ...toBar(s), key });
  }
  return out.map(({ key: _key, mixed, ...s }) => (mixed || s.taskId === undefined ? without(s) : s));
}

/** Segments as the API and the page give them: `end` inclusive (end - 1), like AWS's `to`. */
export function withInclusiveEnds(segs: readonly Segment[]): Segment[] {
  return segs.map((s) => ({ ...s, end: s.end - 1 }));
}
