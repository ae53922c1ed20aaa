import 'server-only';
import { getDb } from '@/lib/db';
import { isStatusCode } from '@/lib/export-tasks/status';
import type { JobState, OnFailure, QueueJob, QueueSettings, WaitReason } from './types';

/** The queue's rows and the few writes the worker and the actions make. Each write is one SQL statement. */

type JobRow = {
  id: string;
  batch_id: string;
  position: number;
  region: string;
  log_group_name: string;
  log_stream_name_prefix: string | null;
  from_ms: number;
  to_ms: number;
  destination: string;
  destination_prefix: string;
  task_name: string;
  state: JobState;
  task_id: string | null;
  aws_status: string | null;
  aws_message: string | null;
  error_code: string | null;
  wait_reason: WaitReason | null;
  attempts: number;
  cancel_requested: number;
  excluded_task_ids: string;
  enqueued_by: string;
  enqueued_role: string;
  enqueued_at: number;
  not_before: number;
  intent_at: number | null;
  submitted_at: number | null;
  finished_at: number | null;
};

/** A job with what only the server needs: the enqueuer's role (for activity) and task ids never to adopt. */
export type StoredJob = QueueJob & { enqueuedRole: string; excludedTaskIds: string[] };

export function toJob(r: JobRow): StoredJob {
  return {
    id: r.id,
    batchId: r.batch_id,
    position: r.position,
    region: r.region,
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

export function getJob(id: string): StoredJob | null {
  const row = getDb().prepare('SELECT * FROM queue_jobs WHERE id = ?').get(id) as JobRow | undefined;
  return row ? toJob(row) : null;
}

export function jobsWhere(sql: string, ...args: (string | number)[]): StoredJob[] {
  return (
    getDb()
      .prepare(`SELECT * FROM queue_jobs WHERE ${sql}`)
      .all(...args) as JobRow[]
  ).map(toJob);
}

/** The job the worker follows (AWS holds its task); at most one by construction. */
export function runningJob(): StoredJob | null {
  return jobsWhere("state = 'running' ORDER BY position LIMIT 1")[0] ?? null;
}

/** The head of the queue: an interrupted submission first, then the lowest position. Order is strict. */
export function headJob(): StoredJob | null {
  return (
    jobsWhere(
      "state IN ('submitting', 'queued') ORDER BY CASE state WHEN 'submitting' THEN 0 ELSE 1 END, position LIMIT 1",
    )[0] ?? null
  );
}

export function readSettings(): QueueSettings {
  const row = getDb().prepare('SELECT * FROM queue_settings WHERE id = 1').get() as {
    paused: number;
    on_failure: OnFailure;
    updated_at: number | null;
    updated_by: string | null;
  };
  return {
    paused: row.paused === 1,
    onFailure: row.on_failure,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function writeSettings(change: { paused?: boolean; onFailure?: OnFailure }, by: string): void {
  const current = readSettings();
  getDb()
    .prepare(
      'UPDATE queue_settings SET paused = ?, on_failure = ?, updated_at = ?, updated_by = ? WHERE id = 1',
    )
    .run((change.paused ?? current.paused) ? 1 : 0, change.onFailure ?? current.onFailure, Date.now(), by);
}

export function update(
  id: string,
  fields: Record<string, string | number | null>,
  onlyIn?: JobState[],
): boolean {
  const names = Object.keys(fields);
  const sets = [...names.map((n) => `${n} = ?`), 'updated_at = ?'].join(', ');
  const guard = onlyIn ? ` AND state IN (${onlyIn.map(() => '?').join(', ')})` : '';
  const result = getDb()
    .prepare(`UPDATE queue_jobs SET ${sets} WHERE id = ?${guard}`)
    .run(...names.map((n) => fields[n] ?? null), Date.now(), id, ...(onlyIn ?? []));
  return result.changes === 1;
}
