'use server';

import { type ActionResult, fail } from '@/lib/action-result';
import { requireRole } from '@/lib/auth/require-role';
import { batchIdInput, jobIdInput, onFailureInput, ruleIdInput } from '@/lib/queue/action-schemas';
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

export async function pauseQueue(): Promise<ActionResult<{ paused: boolean }>> {
  const auth = await requireRole('operator');
  if (!auth.ok) return auth;
  return guarded(() => setPaused(auth.user, true), 'pauseQueue');
}

export async function resumeQueue(): Promise<ActionResult<{ paused: boolean }>> {
  const auth = await requireRole('operator');
  if (!auth.ok) return auth;
  return guarded(() => setPaused(auth.user, false), 'resumeQueue');
}

/** A setting, not an operation: admins only (the README's role rules). */
export async function setQueueOnFailure(input: unknown): Promise<ActionResult<{ onFailure: OnFailure }>> {
  const auth = await requireRole('admin');
  if (!auth.ok) return auth;
  const parsed = onFailureInput.safeParse(input);
  if (!parsed.success) return fail('invalidInput');
  return guarded(() => setOnFailure(auth.user, parsed.data.onFailure), 'setQueueOnFailure');
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
  return guarded(() => retryRuleFailed(auth.user, parsed.data.ruleId), 'retryRuleFailedJobs');
}
