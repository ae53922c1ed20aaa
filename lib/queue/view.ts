import 'server-only';
import { getDb } from '@/lib/db';
import { estimateRemainingMs } from './estimate';
import { jobsWhere, publicJob, readSettings } from './store';
import type { QueueBatch, QueueSnapshot } from './types';

const RECENT_BATCHES = 10;
const RECENT_DURATIONS = 10;

/**
 * What /queue shows and its GET route polls: batches with work left plus the most recent ones, the
 * settings, and an estimate of the time left from how long recent exports took.
 */
export function queueSnapshot(): QueueSnapshot {
  const db = getDb();
  const batchRows = db
    .prepare(
      `SELECT id, created_at, created_by FROM queue_batches
       WHERE id IN (SELECT batch_id FROM queue_jobs WHERE state IN ('queued', 'submitting', 'running'))
          OR id IN (SELECT id FROM queue_batches ORDER BY created_at DESC LIMIT ${RECENT_BATCHES})
       ORDER BY created_at DESC`,
    )
    .all() as { id: string; created_at: number; created_by: string }[];
  const ids = batchRows.map((b) => b.id);
  const jobs = ids.length
    ? jobsWhere(`batch_id IN (${ids.map(() => '?').join(', ')}) ORDER BY position`, ...ids)
    : [];
  const batches: QueueBatch[] = batchRows.map((b) => ({
    id: b.id,
    createdAt: b.created_at,
    createdBy: b.created_by,
    jobs: jobs.filter((j) => j.batchId === b.id).map(publicJob),
  }));

  const counts = db
    .prepare(
      "SELECT state, COUNT(*) AS n FROM queue_jobs WHERE state IN ('queued', 'submitting', 'running') GROUP BY state",
    )
    .all() as { state: string; n: number }[];
  const count = (state: string) => counts.find((c) => c.state === state)?.n ?? 0;
  const durations = db
    .prepare(
      `SELECT finished_at - submitted_at FROM queue_jobs
       WHERE state = 'completed' AND submitted_at IS NOT NULL AND finished_at IS NOT NULL
       ORDER BY finished_at DESC LIMIT ${RECENT_DURATIONS}`,
    )
    .pluck()
    .all() as number[];
  const running = jobsWhere("state = 'running' LIMIT 1")[0];
  const now = Date.now();
  const settings = readSettings();
  const waiting = count('queued') + count('submitting');
  return {
    settings,
    batches,
    remaining: waiting + count('running'),
    queued: count('queued'),
    estimateMs: estimateRemainingMs({
      recentDurations: durations,
      waiting,
      runningElapsedMs: running?.submittedAt ? now - running.submittedAt : null,
    }),
    active: count('running') + count('submitting') > 0 || (waiting > 0 && !settings.paused),
    fetchedAt: now,
  };
}
