import 'server-only';
import { randomUUID } from 'node:crypto';
import { recordActivity } from '@/lib/audit';
import type { Caller } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import type { ExportSpec } from '@/lib/export-tasks/types';
import { QueueError } from './errors';
import { newJobsSchema } from './schema';

export type NewJob = ExportSpec;

/**
 * Puts a batch of export jobs at the end of the queue, all or nothing, and records who did it. Task names must
 * be unique across every job Logport ever queued: the worker matches a job to its AWS task by name after a
 * crash. Throws QueueError (`queueInvalidJobs`, `queueDuplicateTaskName`) and writes nothing when refused.
 * The caller's role is checked by the action that calls this (requireRole('operator')).
 */
export function enqueueJobs(caller: Caller, jobs: NewJob[]): { batchId: string; jobIds: string[] } {
  const parsed = newJobsSchema.safeParse(jobs);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new QueueError('queueInvalidJobs', { index: Number(first?.path[0] ?? 0) + 1 });
  }
  const valid = parsed.data;
  const seen = new Set<string>();
  for (const job of valid) {
    if (seen.has(job.taskName)) throw new QueueError('queueDuplicateTaskName', { taskName: job.taskName });
    seen.add(job.taskName);
  }

  const db = getDb();
  const batchId = randomUUID();
  const jobIds = valid.map(() => randomUUID());
  const taken = db.prepare('SELECT 1 FROM queue_jobs WHERE task_name = ?').pluck();
  const insertBatch = db.prepare(
    'INSERT INTO queue_batches (id, created_at, created_by, created_role) VALUES (?, ?, ?, ?)',
  );
  const insertJob = db.prepare(
    `INSERT INTO queue_jobs (id, batch_id, position, region, log_group_name, log_stream_name_prefix, from_ms, to_ms,
       destination, destination_prefix, task_name, state, enqueued_by, enqueued_role, enqueued_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?)`,
  );
  const lastPosition = db.prepare('SELECT COALESCE(MAX(position), 0) FROM queue_jobs').pluck();

  db.transaction(() => {
    const now = Date.now();
    insertBatch.run(batchId, now, caller.name, caller.role);
    let position = lastPosition.get() as number;
    valid.forEach((job, i) => {
      if (taken.get(job.taskName)) throw new QueueError('queueDuplicateTaskName', { taskName: job.taskName });
      position += 1;
      insertJob.run(
        jobIds[i],
        batchId,
        position,
        job.region,
        job.logGroupName,
        job.logStreamNamePrefix ?? null,
        job.from,
        job.to,
        job.destination,
        job.destinationPrefix,
        job.taskName,
        caller.name,
        caller.role,
        now,
        now,
      );
    });
    const regions = [...new Set(valid.map((j) => j.region))];
    recordActivity(caller, {
      action: 'queue.enqueue',
      ...(regions.length === 1 && regions[0] ? { region: regions[0] } : {}),
      target: batchId,
      outcome: 'ok',
      detail: {
        jobs: valid.length,
        logGroups: [...new Set(valid.map((j) => j.logGroupName))].slice(0, 20),
        destination: valid[0]?.destination,
        from: Math.min(...valid.map((j) => j.from)),
        to: Math.max(...valid.map((j) => j.to)),
      },
    });
  })();
  return { batchId, jobIds };
}
