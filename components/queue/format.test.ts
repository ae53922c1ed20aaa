import { describe, expect, it } from 'vitest';
import { batchProgress, durationParts } from './format';

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
});
