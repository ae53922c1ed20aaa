import { createFormatter } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes';
import { appFormats, hourCycleFor } from './formats';
import { makeFormat } from './make-format';

const fmt = (locale: 'en' | 'ja', acceptLanguage: string, timeZone = 'UTC') =>
  makeFormat(
    createFormatter({ locale, timeZone, formats: appFormats(hourCycleFor(locale, acceptLanguage)) }),
    locale,
  );

describe('hour cycle', () => {
  it('is 24 h in Japanese whatever the browser says', () => {
    expect(hourCycleFor('ja', 'en-US,en;q=0.9')).toBe('h23');
    expect(hourCycleFor('ja', null)).toBe('h23');
  });
  it("follows the browser's locale in English", () => {
    expect(hourCycleFor('en', 'en-US,en;q=0.9')).toBe('h12');
    expect(hourCycleFor('en', 'en-GB,en;q=0.8')).toBe('h23');
    // A Japanese browser showing Logport in English: its own locale's 24 h.
    expect(hourCycleFor('en', 'ja-JP,ja;q=0.9')).toBe('h23');
    expect(hourCycleFor('en', 'fr-FR;q=0.5,en-US;q=0.9')).toBe('h12');
    expect(hourCycleFor('en', '')).toBe('h12');
    expect(hourCycleFor('en', 'garbage;;;,,')).toBe('h12');
  });
});

describe('times', () => {
  const nine = Date.parse('2026-05-14T00:00:00Z'); // 09:00 in Tokyo
  it('Japanese: 24 h, and a day range ends at the same hour it started (exclusive end)', () => {
    const f = fmt('ja', 'ja-JP', 'Asia/Tokyo');
    const text = f.range(nine, nine + 86_400_000 - 1);
    expect(text).toBe('2026年5月14日 9:00 – 2026年5月15日 9:00');
    expect(text).not.toMatch(/8:59/);
    expect(f.dateTime(Date.parse('2026-05-14T13:05:06Z'))).toBe('2026年5月14日 22:05:06');
  });
  it('English in the US: 12 h, the same exclusive end', () => {
    const f = fmt('en', 'en-US', 'Asia/Tokyo');
    expect(f.range(nine, nine + 86_400_000 - 1)).toBe('May 14, 2026, 9:00 AM – May 15, 2026, 9:00 AM');
    expect(f.dateTime(Date.parse('2026-05-14T13:05:06Z'))).toBe('May 14, 2026, 10:05:06 PM');
  });
  it('English in the UK: 24 h', () => {
    const f = fmt('en', 'en-GB', 'UTC');
    expect(f.dateTime(Date.parse('2026-05-14T13:05:06Z'))).toBe('May 14, 2026, 13:05:06');
  });
  it('a zone of its own (the wizard’s) overrides the viewer’s', () => {
    const f = fmt('en', 'en-GB', 'UTC');
    expect(f.dateTime(nine, 'short', 'Asia/Tokyo')).toBe('May 14, 2026, 09:00');
  });
});

describe('sizes: one unit system (binary, written KiB/MiB)', () => {
  it('uses the largest binary unit at or above 1', () => {
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(1023, 'en')).toBe('1,023 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 * 1024, 'ja')).toBe('5 MiB');
    expect(formatBytes(1024 * 1024 - 1, 'en')).toBe('1 MiB');
    expect(formatBytes(3.25 * 1024 ** 4, 'en')).toBe('3.3 TiB');
  });
});
