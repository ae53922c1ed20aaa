import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/export-tasks/create-schema';
import {
  DEFAULT_BEHIND_MINUTES,
  DEFAULT_SETTLE_MINUTES,
  isValidDate,
  MAX_RULE_NAMES,
  R,
  ruleInputSchema,
} from './schema';
import { DEFAULT_TEMPLATE } from './template';

const valid = {
  name: 'daily-archive',
  region: 'ap-northeast-1',
  logGroups: { names: ['/app/api'] },
  exclude: [],
  bucket: 'my-archive',
  prefixTemplate: 'logs/{logGroup}/{yyyy}/{mm}/{dd}',
  every: 'day',
  timeZone: 'Asia/Tokyo',
  settleMinutes: 720,
  backfillFrom: '2026-11-01',
  enabled: true,
};

const parse = (input: unknown) => ruleInputSchema.safeParse(input);
/** The field → message keys the API answers with (the first problem per field). */
function errorsOf(input: unknown): Record<string, string[]> {
  const r = parse(input);
  if (r.success) return {};
  return fieldErrorsOf(r.error);
}
const withField = (field: string, value: unknown) => ({ ...valid, [field]: value });

const MESSAGES = {
  en: {
    rules: JSON.parse(readFileSync(new URL('../../messages/en/rules.json', import.meta.url), 'utf8')),
    wizard: JSON.parse(readFileSync(new URL('../../messages/en/wizard.json', import.meta.url), 'utf8')),
  },
  ja: {
    rules: JSON.parse(readFileSync(new URL('../../messages/ja/rules.json', import.meta.url), 'utf8')),
    wizard: JSON.parse(readFileSync(new URL('../../messages/ja/wizard.json', import.meta.url), 'utf8')),
  },
};
function messageExists(locale: 'en' | 'ja', key: string): boolean {
  let node: unknown = MESSAGES[locale];
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node.length > 0;
}

describe('rule schema: the example from the issue', () => {
  it('accepts it as it is', () => {
    const r = parse(valid);
    expect(r.success).toBe(true);
    expect(r.data).toEqual(valid);
  });
});

describe('defaults', () => {
  it('fills everything but the name, the selection and the bucket', () => {
    const r = parse({ name: 'n', logGroups: { prefix: '/app/' }, bucket: 'my-archive' });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({
      name: 'n',
      logGroups: { prefix: '/app/' },
      exclude: [],
      bucket: 'my-archive',
      prefixTemplate: DEFAULT_TEMPLATE,
      every: 'day',
      timeZone: 'UTC',
      settleMinutes: DEFAULT_SETTLE_MINUTES,
      enabled: true,
    });
    expect(r.data).not.toHaveProperty('region');
    expect(r.data).not.toHaveProperty('backfillFrom');
    expect(DEFAULT_SETTLE_MINUTES).toBe(720);
  });

  it('takes behindAfterMinutes from 15 minutes to 30 days, absent meaning the store default (6 h)', () => {
    expect(parse(withField('behindAfterMinutes', 90)).data?.behindAfterMinutes).toBe(90);
    for (const bad of [14, 43_201, 1.5, '90'])
      expect(errorsOf(withField('behindAfterMinutes', bad)), String(bad)).toEqual({
        behindAfterMinutes: [R.behindInvalid],
      });
    expect(DEFAULT_BEHIND_MINUTES).toBe(360);
  });

  it('reads an empty template as the default one and trims names and templates', () => {
    expect(parse(withField('prefixTemplate', '')).data?.prefixTemplate).toBe(DEFAULT_TEMPLATE);
    expect(parse(withField('prefixTemplate', '   ')).data?.prefixTemplate).toBe(DEFAULT_TEMPLATE);
    expect(parse(withField('prefixTemplate', ' a/{dd} ')).data?.prefixTemplate).toBe('a/{dd}');
    expect(parse(withField('name', '  daily  ')).data?.name).toBe('daily');
  });
});

describe('selection', () => {
  it('takes a list of names, deduplicated', () => {
    const r = parse(withField('logGroups', { names: ['/a', '/b', '/a', ' /b '] }));
    expect(r.data?.logGroups).toEqual({ names: ['/a', '/b'] });
    expect(errorsOf(withField('logGroups', { names: [] }))).toEqual({ logGroups: [R.namesRequired] });
    expect(errorsOf(withField('logGroups', { names: ['bad name'] }))).toEqual({
      logGroups: ['wizard.errors.logGroupInvalid'],
    });
    const many = Array.from({ length: MAX_RULE_NAMES + 1 }, (_, i) => `/g/${i}`);
    expect(errorsOf(withField('logGroups', { names: many }))).toEqual({ logGroups: [R.tooManyNames] });
    expect(parse(withField('logGroups', { names: many.slice(1) })).success).toBe(true);
  });

  it('takes a name prefix', () => {
    expect(parse(withField('logGroups', { prefix: ' /app/ ' })).data?.logGroups).toEqual({ prefix: '/app/' });
    expect(errorsOf(withField('logGroups', { prefix: '' }))).toEqual({ logGroups: [R.prefixRequired] });
    expect(errorsOf(withField('logGroups', { prefix: '/app/*' }))).toEqual({
      logGroups: ['wizard.errors.logGroupInvalid'],
    });
  });

  it('takes a tag, whose value may be empty', () => {
    const tag = { key: 'archive', value: 'true' };
    expect(parse(withField('logGroups', { tag })).data?.logGroups).toEqual({ tag });
    expect(parse(withField('logGroups', { tag: { key: 'team', value: '' } })).success).toBe(true);
    expect(parse(withField('logGroups', { tag: { key: 'a b:c/d=e+f-g@h_i.j', value: 'x y' } })).success).toBe(
      true,
    );
    expect(parse(withField('logGroups', { tag: { key: 'チーム', value: '日本' } })).success).toBe(true);
  });

  it('refuses tag keys and values AWS would refuse', () => {
    const key = (k: string) => errorsOf(withField('logGroups', { tag: { key: k, value: 'v' } }));
    expect(key('')).toEqual({ logGroups: [R.tagKeyInvalid] });
    expect(key('aws:cloudformation:stack-name')).toEqual({ logGroups: [R.tagKeyInvalid] });
    expect(key('k'.repeat(129))).toEqual({ logGroups: [R.tagKeyInvalid] });
    expect(key('k'.repeat(128))).toEqual({});
    expect(key('a*b')).toEqual({ logGroups: [R.tagKeyInvalid] });
    const value = (v: string) => errorsOf(withField('logGroups', { tag: { key: 'k', value: v } }));
    expect(value('v'.repeat(257))).toEqual({ logGroups: [R.tagValueInvalid] });
    expect(value('v'.repeat(256))).toEqual({});
    expect(value('a;b')).toEqual({ logGroups: [R.tagValueInvalid] });
  });

  it('wants exactly one way of choosing', () => {
    expect(errorsOf(withField('logGroups', {}))).toEqual({ logGroups: [R.selectionOne] });
    expect(errorsOf(withField('logGroups', { names: ['/a'], prefix: '/a' }))).toEqual({
      logGroups: [R.selectionOne],
    });
    expect(errorsOf(withField('logGroups', { prefix: '/a', tag: { key: 'k', value: 'v' } }))).toEqual({
      logGroups: [R.selectionOne],
    });
    expect(errorsOf(withField('logGroups', undefined))).toHaveProperty('logGroups');
  });

  it('checks the exclude list like names', () => {
    expect(parse(withField('exclude', ['/app/api'])).data?.exclude).toEqual(['/app/api']);
    expect(errorsOf(withField('exclude', ['no spaces']))).toEqual({
      exclude: ['wizard.errors.logGroupInvalid'],
    });
  });
});

describe('other fields', () => {
  it('passes template problems through as their message keys', () => {
    expect(errorsOf(withField('prefixTemplate', '/logs'))).toEqual({
      prefixTemplate: ['rules.errors.templateLeadingSlash'],
    });
    expect(errorsOf(withField('prefixTemplate', 'logs/{day}'))).toEqual({
      prefixTemplate: ['rules.errors.templateUnknownPlaceholder'],
    });
    expect(errorsOf(withField('prefixTemplate', 'logs/../x'))).toEqual({
      prefixTemplate: ['rules.errors.templateTraversal'],
    });
    expect(errorsOf(withField('prefixTemplate', 'logs/*'))).toEqual({
      prefixTemplate: ['rules.errors.templateWildcard'],
    });
  });

  it('takes a settle delay from 0 to a week, in whole minutes', () => {
    for (const ok of [0, 1, 720, 10_080]) expect(parse(withField('settleMinutes', ok)).success).toBe(true);
    for (const bad of [-1, 10_081, 1.5, '720', null, Number.NaN]) {
      expect(errorsOf(withField('settleMinutes', bad))).toEqual({ settleMinutes: [R.settleInvalid] });
    }
  });

  it('takes a backfill date only if it exists', () => {
    for (const ok of ['2026-11-01', '2028-02-29', '1970-01-01'])
      expect(parse(withField('backfillFrom', ok)).success).toBe(true);
    for (const bad of [
      '2026-02-30',
      '2027-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-1-1',
      '1969-12-31',
      '2026-11-01T00:00',
      ' 2026-11-01',
      '',
    ]) {
      expect(errorsOf(withField('backfillFrom', bad))).toEqual({ backfillFrom: [R.backfillInvalid] });
    }
    expect(isValidDate('2026-04-31')).toBe(false);
  });

  it('checks the window, the zone, the Region, the bucket and the name', () => {
    expect(parse(withField('every', 'hour')).success).toBe(true);
    expect(parse(withField('every', 'week')).success).toBe(true);
    expect(errorsOf(withField('every', 'month'))).toEqual({ every: ['wizard.errors.invalidValue'] });
    expect(errorsOf(withField('timeZone', 'Mars/Olympus'))).toEqual({
      timeZone: ['wizard.errors.timeZoneInvalid'],
    });
    expect(errorsOf(withField('region', 'tokyo'))).toEqual({ region: ['wizard.errors.regionInvalid'] });
    expect(errorsOf(withField('bucket', 'My_Bucket'))).toEqual({ bucket: ['wizard.errors.bucketInvalid'] });
    expect(errorsOf(withField('name', ''))).toEqual({ name: [R.nameRequired] });
    expect(errorsOf(withField('name', 'x'.repeat(65)))).toEqual({ name: [R.nameTooLong] });
    expect(errorsOf(withField('name', 'a\u202eb'))).toEqual({ name: [R.nameControlChars] });
    expect(errorsOf(withField('enabled', 'yes'))).toEqual({ enabled: ['wizard.errors.invalidValue'] });
  });
});

describe('strictness and messages', () => {
  it('refuses unknown fields, at the top and inside the selection', () => {
    expect(parse({ ...valid, owner: 'me' }).success).toBe(false);
    expect(parse(withField('logGroups', { names: ['/a'], extra: 1 })).success).toBe(false);
    expect(parse(withField('logGroups', { tag: { key: 'k', value: 'v', extra: 1 } })).success).toBe(false);
    expect(parse({ ...valid, id: 'x', createdAt: 1 }).success).toBe(false);
  });

  it('answers only with message keys that exist in English and Japanese', () => {
    const bad: unknown[] = [
      {},
      null,
      'text',
      { ...valid, owner: 'me' },
      { ...valid, name: 5, logGroups: [], exclude: 'x', bucket: 1, prefixTemplate: 3, every: 2, timeZone: 9 },
      { ...valid, settleMinutes: '1', backfillFrom: 20261101, enabled: 1, region: 3 },
      withField('logGroups', { tag: { key: 5 } }),
      withField('logGroups', { names: 'x' }),
      withField('logGroups', { names: ['/a'], extra: 1 }),
      withField('prefixTemplate', '/{x}/../*'),
    ];
    for (const input of bad) {
      const errors = errorsOf(input);
      expect(Object.keys(errors).length).toBeGreaterThan(0);
      for (const key of Object.values(errors).flat()) {
        expect(key).toMatch(/^[a-z]+\.errors\.[A-Za-z]+$/);
        expect(messageExists('en', key), `${key} in en`).toBe(true);
        expect(messageExists('ja', key), `${key} in ja`).toBe(true);
      }
    }
  });

  it('has every key of its own in both languages, templates included', () => {
    const templateKeys = [
      'templateLeadingSlash',
      'templateUnknownPlaceholder',
      'templateBraces',
      'templateTraversal',
      'templateControlChars',
      'templateWildcard',
      'templateTooLong',
    ].map((k) => `rules.errors.${k}`);
    for (const key of [...Object.values(R), ...templateKeys]) {
      expect(messageExists('en', key), `${key} in en`).toBe(true);
      expect(messageExists('ja', key), `${key} in ja`).toBe(true);
    }
  });
});
