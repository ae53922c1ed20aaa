import type { TaskStatus } from '@/lib/export-tasks/types';
import type { JobState } from './types';

/** Pure rules about job states, shared by the worker, the actions and the page (which buttons to show). */

export const FINAL_STATES: readonly JobState[] = ['completed', 'failed', 'cancelled'];

export function isFinalState(state: JobState): boolean {
  return FINAL_STATES.includes(state);
}

const NEXT: Record<JobState, readonly JobState[]> = {
  queued: ['submitting', 'cancelled'],
  // After a LimitExceededException or throttling the job goes back to queued (its intent time kept, so the
  // worker reconciles by name before it submits again).
  submitting: ['running', 'queued', 'failed', 'cancelled'],
  running: ['completed', 'failed', 'cancelled'],
  completed: [],
  failed: ['queued'],
  cancelled: ['queued'],
};

export function canTransition(from: JobState, to: JobState): boolean {
  return NEXT[from].includes(to);
}

export function canCancel(state: JobState): boolean {
  return canTransition(state, 'cancelled');
}

export function canRetry(state: JobState): boolean {
  return state === 'failed' || state === 'cancelled';
}

/** Where a job goes when its AWS task reaches a final status; null while the task is still moving. */
export function stateForTaskStatus(status: TaskStatus): JobState | null {
  if (status === 'COMPLETED') return 'completed';
  if (status === 'FAILED') return 'failed';
  if (status === 'CANCELLED') return 'cancelled';
  return null;
}
