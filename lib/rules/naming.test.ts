import { describe, expect, it } from 'vitest';
import { fnv1a64, nameTail, ruleTaskName, type TaskNameInput } from './naming';
import { windowAt, windowsBetween } from './windows';

const at = (s: string) => Date.parse(s);
const NAME = /^[A-Za-z0-9]{1,8}-\d{8}(T\d{2})?(-[A-Za-z0-9\-_.]{1,40})?-[0-9a-f]{12}$/;

const base: TaskNameInput = {
  ruleId: '3f9a1c2e7b0d4e5f',
  account: '123456789012',
  region: 'ap-northeast-1',
  logGroup: '/app/api',
  window: windowAt(at('2026-11-24T03:00:00Z'), 'day', 'Asia/Tokyo'),
  every: 'day',
  timeZone: 'Asia/Tokyo',
};

describe('FNV-1a 64', () => {
  it('matches the published test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('hashes the UTF-8 bytes', () => {
    expect(fnv1a64('é')).not.toBe(fnv1a64('\u00e9'.normalize('NFD')));
    expect(fnv1a64('日本')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('rule task names', () => {
  it('read as rule, local date, group and hash', () => {
    const name = ruleTaskName(base);
    expect(name).toMatch(/^3f9a1c2e-20261124-api-[0-9a-f]{12}$/);
    expect(ruleTaskName({ ...base })).toBe(name);
  });

  it('use the window start in the rule zone, with the hour for hourly rules', () => {
    // 2026-03-07 15:00 UTC is 2026-03-08 00:00 in Tokyo.
    const tokyo = windowAt(at('2026-03-07T15:00:00Z'), 'day', 'Asia/Tokyo');
    expect(ruleTaskName({ ...base, window: tokyo })).toContain('-20260308-');
    const hour = windowAt(at('2026-03-08T07:00:00Z'), 'hour', 'America/New_York');
    expect(ruleTaskName({ ...base, window: hour, every: 'hour', timeZone: 'America/New_York' })).toMatch(
      /^3f9a1c2e-20260308T03-api-[0-9a-f]{12}$/,
    );
  });

  it('differ for everything that makes a window unique', () => {
    const names = new Set([
      ruleTaskName(base),
      ruleTaskName({ ...base, logGroup: '/other/api' }), // same tail
      ruleTaskName({ ...base, account: '210987654321' }),
      ruleTaskName({ ...base, region: 'us-east-1' }),
      ruleTaskName({ ...base, ruleId: '3f9a1c2effffffff' }), // same first 8 characters
      ruleTaskName({ ...base, window: { ...base.window, end: base.window.end + 6 * 86_400_000 } }), // a week
      ruleTaskName({ ...base, window: windowAt(base.window.end, 'day', 'Asia/Tokyo') }),
      ruleTaskName({ ...base, attempt: 1 }), // the same window exported again
      ruleTaskName({ ...base, attempt: 2 }),
    ]);
    expect(names.size).toBe(9);
    expect(ruleTaskName({ ...base, attempt: 0 })).toBe(ruleTaskName(base));
  });

  it('tell apart the two windows of a repeated hour', () => {
    const nyc = { every: 'hour', timeZone: 'America/New_York' } as const;
    const first = ruleTaskName({
      ...base,
      ...nyc,
      window: windowAt(at('2026-11-01T05:00:00Z'), 'hour', nyc.timeZone),
    });
    const second = ruleTaskName({
      ...base,
      ...nyc,
      window: windowAt(at('2026-11-01T06:00:00Z'), 'hour', nyc.timeZone),
    });
    expect(first.slice(0, -13)).toBe(second.slice(0, -13));
    expect(first).not.toBe(second);
  });

  it('are unique across a thousand groups with the same tail over a month', () => {
    const days = windowsBetween(at('2026-01-01T00:00:00Z'), at('2026-01-31T00:00:00Z'), 'day', 'UTC');
    const all = new Set<string>();
    for (let g = 0; g < 1000; g++) {
      for (const window of days) all.add(ruleTaskName({ ...base, logGroup: `/svc/${g}/api`, window }));
    }
    expect(all.size).toBe(1000 * days.length);
    // The hashes alone (the readable part is the same for all groups on one day) are unique too.
    const hashes = new Set([...all].map((n) => n.slice(-12)));
    expect(hashes.size).toBe(all.size);
  });

  it('keep the tail readable and short whatever the group name', () => {
    expect(nameTail('/aws/lambda/my-function')).toBe('my-function');
    expect(nameTail('/app/api/')).toBe('api');
    expect(nameTail('//app//web#blue')).toBe('webblue');
    expect(nameTail('single')).toBe('single');
    expect(nameTail('/')).toBe('');
    expect(nameTail('###')).toBe('');
    expect(nameTail(`/x/${'a'.repeat(500)}`)).toHaveLength(40);
    expect(ruleTaskName({ ...base, logGroup: '/' })).toMatch(/^3f9a1c2e-20261124-[0-9a-f]{12}$/);
    const long = ruleTaskName({ ...base, logGroup: `/${'b'.repeat(511)}` });
    expect(long).toMatch(NAME);
    expect(long.length).toBeLessThanOrEqual(75);
  });

  it('survive odd rule ids', () => {
    expect(ruleTaskName({ ...base, ruleId: 'ab-cd' })).toMatch(/^abcd-/);
    expect(ruleTaskName({ ...base, ruleId: '---' })).toMatch(/^rule-/);
  });
});
