import { describe, expect, it } from 'vitest';
import { durationMessage } from './duration';

describe('durations', () => {
  it('picks the two largest units', () => {
    expect(durationMessage(0)).toEqual({ key: 'durationSeconds', values: { seconds: 0 } });
    expect(durationMessage(59_999)).toEqual({ key: 'durationSeconds', values: { seconds: 59 } });
    expect(durationMessage(252_000)).toEqual({ key: 'durationMinutes', values: { minutes: 4, seconds: 12 } });
    expect(durationMessage(80 * 60_000)).toEqual({ key: 'durationHours', values: { hours: 1, minutes: 20 } });
    expect(durationMessage(26 * 3_600_000)).toEqual({ key: 'durationDays', values: { days: 1, hours: 2 } });
    expect(durationMessage(-5)).toEqual({ key: 'durationSeconds', values: { seconds: 0 } });
  });
});
