import 'server-only';
import { getDb } from '@/lib/db';
import { estimateRemainingMs } from './estimate';
import { publicJob, readSettings, toJob } from './store';
import type { QueueBatch, QueueSnapshot } from './types';

const RECENT_BATCHES = 10;
const RECENT_DURATIONS = 10;
const ACTIVE = ['queued', 'submitting', 'running'] as const;

/**
 * What /queue shows and its GET route polls: batches with work left plus the most recent ones, the
 * settings, and an estimate of the time left from how long recent exports took.
 */
export async function queueSnapshot(): Promise<QueueSnapshot> {
  const db = await getDb();
  const batchRows = await db
    .selectFrom('queue_batches')
    .select(['id', 'created_at', 'created_by'])
    .where((eb) =>
      eb.or([
        eb('id', 'in', eb.selectFrom('queue_jobs').select('batch_id').where('state', 'in', ACTIVE)),
        eb(
          'id',
          'in',
          eb.selectFrom('queue_batches').select('id').orderBy('created_at', 'desc').limit(RECENT_BATCHES),
        ),
      ]),
    )
    .orderBy('created_at', 'desc')
    .execute();
  const ids = batchRows.map((b) => b.id);
  const jobs = ids.length
    ? (
        await db
          .selectFrom('queue_jobs')
          .selectAll()
          .where('batch_id', 'in', ids)
          .orderBy('position')
          .execute()
      ).map(toJob)
    : [];
  const batches: QueueBatch[] = batchRows.map((b) => ({
    id: b.id,
    createdAt: b.created_at,
    createdBy: b.created_by,
    jobs: jobs.filter((j) => j.batchId === b.id).map(publicJob),
  }));

  const counts = await db
    .selectFrom('queue_jobs')
    .select(['state', (eb) => eb.fn.countAll().as('n')])
    .where('state', 'in', ACTIVE)
    .groupBy('state')
    .execute();
  const count = (state: string) => Number(counts.find((c) => c.state === state)?.n ?? 0);
  const durations = (
    await db
      .selectFrom('queue_jobs')
      .select((eb) => eb('finished_at', '-', eb.ref('submitted_at')).as('ms'))
      .where('state', '=', 'completed')
      .where('submitted_at', 'is not', null)
      .where('finished_at', 'is not', null)
      .orderBy('finished_at', 'desc')
      .limit(RECENT_DURATIONS)
      .execute()
  ).map((r) => Number(r.ms));
  const running = await db
    .selectFrom('queue_jobs')
    .select('submitted_at')
    .where('state', '=', 'running')
    .limit(1)
    .executeTakeFirst();
  const now = Date.now();
  const settings = await readSettings();
  const waiting = count('queued') + count('submitting');
  return {
    settings,
    batches,
    remaining: waiting + count('running'),
    queued: count('queued'),
    estimateMs: estimateRemainingMs({
      recentDurations: durations,
      waiting,
      runningElapsedMs: running?.submitted_at ? now - running.submitted_at : null,
    }),
    active: count('running') + count('submitting') > 0 || (waiting > 0 && !settings.paused),
    fetchedAt: now,
  };
}
