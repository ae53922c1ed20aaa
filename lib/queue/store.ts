import 'server-only';
import type { Selectable, Updateable } from 'kysely';
import { changed, engine, getDb } from '@/lib/db';
import type { QueueJobTable } from '@/lib/db/tables';
import { isStatusCode } from '@/lib/export-tasks/status';
import type { JobState, OnFailure, QueueJob, QueueSettings } from './types';

/** The queue's rows and the few writes the worker and the actions make. Each write is one SQL statement. */

type JobRow = Selectable<QueueJobTable>;

/** A job with what only the server needs: the enqueuer's role (for activity) and task ids never to adopt. */
export type StoredJob = QueueJob & { enqueuedRole: string; excludedTaskIds: string[] };

export function toJob(r: JobRow): StoredJob {
  return {
    id: r.id,
    batchId: r.batch_id,
    position: r.position,
    account: r.account,
    region: r.region,
    ruleId: r.rule_id,
    priority: r.priority,
    logGroupName: r.log_group_name,
    logStreamNamePrefix: r.log_stream_name_prefix,
    from: r.from_ms,
    to: r.to_ms,
    destination: r.destination,
    destinationPrefix: r.destination_prefix,
    taskName: r.task_name,
    state: r.state,
    taskId: r.task_id,
    awsStatus: isStatusCode(r.aws_status) ? r.aws_status : null,
    awsMessage: r.aws_message,
    errorCode: r.error_code,
    waitReason: r.wait_reason,
    attempts: r.attempts,
    cancelRequested: r.cancel_requested === 1,
    enqueuedBy: r.enqueued_by,
    enqueuedRole: r.enqueued_role,
    enqueuedAt: r.enqueued_at,
    notBefore: r.not_before,
    intentAt: r.intent_at,
    submittedAt: r.submitted_at,
    finishedAt: r.finished_at,
    excludedTaskIds: JSON.parse(r.excluded_task_ids) as string[],
  };
}

/** The browser's view of a job: the server-only fields left out. */
export function publicJob(job: StoredJob): QueueJob {
  const { enqueuedRole: _role, excludedTaskIds: _excluded, ...rest } = job;
  return rest;
}

export async function getJob(id: string): Promise<StoredJob | null> {
  const db = await getDb();
  const row = await db.selectFrom('queue_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toJob(row) : null;
}

/** The job the worker follows (AWS holds its task); at most one by construction. */
export async function runningJob(account: string): Promise<StoredJob | null> {
  const db = await getDb();
  const row = await db
    .selectFrom('queue_jobs')
    .selectAll()
    .where('account', '=', account)
    .where('state', '=', 'running')
    .orderBy('position')
    .limit(1)
    .executeTakeFirst();
  return row ? toJob(row) : null;
}

/**
 * The next job to work on: an interrupted submission first (AWS may hold its task), then jobs people queued
 * before rules' windows, each in queue order. A job waiting out a backoff does not hold up the jobs behind it;
 * null when nothing is ready (`waiting` tells whether something waits for its time).
 */
export async function headJob(
  account: string,
  now = Date.now(),
): Promise<{ job: StoredJob | null; waiting: boolean }> {
  const db = await getDb();
  const base = db
    .selectFrom('queue_jobs')
    .where('account', '=', account)
    .where('state', 'in', ['submitting', 'queued']);
  // A submission to settle comes first, then the ready queued job first in line. Two lookups that each follow
  // the (account, state, priority, position) index: one query ordered by "submitting first" made both engines
  // read and sort every ready job on each claim (4.7 ms at 2,000 queued on PostgreSQL, bench/store-throughput).
  const first = (state: 'submitting' | 'queued') => {
    let q = db.selectFrom('queue_jobs').selectAll().where('account', '=', account).where('state', '=', state);
    if (state === 'queued') q = q.where('not_before', '<=', now);
    return q.orderBy('priority').orderBy('position').limit(1).executeTakeFirst();
  };
  const row = (await first('submitting')) ?? (await first('queued'));
  if (row) return { job: toJob(row), waiting: false };
  const later = await base.select('id').limit(1).executeTakeFirst();
  return { job: null, waiting: later !== undefined };
}

/**
 * The queue's settings: the global ones, or as they apply to one account (its own pause and on-failure, the
 * global pause still pausing it).
 */
export async function readSettings(account?: string): Promise<QueueSettings> {
  const db = await getDb();
  const global = await db
    .selectFrom('queue_settings')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const own = account
    ? await db
        .selectFrom('queue_account_settings')
        .selectAll()
        .where('account', '=', account)
        .executeTakeFirst()
    : undefined;
  const pausedAll = global.paused === 1;
  const pausedAccount = account ? own?.paused === 1 : pausedAll;
  const newer = own && (own.updated_at ?? 0) > (global.updated_at ?? 0) ? own : global;
  return {
    paused: pausedAll || pausedAccount,
    pausedAll,
    pausedAccount,
    onFailure: own?.on_failure ?? global.on_failure,
    updatedAt: newer.updated_at,
    updatedBy: newer.updated_by,
  };
}

/** Changes the global settings, or one account's (`account`). */
export async function writeSettings(
  change: { paused?: boolean; onFailure?: OnFailure },
  by: string,
  account?: string,
): Promise<void> {
  const db = await getDb();
  const now = Date.now();
  if (account) {
    const own = await db
      .selectFrom('queue_account_settings')
      .selectAll()
      .where('account', '=', account)
      .executeTakeFirst();
    const row = {
      paused: (change.paused ?? own?.paused === 1) ? 1 : 0,
      on_failure: change.onFailure ?? own?.on_failure ?? null,
      updated_at: now,
      updated_by: by,
    };
    await db
      .insertInto('queue_account_settings')
      .values({ account, ...row })
      .onConflict((oc) => oc.column('account').doUpdateSet(row))
      .execute();
    return;
  }
  const current = await readSettings();
  await db
    .updateTable('queue_settings')
    .set({
      paused: (change.paused ?? current.pausedAll) ? 1 : 0,
      on_failure: change.onFailure ?? current.onFailure,
      updated_at: now,
      updated_by: by,
    })
    .where('id', '=', 1)
    .execute();
}

export type JobChange = Omit<Updateable<QueueJobTable>, 'id' | 'seq' | 'updated_at'>;

/** Changes one job, only while it is in one of `onlyIn` when given; true when it did. */
export async function update(id: string, fields: JobChange, onlyIn?: JobState[]): Promise<boolean> {
  const db = await getDb();
  let query = db
    .updateTable('queue_jobs')
    .set({ ...fields, updated_at: Date.now() })
    .where('id', '=', id);
  if (onlyIn) query = query.where('state', 'in', onlyIn);
  return changed(await query.executeTakeFirst()) === 1;
}

/** The last position in the queue (new and retried jobs go after it). */
export async function lastPosition(): Promise<number> {
  const db = await getDb();
  const row = await db
    .selectFrom('queue_jobs')
    .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(0)).as('last'))
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

/** A batch's jobs in queue order. */
export async function jobsOfBatch(batchId: string): Promise<StoredJob[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom('queue_jobs')
    .selectAll()
    .where('batch_id', '=', batchId)
    .orderBy('position')
    .execute();
  return rows.map(toJob);
}

/**
 * Locks a job's row for the rest of the transaction so two processes never claim it together: on PostgreSQL
 * `FOR UPDATE SKIP LOCKED` (false when another holds it); SQLite has one writer at a time, so it is its own lock.
 */
export async function claimRow(id: string): Promise<boolean> {
  if (engine() !== 'postgres') return true;
  const db = await getDb();
  const row = await db
    .selectFrom('queue_jobs')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return row !== undefined;
}
