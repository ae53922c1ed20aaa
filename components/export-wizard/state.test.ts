import { describe, expect, it } from 'vitest';
import * as rules from '@/lib/export-tasks/create-schema';
import {
  againTaskName,
  exportAgainHref,
  readState,
  resolveRange,
  toValues,
  validate,
  writeState,
} from './state';

const now = Date.parse('2026-05-14T10:00:00Z');

describe('wizard state in the URL', () => {
  it('round-trips every choice and falls back to safe defaults', () => {
    const s = readState(
      new URLSearchParams(
        'step=review&g=a&g=%2Faws%2Fb&stream=s1&preset=custom&start=2026-05-01T00:00&end=2026-05-03T00:00&tz=Asia%2FTokyo&chunk=day&bucket=bk&prefix=p%2Fq&name=n&batch=abcde',
      ),
      'UTC',
    );
    expect(readState(new URLSearchParams(writeState(s)), 'UTC')).toEqual(s);
    expect(
      readState(new URLSearchParams('step=nope&preset=nope&chunk=hour&batch=X!'), 'Europe/Berlin'),
    ).toMatchObject({
      step: 'source',
      preset: 'yesterday',
      chunk: 'none',
      tz: 'Europe/Berlin',
      prefix: 'exportedlogs',
      name: null,
      batch: '',
    });
  });

  it('reads custom wall times in the chosen zone and clamps a future end', () => {
    const s = readState(
      new URLSearchParams('preset=custom&start=2026-05-14T00:00&end=2026-05-15T00:00&tz=Asia/Tokyo'),
      'UTC',
    );
    const r = resolveRange(s, now);
    expect(r.range?.start).toBe(Date.parse('2026-05-13T15:00:00Z'));
    expect(r.range?.end).toBe(now);
    expect(r.clamped).toBe(true);
  });

  it('an unreadable start or end is an error on that input, not an epoch error', () => {
    const s = readState(
      new URLSearchParams(
        'g=a&preset=custom&start=&end=2026-05-13T00:00&tz=UTC&bucket=logport-exports&name=x',
      ),
      'UTC',
    );
    const r = resolveRange(s, now);
    expect(validate(rules, toValues(s, 'us-east-2', r), r)).toEqual({
      from: ['wizard.errors.startRequired'],
    });
  });

  it('a range wholly in the future is an error on the start, not "end before start"', () => {
    const s = readState(
      new URLSearchParams(
        'g=a&preset=custom&start=2027-01-01T00:00&end=2027-01-02T00:00&tz=UTC&bucket=logport-exports&name=x',
      ),
      'UTC',
    );
    const r = resolveRange(s, now);
    expect(validate(rules, toValues(s, 'us-east-2', r), r)).toEqual({
      from: ['wizard.errors.startInFuture'],
    });
  });

  it('start after end is an error on the end', () => {
    const s = readState(
      new URLSearchParams(
        'g=a&preset=custom&start=2026-05-13T00:00&end=2026-05-12T00:00&tz=UTC&bucket=logport-exports&name=x',
      ),
      'UTC',
    );
    const r = resolveRange(s, now);
    expect(validate(rules, toValues(s, 'us-east-2', r), r)).toEqual({ to: ['wizard.errors.startAfterEnd'] });
  });
});

describe('export again', () => {
  const cases = {
    'a whole day': { from: Date.parse('2026-05-12T00:00:00Z'), to: Date.parse('2026-05-13T00:00:00Z') - 1 },
    'a last-hour range, not on the minute': {
      from: Date.parse('2026-05-14T08:59:12.345Z'),
      to: Date.parse('2026-05-14T09:59:12.345Z') - 1,
    },
    'under a minute': { from: Date.parse('2026-05-14T09:00:30Z'), to: Date.parse('2026-05-14T09:00:45Z') },
  };
  for (const [what, range] of Object.entries(cases)) {
    it(`prefills the same group, exact range and destination (${what})`, () => {
      const task = {
        taskId: 'cda45419-aaaa-bbbb-cccc-000000000000',
        logGroupName: '/aws/lambda/orders-api',
        ...range,
        destination: 'logport-exports',
        destinationPrefix: 'archive/2026-05',
      };
      const href = exportAgainHref(task, 'k3x9');
      expect(href.startsWith('/exports/new?')).toBe(true);
      const s = readState(new URLSearchParams(href.split('?')[1]), 'Asia/Tokyo');
      expect(s).toMatchObject({
        step: 'review',
        groups: [task.logGroupName],
        tz: 'UTC',
        bucket: task.destination,
        prefix: task.destinationPrefix,
      });
      // A name of its own: never the original's, which a lost answer could otherwise be taken for.
      expect(s.name).toMatch(/^aws-lambda-orders-api-\d{8}(T\d{4})?-\d{8}(T\d{4})?-again-k3x9$/);
      const r = resolveRange(s, now);
      const values = toValues(s, 'us-east-2', r);
      expect(validate(rules, values, r)).toEqual({});
      expect({ from: values.from, to: values.to }).toEqual({ from: task.from, to: task.to });
    });
  }
});

describe('the name of an export made again', () => {
  const group = '/aws/lambda/orders-api';
  it('reads as the days it covers, even when AWS’s inclusive `to` is exactly midnight', () => {
    const from = Date.parse('2026-05-14T00:00:00Z');
    // `--to` at midnight (as the CLI guide writes it) includes one millisecond of the 15th.
    const name = againTaskName({ logGroupName: group, from, to: Date.parse('2026-05-15T00:00:00Z') }, 'k3x9');
    expect(name).toBe('aws-lambda-orders-api-20260514-20260514-again-k3x9');
    expect(name).not.toMatch(/T0000/);
    expect(
      againTaskName({ logGroupName: group, from, to: Date.parse('2026-05-15T00:00:00Z') - 1 }, 'k3x9'),
    ).toBe('aws-lambda-orders-api-20260514-20260514-again-k3x9');
  });
  it('keeps hours and minutes of a range that is not whole days', () => {
    const name = againTaskName(
      {
        logGroupName: group,
        from: Date.parse('2026-05-14T08:59:12.345Z'),
        to: Date.parse('2026-05-14T09:59:12.344Z'),
      },
      'a1b2',
    );
    expect(name).toBe('aws-lambda-orders-api-20260514T0859-20260514T0959-again-a1b2');
  });
  it('differs each time the same export is made again', () => {
    const task = { logGroupName: group, from: 0, to: 86_400_000 - 1 };
    expect(againTaskName(task, 'aaaa')).not.toBe(againTaskName(task, 'bbbb'));
  });
});
