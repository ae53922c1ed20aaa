import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changedFields, DIFF_FIELDS, diffRules, duplicateNames, summarize } from './import-diff';
import { IE, ruleNameKey, rulesFileName, rulesFileText, toFileEntry, toRulesFile } from './import-file';
import { type ParsedRuleInput, ruleInputSchema } from './schema';
import { nameKey } from './store';
import type { Rule } from './types';

const rule = (over: Partial<Rule> = {}): Rule => ({
  id: 'a'.repeat(32),
  name: 'Nightly',
  accounts: ['default'],
  regions: ['us-east-2'],
  region: 'us-east-2',
  logGroups: { names: ['/app/api', '/app/worker'] },
  exclude: [],
  bucket: 'archive',
  buckets: {},
  prefixTemplate: 'logs/{logGroup}/{yyyy}/{mm}/{dd}',
  every: 'day',
  timeZone: 'UTC',
  settleMinutes: 720,
  backfillFrom: '2026-01-01',
  behindAfterMinutes: 360,
  enabled: true,
  createdAt: 1,
  createdBy: 'ada',
  updatedAt: 2,
  updatedBy: 'ada',
  ...over,
});

/** A file rule as the import reads it: through the one schema, defaults filled. */
function fileRule(input: Record<string, unknown>): ParsedRuleInput {
  const parsed = ruleInputSchema.safeParse(input);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data as ParsedRuleInput;
}
const exported = (r: Rule) => fileRule(toFileEntry(r) as unknown as Record<string, unknown>);

describe('the rules file', () => {
  it('has every field of a rule input, no id, timestamps or authors, and the schema takes each entry back', () => {
    const file = toRulesFile([rule()]);
    expect(file.version).toBe(1);
    const [entry] = file.rules;
    expect(Object.keys(entry ?? {})).toEqual([
      'name',
      'enabled',
      'accounts',
      'regions',
      'logGroups',
      'exclude',
      'bucket',
      'prefixTemplate',
      'every',
      'timeZone',
      'settleMinutes',
      'backfillFrom',
      'behindAfterMinutes',
    ]);
    const text = rulesFileText([rule()]);
    for (const secretish of ['"id"', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'aaaaaaaa'])
      expect(text).not.toContain(secretish);
    expect(ruleInputSchema.safeParse(entry).success).toBe(true);
  });

  it('is sorted by name without regard to case, pretty-printed with a final newline', () => {
    const text = rulesFileText([rule({ name: 'zeta' }), rule({ name: 'Alpha' }), rule({ name: 'beta' })]);
    const names = (JSON.parse(text) as { rules: Array<{ name: string }> }).rules.map((r) => r.name);
    expect(names).toEqual(['Alpha', 'beta', 'zeta']);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "rules": [\n    {\n      "name": "Alpha",');
  });

  it('leaves out regions when the rule uses each account’s first Region, and buckets when none is named', () => {
    const entry = toFileEntry(rule({ regions: [], buckets: {} }));
    expect('regions' in entry).toBe(false);
    expect('buckets' in entry).toBe(false);
    const multi = toFileEntry(
      rule({
        regions: ['us-west-2', 'us-east-2'],
        buckets: { 'us-west-2': 'west-archive', 'us-east-2': 'east-archive' },
      }),
    );
    expect(Object.keys(multi.buckets ?? {})).toEqual(['us-east-2', 'us-west-2']);
  });

  it('is named with the day', () => {
    expect(rulesFileName(Date.UTC(2026, 10, 4, 23))).toBe('logport-rules-2026-11-04.json');
  });

  it('compares names as the store does', () => {
    for (const n of ['Nightly', ' nightly ', 'ÄRCHIVE', 'İstanbul']) expect(ruleNameKey(n)).toBe(nameKey(n));
  });
});

describe('diffRules', () => {
  it('an exported rule read back is unchanged (every default and kept field included)', () => {
    for (const r of [
      rule(),
      rule({ regions: [], accounts: '*' }),
      rule({ regions: ['us-east-2', 'us-west-2'], buckets: { 'us-west-2': 'west' } }),
      rule({ logGroups: { tag: { key: 'team', value: '' } }, enabled: false, exclude: ['/x'] }),
      rule({ logGroups: { prefix: '/app/' }, every: 'hour', timeZone: 'Asia/Tokyo', settleMinutes: 0 }),
    ])
      expect(changedFields(exported(r), r)).toEqual([]);
  });

  it('added, changed (which fields), unchanged and removed, matched by name without regard to case', () => {
    const existing = [
      rule({ id: '1', name: 'Nightly' }),
      rule({ id: '2', name: 'hourly', every: 'hour' }),
      rule({ id: '3', name: 'old' }),
    ];
    const file = [
      fileRule({ ...toFileEntry(existing[0] as Rule), name: 'nightly', settleMinutes: 60 }),
      exported(existing[1] as Rule),
      fileRule({ name: 'brand-new', logGroups: { prefix: '/new/' }, bucket: 'archive' }),
    ];
    const diff = diffRules(file, existing);
    expect(diff.items.map((i) => i.kind)).toEqual(['changed', 'unchanged', 'added']);
    const changed = diff.items[0];
    expect(changed?.kind === 'changed' && changed.before.id).toBe('1');
    expect(changed?.kind === 'changed' && changed.fields).toEqual(['name', 'settleMinutes']);
    expect(diff.removed.map((r) => r.id)).toEqual(['3']);
    expect(summarize(diff)).toEqual({
      added: ['brand-new'],
      changed: [{ name: 'nightly', fields: ['name', 'settleMinutes'] }],
      unchanged: ['hourly'],
      removed: ['old'],
    });
  });

  it('an omitted field with a default is a change only when the rule has another value', () => {
    const minimal = { name: 'Nightly', logGroups: { names: ['/app/api', '/app/worker'] }, bucket: 'archive' };
    // Defaults: day, UTC, 720 min, 360 min behind, enabled, the default template, no exclusions.
    const defaults = rule({ prefixTemplate: fileRule(minimal).prefixTemplate });
    expect(changedFields(fileRule(minimal), defaults)).toEqual([]);
    expect(changedFields(fileRule(minimal), { ...defaults, settleMinutes: 60 })).toEqual(['settleMinutes']);
    expect(changedFields(fileRule(minimal), { ...defaults, enabled: false })).toEqual(['enabled']);
    expect(changedFields(fileRule(minimal), { ...defaults, behindAfterMinutes: undefined })).toEqual([]);
  });

  it('accounts, Regions and the backfill start keep the rule’s value when the file leaves them out', () => {
    const r = rule({ accounts: ['prod', 'staging'], regions: ['us-west-2'], region: 'us-west-2' });
    const entry = { ...toFileEntry(r) } as Record<string, unknown>;
    delete entry.accounts;
    delete entry.regions;
    delete entry.backfillFrom;
    expect(changedFields(fileRule(entry), r)).toEqual([]);
    expect(changedFields(fileRule({ ...entry, region: 'us-west-2' }), r)).toEqual([]);
    expect(changedFields(fileRule({ ...entry, region: 'us-east-2' }), r)).toEqual(['regions']);
    expect(changedFields(fileRule({ ...entry, accounts: '*' }), r)).toEqual(['accounts']);
    expect(changedFields(fileRule({ ...entry, backfillFrom: '2025-12-01' }), r)).toEqual(['backfillFrom']);
  });

  it('sets compare without regard to order; selections, buckets and templates exactly', () => {
    const r = rule({ accounts: ['a', 'b'], regions: ['us-east-2', 'us-west-2'], exclude: ['/x', '/y'] });
    const entry = toFileEntry(r);
    const same = fileRule({
      ...entry,
      accounts: ['b', 'a'],
      regions: ['us-west-2', 'us-east-2'],
      exclude: ['/y', '/x'],
      logGroups: { names: ['/app/worker', '/app/api'] },
    });
    expect(changedFields(same, r)).toEqual([]);
    expect(changedFields(fileRule({ ...entry, logGroups: { prefix: '/app/' } }), r)).toEqual(['logGroups']);
    expect(changedFields(fileRule({ ...entry, logGroups: { names: ['/app/api'] } }), r)).toEqual([
      'logGroups',
    ]);
    expect(changedFields(fileRule({ ...entry, buckets: { 'us-west-2': 'west-archive' } }), r)).toEqual([
      'buckets',
    ]);
    expect(changedFields(fileRule({ ...entry, prefixTemplate: 'x/{logGroup}' }), r)).toEqual([
      'prefixTemplate',
    ]);
    expect(changedFields(fileRule({ ...entry, bucket: 'other' }), r)).toEqual(['bucket']);
  });

  it('without `bucket`, the first Region’s bucket of `buckets` is the rule’s bucket (as a save does)', () => {
    const r = rule({
      regions: ['us-east-2', 'us-west-2'],
      buckets: { 'us-east-2': 'archive', 'us-west-2': 'west-archive' },
    });
    const entry = { ...toFileEntry(r) } as Record<string, unknown>;
    delete entry.bucket;
    expect(changedFields(fileRule(entry), r)).toEqual([]);
  });

  it('every field the diff knows is one of the rule input’s', () => {
    const keys = Object.keys(toFileEntry(rule({ buckets: { 'us-east-2': 'xyz' } })));
    for (const f of DIFF_FIELDS) expect(keys).toContain(f);
  });

  it('no existing rules: all added; an empty file: all removed', () => {
    const existing = [rule({ id: '1', name: 'b' }), rule({ id: '2', name: 'A' })];
    expect(summarize(diffRules(existing.map(exported), []))).toEqual({
      added: ['A', 'b'],
      changed: [],
      unchanged: [],
      removed: [],
    });
    expect(summarize(diffRules([], existing)).removed).toEqual(['A', 'b']);
  });
});

describe('duplicateNames', () => {
  it('finds a name used twice without regard to case or spaces', () => {
    expect([...duplicateNames(['a', 'B', ' A', 'c', 'b'])]).toEqual(['a', 'b']);
    expect(duplicateNames(['a', 'b']).size).toBe(0);
  });
});

describe('words for the import’s message keys', () => {
  it('exist in English and Japanese', () => {
    for (const locale of ['en', 'ja']) {
      const rules = JSON.parse(
        readFileSync(new URL(`../../messages/${locale}/rules.json`, import.meta.url), 'utf8'),
      ) as Record<string, unknown>;
      for (const key of Object.values(IE)) {
        let node: unknown = { rules };
        for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
        expect(typeof node, `${locale}: ${key}`).toBe('string');
      }
    }
  });
});
