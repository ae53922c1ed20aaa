import { describe, expect, it } from 'vitest';
import { canCancel, canRetry, canTransition, isFinalState, stateForTaskStatus } from './transitions';
import { JOB_STATES } from './types';

describe('job state transitions', () => {
  it('moves a job forward only along the queue path', () => {
    expect(canTransition('queued', 'submitting')).toBe(true);
    expect(canTransition('submitting', 'running')).toBe(true);
    expect(canTransition('running', 'completed')).toBe(true);
    expect(canTransition('queued', 'running')).toBe(false);
    expect(canTransition('running', 'queued')).toBe(false);
    expect(canTransition('completed', 'queued')).toBe(false);
  });

  it('lets an interrupted submission go back to queued (limit, throttling) but never a running job', () => {
    expect(canTransition('submitting', 'queued')).toBe(true);
    expect(canTransition('running', 'submitting')).toBe(false);
  });

  it('cancels anything not yet final, retries only failed or cancelled jobs', () => {
    expect(JOB_STATES.filter(canCancel)).toEqual(['queued', 'submitting', 'running']);
    expect(JOB_STATES.filter(canRetry)).toEqual(['failed', 'cancelled']);
    expect(JOB_STATES.filter(isFinalState)).toEqual(['completed', 'failed', 'cancelled']);
  });

  it('maps AWS task statuses to final job states, and moving ones to null', () => {
    expect(stateForTaskStatus('COMPLETED')).toBe('completed');
    expect(stateForTaskStatus('FAILED')).toBe('failed');
    expect(stateForTaskStatus('CANCELLED')).toBe('cancelled');
    expect(stateForTaskStatus('PENDING')).toBeNull();
    expect(stateForTaskStatus('RUNNING')).toBeNull();
    expect(stateForTaskStatus('PENDING_CANCEL')).toBeNull();
  });
});
