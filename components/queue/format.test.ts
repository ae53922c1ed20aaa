import { describe, expect, it } from 'vitest';
import { batchProgress, cancellableOf, durationParts } from './format';

describe('queue formatting', () => {
  it('rounds time left up into the largest sensible unit', () => {
    expect(durationParts(0)).toEqual({ key: 'durationSeconds', values: { seconds: 1 } });
    expect(durationParts(59_200)).toEqual({ key: 'durationMinutes', values: { minutes: 1 } });
    expect(durationParts(61_000)).toEqual({ key: 'durationMinutes', values: { minutes: 2 } });
    expect(durationParts(2 * 3_600_000 + 5 * 60_000)).toEqual({
      key: 'durationHours',
      values: { hours: 2, minutes: 5 },
    });
  });

  it('counts only completed jobs as done', () => {
    expect(batchProgress(['completed', 'failed', 'cancelled', 'running', 'queued', 'completed'])).toEqual({
      total: 6,
      done: 2,
      failed: 1,
      cancelled: 1,
      open: 2,
    });
  });

  it('counts what "Cancel batch" cancels at once and what it stops in AWS', () => {
    const job = (state: string, intentAt: number | null = null, cancelRequested = false) => ({
      state,
      intentAt,
      cancelRequested,
    });
    expect(
      cancellableOf([
        job('completed'),
        job('running', 1),
        job('queued'),
        job('queued'),
        // Its submission was interrupted: AWS may hold its task, so it is stopped there, not at once.
        job('queued', 5),
        job('submitting', 6, true),
        job('failed'),
      ]),
    ).toEqual({ total: 4, queued: 2, inAws: 2 });
    expect(cancellableOf([job('completed'), job('cancelled')])).toEqual({ total: 0, queued: 0, inAws: 0 });
  });
});
