import 'server-only';
import { type ActionResult, fail, ok } from '@/lib/action-result';
import { recordActivity } from '@/lib/audit';
import type { Caller } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { cancelExport } from '@/lib/export-tasks/cancel';
import { getJob, readSettings, update, writeSettings } from './store';
import { canCancel, canRetry } from './transitions';
import type { JobState, OnFailure } from './types';

/**
 * What operators change in the queue. Callers (server actions) check the role first; these record every
 * change with who made it. Each write is guarded by the state it expects, so a race with the worker
 * (a queued job that was just picked) takes the safe path instead of overwriting the worker's state.
 */

export function setPaused(caller: Caller, paused: boolean): ActionResult<{ paused: boolean }> {
  getDb().transaction(() => {
    writeSettings({ paused }, caller.name);
    // Resume means now: jobs re-checked while paused do not wait out their pause-time delay.
    if (!paused) getDb().prepare("UPDATE queue_jobs SET not_before = 0 WHERE state = 'queued'").run();
    recordActivity(caller, { action: paused ? 'queue.pause' : 'queue.resume', outcome: 'ok' });
  })();
  return ok({ paused });
}

export function setOnFailure(caller: Caller, onFailure: OnFailure): ActionResult<{ onFailure: OnFailure }> {
  getDb().transaction(() => {
    const before = readSettings().onFailure;
    writeSettings({ onFailure }, caller.name);
    recordActivity(caller, {
      action: 'settings.change',
      target: 'queue.onFailure',
      outcome: 'ok',
      detail: { from: before, to: onFailure },
    });
  })();
  return ok({ onFailure });
}

export async function cancelJob(caller: Caller, jobId: string): Promise<ActionResult<{ state: JobState }>> {
  const job = getJob(jobId);
  if (!job) return fail('queueJobNotFound');
  if (!canCancel(job.state)) return fail('queueJobNotCancellable');
  const audit = (state: JobState, detail: Record<string, unknown> = {}) =>
    recordActivity(caller, {
      action: 'queue.cancel',
      region: job.region,
      target: job.taskName,
      outcome: 'ok',
      detail: { jobId, logGroup: job.logGroupName, ...detail, state },
    });

  // Only a job that never reached AWS is cancelled here; one whose submission was interrupted may have a task
  // in AWS, so the worker looks for it first and cancels that too.
  const cancelledHere = getDb().transaction(() => {
    const now = Date.now();
    const changed = getDb()
      .prepare(
        `UPDATE queue_jobs SET state = 'cancelled', finished_at = ?, updated_at = ?
         WHERE id = ? AND state = 'queued' AND intent_at IS NULL`,
      )
      .run(now, now, jobId).changes;
    if (changed !== 1) return false;
    audit('cancelled');
    return true;
  })();
  if (cancelledHere) return ok({ state: 'cancelled' });
  // Submitting (or picked by the worker a moment ago): the worker cancels once it knows the task id.
  const now = getDb().transaction(() => {
    // Finished meanwhile (the worker moved on): nothing to cancel, nothing to record.
    if (!update(jobId, { cancel_requested: 1 }, ['queued', 'submitting', 'running'])) return null;
    const fresh = getJob(jobId);
    // A running task is cancelled in AWS below (recorded as export.cancel); otherwise the request is the change.
    if (!(fresh?.state === 'running' && fresh.taskId)) audit(fresh?.state ?? job.state, { requested: true });
    return fresh;
  })();
  if (!now) return fail('queueJobNotCancellable');
  if (now.state === 'running' && now.taskId) {
    const result = await cancelExport(caller, { region: now.region, taskId: now.taskId });
    if (!result.ok && result.error !== 'taskAlreadyFinished') return result;
    return ok({ state: 'running' });
  }
  return ok({ state: now.state });
}

/** A failed or cancelled job goes to the end of the queue; its old AWS task is never adopted as its own. */
export function retryJob(caller: Caller, jobId: string): ActionResult<{ state: JobState }> {
  const job = getJob(jobId);
  if (!job) return fail('queueJobNotFound');
  if (!canRetry(job.state)) return fail('queueJobNotRetryable');
  const db = getDb();
  const moved = db.transaction(() => {
    const last = db.prepare('SELECT COALESCE(MAX(position), 0) FROM queue_jobs').pluck().get() as number;
    const excluded = job.taskId ? [...job.excludedTaskIds, job.taskId] : job.excludedTaskIds;
    const moved = update(
      jobId,
      {
        state: 'queued',
        position: last + 1,
        excluded_task_ids: JSON.stringify(excluded),
        task_id: null,
        aws_status: null,
        aws_message: null,
        error_code: null,
        wait_reason: null,
        cancel_requested: 0,
        not_before: 0,
        intent_at: null,
        submitted_at: null,
        finished_at: null,
      },
      ['failed', 'cancelled'],
    );
    if (!moved) return false;
    recordActivity(caller, {
      action: 'queue.retry',
      region: job.region,
      target: job.taskName,
      outcome: 'ok',
      detail: { jobId, logGroup: job.logGroupName, previousTaskId: job.taskId },
    });
    return true;
  })();
  if (!moved) return fail('queueJobNotRetryable');
  return ok({ state: 'queued' });
}
