import { describe, expect, it } from 'vitest';
import { durationMessage, sizeParts, utcText } from './duration';

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

describe('sizes', () => {
  it('uses the largest unit at or above 1', () => {
    expect(sizeParts(0)).toEqual({ value: 0, unit: 'byte' });
    expect(sizeParts(1023)).toEqual({ value: 1023, unit: 'byte' });
    expect(sizeParts(1536)).toEqual({ value: 1.5, unit: 'kilobyte' });
    expect(sizeParts(5 * 1024 * 1024)).toEqual({ value: 5, unit: 'megabyte' });
  });
});

describe('UTC text', () => {
  it('is ISO 8601 in UTC', () => {
    expect(utcText(1441490400000)).toBe('2015-09-05T22:00:00Z');
  });
});
