import 'server-only';
import { type ActionResult, fail, ok } from '@/lib/action-result';
import { recordActivity } from '@/lib/audit';
import type { Caller } from '@/lib/auth/require-role';
import { transaction } from '@/lib/db';
import { cancelExport } from '@/lib/export-tasks/cancel';
import { getJob, lastPosition, readSettings, update, writeSettings } from './store';
import { canCancel, canRetry } from './transitions';
import type { JobState, OnFailure } from './types';

/**
 * What operators change in the queue. Callers (server actions) check the role first; these record every
 * change with who made it. Each write is guarded by the state it expects, so a race with the worker
 * (a queued job that was just picked) takes the safe path instead of overwriting the worker's state.
 */

export async function setPaused(caller: Caller, paused: boolean): Promise<ActionResult<{ paused: boolean }>> {
  await transaction(async (db) => {
    await writeSettings({ paused }, caller.name);
    // Resume means now: jobs re-checked while paused do not wait out their pause-time delay.
    if (!paused)
      await db.updateTable('queue_jobs').set({ not_before: 0 }).where('state', '=', 'queued').execute();
    await recordActivity(caller, { action: paused ? 'queue.pause' : 'queue.resume', outcome: 'ok' });
  });
  return ok({ paused });
}

export async function setOnFailure(
  caller: Caller,
  onFailure: OnFailure,
): Promise<ActionResult<{ onFailure: OnFailure }>> {
  await transaction(async () => {
    const before = (await readSettings()).onFailure;
    await writeSettings({ onFailure }, caller.name);
    await recordActivity(caller, {
      action: 'settings.change',
      target: 'queue.onFailure',
      outcome: 'ok',
      detail: { from: before, to: onFailure },
    });
  });
  return ok({ onFailure });
}

export async function cancelJob(caller: Caller, jobId: string): Promise<ActionResult<{ state: JobState }>> {
  const job = await getJob(jobId);
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
  const cancelledHere = await transaction(async (db) => {
    const now = Date.now();
    const result = await db
      .updateTable('queue_jobs')
      .set({ state: 'cancelled', finished_at: now, updated_at: now })
      .where('id', '=', jobId)
      .where('state', '=', 'queued')
      .where('intent_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await audit('cancelled');
    return true;
  });
  if (cancelledHere) return ok({ state: 'cancelled' });
  // Submitting (or picked by the worker a moment ago): the worker cancels once it knows the task id.
  const now = await transaction(async () => {
    // Finished meanwhile (the worker moved on): nothing to cancel, nothing to record.
    if (!(await update(jobId, { cancel_requested: 1 }, ['queued', 'submitting', 'running']))) return null;
    const fresh = await getJob(jobId);
    // A running task is cancelled in AWS below (recorded as export.cancel); otherwise the request is the change.
    if (!(fresh?.state === 'running' && fresh.taskId))
      await audit(fresh?.state ?? job.state, { requested: true });
    return fresh;
  });
  if (!now) return fail('queueJobNotCancellable');
  if (now.state === 'running' && now.taskId) {
    const result = await cancelExport(caller, {
      account: now.account,
      region: now.region,
      taskId: now.taskId,
    });
    if (!result.ok && result.error !== 'taskAlreadyFinished') return result;
    return ok({ state: 'running' });
  }
  return ok({ state: now.state });
}

/** A failed or cancelled job goes to the end of the queue; its old AWS task is never adopted as its own. */
export async function retryJob(caller: Caller, jobId: string): Promise<ActionResult<{ state: JobState }>> {
  const job = await getJob(jobId);
  if (!job) return fail('queueJobNotFound');
  if (!canRetry(job.state)) return fail('queueJobNotRetryable');
  const moved = await transaction(async () => {
    const last = await lastPosition();
    const excluded = job.taskId ? [...job.excludedTaskIds, job.taskId] : job.excludedTaskIds;
    const moved = await update(
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
    await recordActivity(caller, {
      action: 'queue.retry',
      region: job.region,
      target: job.taskName,
      outcome: 'ok',
      detail: { jobId, logGroup: job.logGroupName, previousTaskId: job.taskId },
    });
    return true;
  });
  if (!moved) return fail('queueJobNotRetryable');
  return ok({ state: 'queued' });
}
