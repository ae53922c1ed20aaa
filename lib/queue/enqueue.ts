import 'server-only';
import { randomUUID } from 'node:crypto';
import { DEFAULT_ACCOUNT } from '@/lib/accounts/types';
import { recordActivity } from '@/lib/audit';
import type { Caller } from '@/lib/auth/require-role';
import { transaction } from '@/lib/db';
import type { ExportSpec } from '@/lib/export-tasks/types';
import { QueueError } from './errors';
import { newJobsSchema } from './schema';
import { lastPosition } from './store';

export type NewJob = ExportSpec;

/**
 * Puts a batch of export jobs at the end of the queue, all or nothing, and records who did it. Task names must
 * be unique across every job Logport ever queued: the worker matches a job to its AWS task by name after a
 * crash. Throws QueueError (`queueInvalidJobs`, `queueDuplicateTaskName`) and writes nothing when refused.
 * The caller's role is checked by the action that calls this (requireRole('operator')). Called inside a
 * `transaction`, it joins it (a rule's ledger row and its job commit together).
 */
export async function enqueueJobs(
  caller: Caller,
  jobs: NewJob[],
): Promise<{ batchId: string; jobIds: string[] }> {
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

  const batchId = randomUUID();
  const jobIds = valid.map(() => randomUUID());
  await transaction(async (db) => {
    const now = Date.now();
    await db
      .insertInto('queue_batches')
      .values({
        id: batchId,
        created_at: now,
        created_by: caller.name,
        created_role: caller.role,
        rule_id: null,
      })
      .execute();
    // A batch runs in one account (the wizard plans it in one); its first job names it.
    const account = valid[0]?.account ?? DEFAULT_ACCOUNT;
    if (valid.some((j) => (j.account ?? DEFAULT_ACCOUNT) !== account))
      throw new QueueError('queueInvalidJobs', { index: 1 });
    await insertJobs(batchId, valid, { ids: jobIds, by: caller, priority: PERSON, account, now });
    const regions = [...new Set(valid.map((j) => j.region))];
    await recordActivity(caller, {
      action: 'queue.enqueue',
      account: valid[0]?.account ?? DEFAULT_ACCOUNT,
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
  });
  return { batchId, jobIds };
}

/** Jobs people queue go before rules' windows (see headJob). */
export const PERSON = 0;
export const RULE = 1;

/**
 * Appends validated jobs to a batch at the end of the queue. Task names are unique across every job Logport
 * ever queued (the worker matches a job to its AWS task by name); a name taken throws QueueError and, inside
 * a `transaction`, writes nothing.
 */
export async function insertJobs(
  batchId: string,
  jobs: readonly NewJob[],
  options: {
    ids?: readonly string[];
    by: Caller;
    priority: number;
    ruleId?: string;
    account?: string;
    now?: number;
  },
): Promise<string[]> {
  const now = options.now ?? Date.now();
  const ids = jobs.map((_, i) => options.ids?.[i] ?? randomUUID());
  await transaction(async (db) => {
    const names = jobs.map((j) => j.taskName);
    for (let i = 0; i < names.length; i += 500) {
      const taken = await db
        .selectFrom('queue_jobs')
        .select('task_name')
        .where('task_name', 'in', names.slice(i, i + 500))
        .executeTakeFirst();
      if (taken) throw new QueueError('queueDuplicateTaskName', { taskName: taken.task_name });
    }
    const first = (await lastPosition()) + 1;
    const rows = jobs.map((job, i) => ({
      id: ids[i] ?? randomUUID(),
      batch_id: batchId,
      position: first + i,
      account: options.account ?? 'default',
      region: job.region,
      log_group_name: job.logGroupName,
      log_stream_name_prefix: job.logStreamNamePrefix ?? null,
      from_ms: job.from,
      to_ms: job.to,
      destination: job.destination,
      destination_prefix: job.destinationPrefix,
      task_name: job.taskName,
      state: 'queued' as const,
      enqueued_by: options.by.name,
      enqueued_role: options.by.role,
      enqueued_at: now,
      updated_at: now,
      rule_id: options.ruleId ?? null,
      priority: options.priority,
    }));
    // Chunks keep each statement under SQLite's and PostgreSQL's bound-parameter limits.
    for (let i = 0; i < rows.length; i += 200) {
      await db
        .insertInto('queue_jobs')
        .values(rows.slice(i, i + 200))
        .execute();
    }
  });
  return ids;
}
