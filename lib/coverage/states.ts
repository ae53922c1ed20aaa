import type { TaskStatus } from '@/lib/export-tasks/types';
import type { JobState } from '@/lib/queue/types';
import { covers, type Interval, overlapsAny } from '@/lib/rules/intervals';
import { BACKDATED_EVENTS_MS, exportableFrom } from '@/lib/rules/plan';
import type { Window } from '@/lib/rules/types';
import { DAY_MS } from '@/lib/rules/windows';
import type { CoverageState } from './types';

/**
 * The coverage state of each window of one log group under one rule, from the rule's ledger and the account's
 * export history. Pure: runs where the data is (the server) with `now` given.
 */

/** A ledger row of this rule and group: the window it was enqueued for and its queue job's state. */
export type LedgerEntry = { start: number; state: JobState; taskId: string | null };

/** An export task of this group to this rule's bucket, from the history mirror (Logport's or anyone's). */
export type HistoryEntry = { from: number; to: number; status: TaskStatus; taskId: string };

export type WindowState = { window: Window; state: CoverageState; taskId?: string };

export type StatesInput = {
  /** Oldest first, as windowsBetween gives them. */
  windows: readonly Window[];
  ledger: readonly LedgerEntry[];
  history: readonly HistoryEntry[];
  retentionDays: number | null;
  createdAt: number | null;
  settleMs: number;
  now: number;
};

/** When one window has several ledger rows (a gap refilled after a cancel), the one that says most. */
const LEDGER_RANK: Record<JobState, number> = {
  completed: 5,
  running: 4,
  submitting: 3,
  queued: 3,
  failed: 2,
  cancelled: 1,
};

const IN_FLIGHT: readonly TaskStatus[] = ['PENDING', 'RUNNING'];

/**
 * One state per window, in order:
 * - archived: the ledger's job completed, or COMPLETED exports (one or several together) cover what can still
 *   be exported of the window: [max(start, creation - 14 days, retention edge), end - 1]. A window past retention is
 *   archived when such an export reached its last millisecond (made while its data still existed);
 * - running / queued: the ledger's job is running / queued or submitting; or an outside export in progress
 *   overlaps the window (running, with its task id);
 * - not-due: end + settle > now; expired: nothing of it can be exported any more (see lib/rules/plan);
 * - failed: the ledger's job failed (and the window is due and not expired: retrying an expired one is pointless);
 * - gap: anything else, a cancelled job or a FAILED outside export included.
 * Windows that end before the group could hold events (14 days before its creation) are left out: there was
 * nothing to archive.
 */
export function windowStates(input: StatesInput): WindowState[] {
  const { now } = input;
  const ledger = new Map<number, LedgerEntry>();
  for (const e of input.ledger) {
    const held = ledger.get(e.start);
    if (!held || LEDGER_RANK[e.state] > LEDGER_RANK[held.state]) ledger.set(e.start, e);
  }
  const completed = input.history.filter((h) => h.status === 'COMPLETED');
  const inFlight = input.history.filter((h) => IN_FLIGHT.includes(h.status));
  const floor = exportableFrom({ createdAt: input.createdAt, retentionDays: input.retentionDays }, now);
  // A group holds events from up to 14 days before its creation (PutLogEvents takes backdated events).
  const created = input.createdAt === null ? Number.NEGATIVE_INFINITY : input.createdAt - BACKDATED_EVENTS_MS;

  const out: WindowState[] = [];
  for (const window of input.windows) {
    if (window.end <= created) continue;
    const job = ledger.get(window.start);
    const taskId = job?.taskId ?? undefined;
    const expired = window.end <= floor;
    const from = expired ? window.end - 1 : Math.max(window.start, floor);
    const to = window.end - 1;

    if (job?.state === 'completed') out.push(withTask(window, 'archived', taskId));
    else if (covers(completed, from, to))
      out.push(withTask(window, 'archived', soleCover(completed, from, to)));
    else if (job?.state === 'running') out.push(withTask(window, 'running', taskId));
    else if (job?.state === 'queued' || job?.state === 'submitting')
      out.push(withTask(window, 'queued', taskId));
    else if (!expired && overlapsAny(inFlight, from, to)) {
      out.push(withTask(window, 'running', inFlight.find((h) => h.from <= to && h.to >= from)?.taskId));
    } else if (window.end + input.settleMs > now) out.push({ window, state: 'not-due' });
    else if (expired) out.push({ window, state: 'expired' });
    else if (job?.state === 'failed') out.push(withTask(window, 'failed', taskId));
    else out.push({ window, state: 'gap' });
  }
  return out;
}

function withTask(window: Window, state: CoverageState, taskId: string | undefined): WindowState {
  return taskId ? { window, state, taskId } : { window, state };
}

/** The one export that covers [from, to] alone, when there is one. */
function soleCover(exports: readonly HistoryEntry[], from: number, to: number): string | undefined {
  return exports.find((h) => h.from <= from && h.to >= to)?.taskId;
}

/** Windows that count for the percentage: due and not expired (archived ones always count). */
function counts(s: WindowState): boolean {
  return s.state !== 'not-due' && s.state !== 'expired';
}

export type StateCounts = {
  archived: number;
  /** The denominator of the percentage: every window except not-due and expired ones. */
  considered: number;
  gaps: number;
  failed: number;
  queued: number;
  running: number;
};

export function countStates(states: readonly WindowState[]): StateCounts {
  const c: StateCounts = { archived: 0, considered: 0, gaps: 0, failed: 0, queued: 0, running: 0 };
  for (const s of states) {
    if (counts(s)) c.considered++;
    if (s.state === 'archived') c.archived++;
    else if (s.state === 'gap') c.gaps++;
    else if (s.state === 'failed') c.failed++;
    else if (s.state === 'queued') c.queued++;
    else if (s.state === 'running') c.running++;
  }
  return c;
}

/**
 * Archived share of the windows that are due and not expired, 0..100; null when there are none. Not rounded:
 * 9,999 of 10,000 is 99.99, and the page must not show it as 100.
 */
export function percentOf(c: Pick<StateCounts, 'archived' | 'considered'>): number | null {
  return c.considered === 0 ? null : (c.archived / c.considered) * 100;
}

export function percent(states: readonly WindowState[]): number | null {
  return percentOf(countStates(states));
}

/** Retention deletes a gap's data within this long: listed first, counted as at risk. */
export const AT_RISK_MS = 3 * DAY_MS;

/** True for a gap whose first data retention deletes within 3 days (start < now - retention + 3 days). */
export function isAtRisk(s: WindowState, retentionDays: number | null, now: number): boolean {
  if (s.state !== 'gap' || retentionDays === null) return false;
  return s.window.start < now - retentionDays * DAY_MS + AT_RISK_MS;
}

export function atRisk(states: readonly WindowState[], retentionDays: number | null, now: number): number {
  let n = 0;
  for (const s of states) if (isAtRisk(s, retentionDays, now)) n++;
  return n;
}

/** The COMPLETED exports as intervals: planGroup's `covered`, from the same history rows coverage reads. */
export function completedIntervals(history: readonly HistoryEntry[]): Interval[] {
  return history.filter((h) => h.status === 'COMPLETED').map(({ from, to }) => ({ from, to }));
}

/** The exports in progress (PENDING, RUNNING) as intervals: planGroup's `busy` (outside exports only). */
export function inFlightIntervals(history: readonly HistoryEntry[]): Interval[] {
  return history.filter((h) => IN_FLIGHT.includes(h.status)).map(({ from, to }) => ({ from, to }));
}
