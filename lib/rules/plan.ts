import { covers, type Interval, overlapsAny } from './intervals';
import type { Every, Window } from './types';
import { DAY_MS, HOUR_MS, nextWindow, windowAt } from './windows';

/**
 * What the scheduler enqueues for one (rule, log group): the due windows after the checkpoint, oldest first.
 * Pure: `now` and everything read from the store or AWS come in as arguments, so tests need no clock.
 */

/**
 * Retention deletes a group's oldest events continuously; an export asking for data within this margin of
 * the retention edge could be refused (AWS checks `from` against retention) or find its first events gone by
 * the time it runs. So exports start an hour inside, and a window ending before that is expired.
 */
export const RETENTION_MARGIN_MS = HOUR_MS;

export type GroupFacts = {
  /** When the log group was created (DescribeLogGroups' creationTime); null: unknown. */
  createdAt: number | null;
  /** null: events never expire. */
  retentionDays: number | null;
};

/**
 * PutLogEvents accepts events up to 14 days older than the moment they are sent, so a group created today can
 * hold events from two weeks ago: its creation time limits what it holds only this far back.
 */
export const BACKDATED_EVENTS_MS = 14 * DAY_MS;

/** The oldest instant of the group an export may ask for at `now` (-Infinity when nothing limits it). */
export function exportableFrom(group: GroupFacts, now: number): number {
  const created = group.createdAt === null ? Number.NEGATIVE_INFINITY : group.createdAt - BACKDATED_EVENTS_MS;
  const retained =
    group.retentionDays === null
      ? Number.NEGATIVE_INFINITY
      : now - group.retentionDays * DAY_MS + RETENTION_MARGIN_MS;
  return Math.max(created, retained);
}

/** True when a window holds nothing left to export at `now`: it ends before retention (plus margin) or creation. */
export function isExpired(w: Window, group: GroupFacts, now: number): boolean {
  return w.end <= exportableFrom(group, now);
}

export type PlanInput = {
  every: Every;
  timeZone: string;
  settleMs: number;
  /** From backfillStart(rule.backfillFrom): the first window is the one containing it. */
  backfillStartMs: number;
  /** The checkpoint (rule_groups.next_start); null: this group was never planned. */
  nextStart: number | null;
  group: GroupFacts;
  /** COMPLETED exports of this group to this bucket (history and ledger), [from, to] inclusive. */
  covered: readonly Interval[];
  /** PENDING/RUNNING exports of this group to this bucket not made by this rule's ledger (outside ones). */
  busy: readonly Interval[];
  now: number;
  /** At most this many windows (the scheduler's share for this group this tick). */
  limit: number;
  /**
   * Window starts this (rule, group) already has in the ledger, in any state. The checkpoint normally moves
   * past them in the same transaction; passing them makes a replay from an older checkpoint add nothing twice.
   */
  enqueued?: Iterable<number>;
  /** Bounds the windows looked at in one call (skipped ones included), so one tick stays short. */
  maxScan?: number;
};

export type PlannedWindow = {
  window: Window;
  /** What to ask CreateExportTask: the window, clipped by creation, retention and a shifted checkpoint. */
  from: number;
  to: number;
};

export type Plan = {
  /** Oldest first, at most `limit`. */
  windows: PlannedWindow[];
  /** The new checkpoint: every window starting before it is planned here, in the ledger, covered or expired. */
  nextStart: number;
  /**
   * Why planning stopped: `limit` reached, the next window is `not-due`, an outside export in progress
   * overlaps it (`busy`: it may cover the window once done; look again next tick), or `scan` ran out.
   */
  stop: 'limit' | 'not-due' | 'busy' | 'scan';
};

export const DEFAULT_MAX_SCAN = 5_000;

/**
 * The windows to enqueue now for one log group, oldest first, and the checkpoint to store with them.
 *
 * Walks from the checkpoint (or from the backfill window) while windows are due: skips, moving the checkpoint
 * past them, windows that are expired or end before the group existed, windows in the ledger, and windows the
 * covered exports already hold between them (a window only partly covered is exported in full); stops without
 * moving at a window that an outside export in progress overlaps. Never returns a window that is not due.
 *
 * A checkpoint that is not a window start (the rule's zone or window length was edited) starts the first
 * window there: the part before it was exported under the old windows, and coverage joins the two exports.
 */
export function planGroup(input: PlanInput): Plan {
  const { every, timeZone, now } = input;
  const dueEnd = now - input.settleMs;
  const floor = exportableFrom(input.group, now);
  const enqueued = new Set(input.enqueued ?? []);
  const maxScan = input.maxScan ?? DEFAULT_MAX_SCAN;
  const windows: PlannedWindow[] = [];

  let w = windowAt(input.nextStart ?? input.backfillStartMs, every, timeZone);
  let clip = input.nextStart ?? w.start;
  let cursor = input.nextStart ?? w.start;
  let scanned = 0;
  let stop: Plan['stop'];

  for (;;) {
    if (windows.length >= input.limit) {
      stop = 'limit';
      break;
    }
    if (w.end > dueEnd) {
      stop = 'not-due';
      break;
    }
    if (scanned >= maxScan) {
      stop = 'scan';
      break;
    }
    scanned++;
    if (w.end <= floor) {
      // Everything up to `floor` is expired or older than the group: jump there instead of walking (a backfill
      // from years ago over hourly windows would otherwise look at tens of thousands of them).
      const next = windowAt(floor, every, timeZone);
      cursor = next.start;
      clip = next.start;
      w = next;
      continue;
    }
    const from = Math.max(w.start, clip, floor);
    const to = w.end - 1;
    const skip = from >= to || enqueued.has(w.start) || covers(input.covered, from, to);
    if (!skip) {
      if (overlapsAny(input.busy, from, to)) {
        stop = 'busy';
        break;
      }
      windows.push({ window: w, from, to });
    }
    cursor = w.end;
    clip = w.end;
    w = nextWindow(w, every, timeZone);
  }
  return { windows, nextStart: cursor, stop };
}
