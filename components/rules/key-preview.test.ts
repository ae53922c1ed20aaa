import { describe, expect, it } from 'vitest';
import { GROUP_PLACEHOLDER, previewKeys } from './key-preview';

const base = {
  template: 'logs/{logGroup}/{yyyy}/{mm}/{dd}',
  account: '123456789012',
  region: 'us-east-2',
  every: 'day' as const,
  timeZone: 'Asia/Tokyo',
  settleMinutes: 720,
  // 2026-11-24T10:00:00+09:00: with 12 h to settle, the window of Nov 23 (Tokyo) is the next to become due.
  now: Date.UTC(2026, 10, 24, 1, 0, 0),
};

describe('object key preview', () => {
  it('shows the first three groups for the next window due, in the rule zone', () => {
    const keys = previewKeys({ ...base, groups: ['/app/api', '/app/web', '/app/db', '/app/more'] });
    expect(keys.map((k) => k.key)).toEqual([
      'logs/app/api/2026/11/23/<task-id>/<log-stream>/000000.gz',
      'logs/app/web/2026/11/23/<task-id>/<log-stream>/000000.gz',
      'logs/app/db/2026/11/23/<task-id>/<log-stream>/000000.gz',
    ]);
    expect(keys[0]?.window.start).toBe(Date.UTC(2026, 10, 22, 15));
  });

  it('one group: its next three windows', () => {
    const keys = previewKeys({ ...base, groups: ['/app/api'] });
    expect(keys.map((k) => k.key?.split('/').slice(3, 6).join('-'))).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
    ]);
  });

  it('two groups: both for the first window, then the first again for the next', () => {
    const keys = previewKeys({ ...base, groups: ['/a', '/b'], settleMinutes: 0 });
    expect(keys.map((k) => `${k.logGroup} ${k.key?.slice(0, 17)}`)).toEqual([
      '/a logs/a/2026/11/24',
      '/b logs/b/2026/11/24',
      '/a logs/a/2026/11/25',
    ]);
  });

  it('hourly windows fill {hh}; no group yet shows a stand-in; a name that cannot be a folder shows null', () => {
    const hourly = previewKeys({
      ...base,
      template: '{account}/{region}/{logGroup}/{hh}',
      every: 'hour',
      settleMinutes: 0,
      groups: [],
    });
    expect(hourly[0]?.logGroup).toBe(GROUP_PLACEHOLDER);
    expect(hourly.map((k) => k.key?.split('/')[3])).toEqual(['10', '11', '12']);
    expect(previewKeys({ ...base, groups: ['/app/../etc'] })[0]?.key).toBeNull();
  });
});
