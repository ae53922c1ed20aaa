import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_ACTIONS, type ActivityAction, actionKey } from '@/lib/audit/actions';
import { describeActivity, type Formatters, type Translate } from './describe';

// The messages as the app ships them, formatted by the same ICU library next-intl uses.
function translator(locale: 'en' | 'ja', ns: string): Translate {
  const messages = JSON.parse(readFileSync(path.resolve('messages', locale, `${ns}.json`), 'utf8'));
  const get = (key: string): unknown =>
    key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages);
  // A missing message shows its key, as next-intl's fallback does in the app: the assertions catch it.
  const t = ((key: string, values?: Record<string, string | number>) => {
    const m = get(key);
    return typeof m === 'string' ? String(new IntlMessageFormat(m, locale).format(values)) : `${ns}.${key}`;
  }) as Translate;
  t.has = (key) => typeof get(key) === 'string';
  return t;
}

const f: Formatters = {
  range: (from, to) => `${new Date(from).toISOString()}..${new Date(to).toISOString()}`,
  dateTime: (ms) => new Date(ms).toISOString(),
  list: (items) => items.join(', '),
};

const TASK = '0f9a1c2e-7b3d-4e5f-8a9b-0c1d2e3f4a5b';
const JOB = '6b1f3a7e-1111-4222-8333-944455556666';
const RULE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const T0 = Date.UTC(2026, 0, 5);

type Sample = Parameters<typeof describeActivity>[0];
const base = { region: 'us-east-2', outcome: 'ok' as const, target: null, detail: null };

// One entry per action as the code that records it writes it (a new action must add its sample here).
const SAMPLES: Record<ActivityAction, Sample> = {
  'export.launch': {
    ...base,
    action: 'export.launch',
    target: TASK,
    detail: {
      via: 'queue',
      jobId: JOB,
      taskName: 'orders-20260105',
      logGroup: '/aws/lambda/orders',
      from: T0,
      to: T0 + 86_399_999,
      destination: 'archive',
    },
  },
  'export.cancel': { ...base, action: 'export.cancel', target: TASK },
  'queue.enqueue': {
    ...base,
    action: 'queue.enqueue',
    target: JOB,
    detail: { jobs: 3, logGroups: ['/a', '/b'], destination: 'archive', from: T0, to: T0 + 1000 },
  },
  'queue.cancel': {
    ...base,
    action: 'queue.cancel',
    target: 'orders-1',
    detail: { jobId: JOB, logGroup: '/a', state: 'submitting', requested: true },
  },
  'queue.cancelBatch': {
    ...base,
    action: 'queue.cancelBatch',
    target: JOB,
    detail: { batchId: JOB, jobs: 12 },
  },
  'queue.retry': {
    ...base,
    action: 'queue.retry',
    target: 'orders-1',
    detail: { jobId: JOB, logGroup: '/a', previousTaskId: TASK },
  },
  'queue.pause': { ...base, region: null, action: 'queue.pause' },
  'queue.resume': { ...base, region: null, action: 'queue.resume' },
  'policy.apply': {
    ...base,
    action: 'policy.apply',
    target: 'archive',
    detail: { statements: 3, logportSids: ['LogportA'], replacedExisting: true },
  },
  'settings.change': {
    ...base,
    region: null,
    action: 'settings.change',
    target: 'queue.onFailure',
    detail: { from: 'continue', to: 'pause' },
  },
  'rule.create': {
    ...base,
    action: 'rule.create',
    target: 'daily-archive',
    detail: { ruleId: RULE, bucket: 'archive', every: 'day' },
  },
  'rule.update': {
    ...base,
    action: 'rule.update',
    target: 'daily-archive',
    detail: { ruleId: RULE, bucket: 'archive', every: 'day', changed: ['bucket', 'timeZone'] },
  },
  'rule.delete': { ...base, action: 'rule.delete', target: 'daily-archive', detail: { ruleId: RULE } },
  'rule.enable': { ...base, action: 'rule.enable', target: 'daily-archive', detail: { ruleId: RULE } },
  'rule.disable': { ...base, action: 'rule.disable', target: 'daily-archive', detail: { ruleId: RULE } },
  'rule.run': { ...base, action: 'rule.run', target: 'daily-archive', detail: { ruleId: RULE } },
  'coverage.fill': {
    ...base,
    action: 'coverage.fill',
    target: '4',
    detail: { jobs: 4, logGroups: ['/a', '/b'] },
  },
  'auth.locked': {
    ...base,
    region: null,
    action: 'auth.locked',
    target: 'alice',
    detail: { scope: 'user', failures: 10, until: T0, address: '203.0.113.7' },
  },
  'session.end': {
    ...base,
    region: null,
    action: 'session.end',
    target: 'bob',
    detail: { role: 'operator', since: T0, address: '203.0.113.8' },
  },
  'webhook.create': {
    ...base,
    region: null,
    action: 'webhook.create',
    target: 'https://hooks.slack.com/…',
    detail: { webhookId: RULE, format: 'slack', events: ['export.failed', 'rule.behind'], signed: true },
  },
  'webhook.delete': {
    ...base,
    region: null,
    action: 'webhook.delete',
    target: 'https://alerts.example.com/…',
    detail: { webhookId: RULE, format: 'json' },
  },
  'webhook.test': {
    ...base,
    region: null,
    outcome: 'error',
    action: 'webhook.test',
    target: 'https://alerts.example.com/…',
    detail: {
      webhookId: RULE,
      status: 500,
      durationMs: 31,
      error: 'alertHttpStatus',
      errorParams: { status: 500 },
    },
  },
  'token.create': {
    ...base,
    region: null,
    action: 'token.create',
    target: 'ci-deploy',
    detail: { tokenId: '0123456789abcdef', role: 'operator', accounts: ['prod', 'staging'], expiresAt: T0 },
  },
  'token.revoke': {
    ...base,
    region: null,
    action: 'token.revoke',
    target: 'ci-deploy',
    detail: { tokenId: '0123456789abcdef', role: 'operator' },
  },
};

const RAW = /\b(activity|errors|common)\.[A-Za-z_]+|\{|\}|\b[a-z]+\.[a-z]+[A-Z][A-Za-z]*\b/;

describe('activity in words', () => {
  for (const locale of ['en', 'ja'] as const) {
    const t = translator(locale, 'activity');
    const te = translator(locale, 'errors');

    it(`${locale}: every action the app records has a name`, () => {
      for (const action of ACTIVITY_ACTIONS) expect(t.has(`actions.${actionKey(action)}`), action).toBe(true);
    });

    it(`${locale}: every action reads as words with its details, never a raw key`, () => {
      for (const action of ACTIVITY_ACTIONS) {
        const lines = describeActivity(SAMPLES[action], t, te, f);
        expect(lines.length, action).toBeGreaterThan(0);
        for (const line of lines) {
          expect(line.text.trim(), action).not.toBe('');
          expect(line.text, `${locale} ${action}: ${line.text}`).not.toMatch(RAW);
        }
      }
    });
  }

  it('a setting change is a sentence in both languages', () => {
    const entry = SAMPLES['settings.change'];
    const en = describeActivity(entry, translator('en', 'activity'), translator('en', 'errors'), f);
    expect(en[0]?.text).toBe('When an export fails: continue with the next export → pause the queue');
    const ja = describeActivity(entry, translator('ja', 'activity'), translator('ja', 'errors'), f);
    expect(ja[0]?.text).toBe('エクスポートが失敗したとき: 次のエクスポートに進む → キューを一時停止する');
  });

  it('links task ids, batches, jobs and rules to their pages', () => {
    const t = translator('en', 'activity');
    const te = translator('en', 'errors');
    const hrefs = (action: ActivityAction) =>
      describeActivity(SAMPLES[action], t, te, f)
        .map((l) => l.href)
        .filter(Boolean);
    expect(hrefs('export.launch')).toEqual([`/exports/${TASK}`, `/queue?job=${JOB}`]);
    expect(hrefs('export.cancel')).toEqual([`/exports/${TASK}`]);
    expect(hrefs('queue.enqueue')).toEqual([`/queue?batch=${JOB}`]);
    expect(hrefs('queue.cancelBatch')).toEqual([`/queue?batch=${JOB}`]);
    expect(hrefs('queue.retry')).toEqual([`/exports/${TASK}`, `/queue?job=${JOB}`]);
    expect(hrefs('rule.update')).toEqual([`/rules/${RULE}`]);
    // A deleted rule has no page any more.
    expect(hrefs('rule.delete')).toEqual([]);
  });

  it('names the account and Region an entry belongs to, in both languages', () => {
    const entry = { ...SAMPLES['export.cancel'], account: 'prod' };
    const note = (locale: 'en' | 'ja') =>
      describeActivity(entry, translator(locale, 'activity'), translator(locale, 'errors'), f).find(
        (l) => l.kind === 'muted',
      )?.text;
    expect(note('en')).toBe('Account prod · Region us-east-2');
    expect(note('ja')).toBe('アカウント prod · リージョン us-east-2');
    // Recorded before accounts existed: the Region alone.
    expect(
      describeActivity(
        SAMPLES['export.cancel'],
        translator('en', 'activity'),
        translator('en', 'errors'),
        f,
      ).find((l) => l.kind === 'muted')?.text,
    ).toBe('Region us-east-2');
  });

  it('never makes a link from a recorded value that is not an id', () => {
    const t = translator('en', 'activity');
    const lines = describeActivity(
      { ...SAMPLES['export.cancel'], target: '../../api/queue?x=1' },
      t,
      translator('en', 'errors'),
      f,
    );
    expect(lines.filter((l) => l.href)).toEqual([]);
  });

  it('names a refused launch by its task name and says why in words', () => {
    const lines = describeActivity(
      {
        ...base,
        action: 'export.launch',
        outcome: 'error',
        target: 'orders-1',
        detail: { via: 'queue', jobId: JOB, logGroup: '/a', error: 'bucketNotFound' },
      },
      translator('ja', 'activity'),
      translator('ja', 'errors'),
      f,
    );
    expect(lines.map((l) => l.text)).toContain('orders-1');
    expect(lines.at(-1)?.kind).toBe('error');
    expect(lines.at(-1)?.text).not.toContain('bucketNotFound');
  });
});
