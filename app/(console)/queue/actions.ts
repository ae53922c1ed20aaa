'use server';

import { resolveScope } from '@/lib/accounts/scope';
import type { AccountAccess } from '@/lib/accounts/types';
import { type ActionResult, fail } from '@/lib/action-result';
import { requireRole } from '@/lib/auth/require-role';
import {
  batchIdInput,
  jobIdInput,
  onFailureInput,
  pauseInput,
  ruleIdInput,
} from '@/lib/queue/action-schemas';
import {
  cancelBatch,
  cancelJob,
  retryJob,
  retryRuleFailed,
  setOnFailure,
  setPaused,
} from '@/lib/queue/commands';
import type { JobState, OnFailure } from '@/lib/queue/types';

/** Queue changes: operators and admins only. A viewer posting these directly gets the 403 refusal. */

async function guarded<T>(run: () => ActionResult<T> | Promise<ActionResult<T>>, where: string) {
  try {
    return await run();
  } catch (err) {
    // Only a failure outside AWS (the database) lands here; the browser gets a key, the log the detail.
    console.error(`[${where}]`, err instanceof Error ? err.message : err);
    return fail('internal');
  }
}

/**
 * Which queue a pause or resume is for: one account (the page's), or all of them, which only someone who may
 * reach every account may do.
 */
async function pauseTarget(
  input: unknown,
  access: AccountAccess | undefined,
): Promise<{ ok: true; account: string | undefined } | ReturnType<typeof fail>> {
  const parsed = pauseInput.safeParse(input ?? {});
  if (!parsed.success) return fail('invalidInput');
  if (parsed.data.all) {
    return access === undefined || access === '*'
      ? { ok: true, account: undefined }
      : fail('accountForbidden');
  }
  const where = await resolveScope({ account: parsed.data.account }, access);
  return where.ok ? { ok: true, account: where.scope.account } : fail(where.error);
}

export async function pauseQueue(input?: unknown): Promise<ActionResult<{ paused: boolean }>> {
  const auth = await requireRole('operator');
  if (!auth.ok) return auth;
  const target = await pauseTarget(input, auth.user.accounts);
  if (!target.ok) return target;
  return guarded(() => setPaused(auth.user, true, target.account), 'pauseQueue');
}

export async function resumeQueue(input?: unknown): Promise<ActionResult<{ paused: boolean }>> {
  const auth = await requireRole('operator');
  if (!auth.ok) return auth;
  const target = await pauseTarget(input, auth.user.accounts);
  if (!target.ok) return target;
  return guarded(() => setPaused(auth.user, false, target.account), 'resumeQueue');
}

/** A setting, not an operation: admins only (the README's role rules). */
export async function setQueueOnFailure(input: unknown): Promise<ActionResult<{ onFailure: OnFailure }>> {
  const auth = await requireRole('admin');
  if (!auth.ok) return auth;
  const parsed = onFailureInput.safeParse(input);
  if (!parsed.success) return fail('invalidInput');
  const where = await resolveScope({ account: parsed.data.account }, auth.user.accounts);
  if (!where.ok) return fail(where.error);
  return guarded(
    () => setOnFailure(auth.user, parsed.data.onFailure, where.scope.account),
    'setQueueOnFailure',
  );
}

export async function cancelQueueJob(input: unknown): Promise<ActionResult<{ state: JobState }>> {
  const auth = await requireRole('operator');
  if (!auth.ok) return auth;
  const parsed = jobIdInput.safeParse(input);
  if (!parsed.success) return fail('invalidInput');
  return guarded(() => cancelJob(auth.user, parsed.data.jobId), 'cancelQueueJob');
}

export async function retryQueueJob(input: unknown): Promise<ActionResult<{ state: JobState }>> {
  const auth = await requireRole('operator');
  if (!auth.ok) return auth;
  const parsed = jobIdInput.safeParse(input);
  if (!parsed.success) return fail('invalidInput');
  return guarded(() => retryJob(auth.user, parsed.data.jobId), 'retryQueueJob');
}

/** What is left of a batch a person queued: queued jobs at once, those in AWS the way a single cancel does. */
export async function cancelQueueBatch(
  input: unknown,
): Promise<ActionResult<{ cancelled: number; requested: number; refused: number }>> {
  const auth = await requireRole('operator');
  if (!auth.ok) return auth;
  const parsed = batchIdInput.safeParse(input);
  if (!parsed.success) return fail('invalidInput');
  return guarded(() => cancelBatch(auth.user, parsed.data.batchId), 'cancelQueueBatch');
}

/** "Retry failed" on a rule's card: its failed windows go back to the end of the queue. */
export async function retryRuleFailedJobs(input: unknown): Promise<ActionResult<{ retried: number }>> {
  const auth = await requireRole('operator');
  if (!auth.ok) return auth;
  const parsed = ruleIdInput.safeParse(input);
  if (!parsed.success) return fail('invalidInput');
  const where = await resolveScope({ account: parsed.data.account }, auth.user.accounts);
  if (!where.ok) return fail(where.error);
  return guarded(
    () => retryRuleFailed(auth.user, parsed.data.ruleId, where.scope.account),
    'retryRuleFailedJobs',
  );
}
