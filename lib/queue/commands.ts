import 'server-only';
import { mayAccess } from '@/lib/accounts/types';
import { type ActionResult, fail, ok } from '@/lib/action-result';
import { recordActivity } from '@/lib/audit';
import type { Caller } from '@/lib/auth/require-role';
import { changed, getDb, transaction } from '@/lib/db';
import { cancelExport } from '@/lib/export-tasks/cancel';
import {
  getJob,
  type JobChange,
  lastPosition,
  readSettings,
  type StoredJob,
  toJob,
  update,
  writeSettings,
} from './store';
import { canCancel, canRetry } from './transitions';
import type { JobState, OnFailure } from './types';

/**
 * What operators change in the queue. Callers (server actions) check the role first; these record every
 * change with who made it. Each write is guarded by the state it expects, so a race with the worker
 * (a queued job that was just picked) takes the safe path instead of overwriting the worker's state.
 */

/** Pauses or resumes one account's queue (`account`), or every account's (the global switch). */
export async function setPaused(
  caller: Caller,
  paused: boolean,
  account?: string,
): Promise<ActionResult<{ paused: boolean }>> {
  await transaction(async (db) => {
    await writeSettings({ paused }, caller.name, account);
    // Resume means now: jobs re-checked while paused do not wait out their pause-time delay.
    if (!paused) {
      // Only jobs re-checked while paused: a job waiting out a backoff (AWS pushed back) keeps its wait.
      let q = db
        .updateTable('queue_jobs')
        .set({ not_before: 0 })
        .where('state', '=', 'queued')
        .where('wait_reason', 'is', null);
      if (account) q = q.where('account', '=', account);
      await q.execute();
    }
    await recordActivity(caller, {
      action: paused ? 'queue.pause' : 'queue.resume',
      ...(account ? { account } : {}),
      outcome: 'ok',
      detail: { scope: account ? 'account' : 'all' },
    });
  });
  return ok({ paused });
}

/** "When an export fails" for one account (`account`), or the global default. */
export async function setOnFailure(
  caller: Caller,
  onFailure: OnFailure,
  account?: string,
): Promise<ActionResult<{ onFailure: OnFailure }>> {
  await transaction(async () => {
    const before = (await readSettings(account)).onFailure;
    await writeSettings({ onFailure }, caller.name, account);
    await recordActivity(caller, {
      action: 'settings.change',
      ...(account ? { account } : {}),
      target: 'queue.onFailure',
      outcome: 'ok',
      detail: { from: before, to: onFailure },
    });
  });
  return ok({ onFailure });
}

/** A job this caller may act on: one of an account they may reach (others are as if they did not exist). */
async function jobFor(caller: Caller, jobId: string) {
  const job = await getJob(jobId);
  return job && mayAccess(caller.accounts, job.account) ? job : null;
}

export async function cancelJob(caller: Caller, jobId: string): Promise<ActionResult<{ state: JobState }>> {
  const job = await jobFor(caller, jobId);
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

/**
 * What retrying changes: the job goes back to queued at `position` with a clean slate, and its old AWS task is
 * never adopted as its own (a late DescribeExportTasks could otherwise match it by name).
 */
function requeued(job: StoredJob, position: number): JobChange {
  return {
    state: 'queued',
    position,
    excluded_task_ids: JSON.stringify(
      job.taskId ? [...job.excludedTaskIds, job.taskId] : job.excludedTaskIds,
    ),
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
  };
}

/** A failed or cancelled job goes to the end of the queue; its old AWS task is never adopted as its own. */
export async function retryJob(caller: Caller, jobId: string): Promise<ActionResult<{ state: JobState }>> {
  const job = await jobFor(caller, jobId);
  if (!job) return fail('queueJobNotFound');
  if (!canRetry(job.state)) return fail('queueJobNotRetryable');
  const moved = await transaction(async () => {
    const moved = await update(jobId, requeued(job, (await lastPosition()) + 1), ['failed', 'cancelled']);
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

const OPEN: JobState[] = ['queued', 'submitting', 'running'];

/**
 * Cancels what is left of a batch a person queued. Jobs that never reached AWS are cancelled at once, in one
 * transaction with one activity entry; a job that may have a task in AWS (submitting, running, or queued with
 * its submission interrupted) is cancelled the way cancelJob does it, one by one. A rule's batch is not
 * cancelled this way: pausing the rule is what stops it (and keeps its checkpoints right).
 */
export async function cancelBatch(
  caller: Caller,
  batchId: string,
): Promise<ActionResult<{ cancelled: number; requested: number; refused: number }>> {
  const db = await getDb();
  const batch = await db
    .selectFrom('queue_batches')
    .select(['id', 'rule_id'])
    .where('id', '=', batchId)
    .executeTakeFirst();
  if (!batch) return fail('queueBatchNotFound');
  if (batch.rule_id) return fail('queueBatchIsRule');
  // A batch runs in one account (its jobs say which).
  const where = await db
    .selectFrom('queue_jobs')
    .select('account')
    .where('batch_id', '=', batchId)
    .executeTakeFirst();
  if (!where || !mayAccess(caller.accounts, where.account)) return fail('queueBatchNotFound');
  const cancelled = await transaction(async (trx) => {
    const regions = await trx
      .selectFrom('queue_jobs')
      .select('region')
      .distinct()
      .where('batch_id', '=', batchId)
      .where('state', '=', 'queued')
      .where('intent_at', 'is', null)
      .execute();
    const now = Date.now();
    const n = changed(
      await trx
        .updateTable('queue_jobs')
        .set({ state: 'cancelled', finished_at: now, updated_at: now })
        .where('batch_id', '=', batchId)
        .where('state', '=', 'queued')
        .where('intent_at', 'is', null)
        .executeTakeFirst(),
    );
    if (n > 0)
      await recordActivity(caller, {
        action: 'queue.cancelBatch',
        ...(regions.length === 1 && regions[0] ? { region: regions[0].region } : {}),
        target: batchId,
        outcome: 'ok',
        detail: { batchId, jobs: n },
      });
    return n;
  });
  // What may have a task in AWS; read after the bulk cancel, so a job the worker picked meanwhile is here.
  const rest = await db
    .selectFrom('queue_jobs')
    .select('id')
    .where('batch_id', '=', batchId)
    .where('state', 'in', OPEN)
    .where('cancel_requested', '=', 0)
    .orderBy('position')
    .execute();
  let requested = 0;
  let refused = 0;
  for (const { id } of rest) {
    const result = await cancelJob(caller, id);
    if (result.ok) requested++;
    // Finished meanwhile: nothing left to cancel. Anything else (AWS refused) stays visible on the job.
    else if (result.error !== 'queueJobNotCancellable') refused++;
  }
  if (cancelled + requested + refused === 0) return fail('queueBatchNothingToCancel');
  return ok({ cancelled, requested, refused });
}

/**
 * "Retry failed" on a rule's card: every failed window of the rule goes back to the end of the queue, in its
 * old order, in one transaction with one activity entry (a rule may have hundreds; one entry each would bury
 * the log). The same reset as retryJob. A paused rule is resumed first.
 */
export async function retryRuleFailed(
  caller: Caller,
  ruleId: string,
  account: string,
): Promise<ActionResult<{ retried: number }>> {
  if (!mayAccess(caller.accounts, account)) return fail('ruleNotFound');
  const db = await getDb();
  const rule = await db
    .selectFrom('rules')
    .select(['id', 'name', 'region', 'enabled'])
    .where('id', '=', ruleId)
    .executeTakeFirst();
  if (!rule) return fail('ruleNotFound');
  // A paused rule took its windows out of the queue; retrying would put some back behind the pause.
  if (rule.enabled !== 1) return fail('ruleDisabled');
  const retried = await transaction(async (trx) => {
    const rows = await trx
      .selectFrom('queue_jobs')
      .selectAll()
      .where('rule_id', '=', ruleId)
      .where('account', '=', account)
      .where('state', '=', 'failed')
      .orderBy('position')
      .execute();
    let position = await lastPosition();
    let n = 0;
    for (const row of rows) {
      const job = toJob(row);
      if (await update(job.id, requeued(job, position + 1), ['failed'])) {
        position++;
        n++;
      }
    }
    if (n > 0)
      await recordActivity(caller, {
        action: 'queue.retry',
        account,
        region: rule.region,
        target: rule.name,
        outcome: 'ok',
        detail: { ruleId, jobs: n },
      });
    return n;
  });
  if (retried === 0) return fail('queueNothingToRetry');
  return ok({ retried });
}
