'use server';

import { type ActionResult, fail } from '@/lib/action-result';
import { requireRole } from '@/lib/auth/require-role';
import { jobIdInput, onFailureInput } from '@/lib/queue/action-schemas';
import { cancelJob, retryJob, setOnFailure, setPaused } from '@/lib/queue/commands';
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
