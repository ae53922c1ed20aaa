import { describe, expect, it } from 'vitest';
import { ruleInputSchema } from '@/lib/rules/schema';
import type { Rule } from '@/lib/rules/types';
import {
  emptyForm,
  excludeList,
  fieldOfPath,
  formOf,
  type RuleFormState,
  serverFieldErrors,
  toInput,
  validateForm,
} from './form-state';

const SCOPE = { account: 'default', region: 'us-east-2' };

const valid: RuleFormState = {
  ...emptyForm('Asia/Tokyo'),
  name: 'daily-archive',
  bucket: 'logport-exports',
};

describe('rule form state', () => {
  it('a filled-in form is a valid rule for the one schema', () => {
    expect(validateForm(ruleInputSchema, valid, SCOPE)).toEqual({});
    const parsed = ruleInputSchema.parse(toInput(valid, SCOPE));
    expect(parsed).toMatchObject({
      name: 'daily-archive',
      accounts: ['default'],
      region: 'us-east-2',
      logGroups: { tag: { key: 'archive', value: 'true' } },
      exclude: [],
      every: 'day',
      timeZone: 'Asia/Tokyo',
      settleMinutes: 720,
      behindAfterMinutes: 360,
      enabled: true,
    });
    expect(parsed.backfillFrom).toBeUndefined();
  });

  it('the behind alert is a field: six hours by default, a saved value kept, a bad one filed under its input', () => {
    expect(emptyForm('UTC').behindAfterMinutes).toBe('360');
    expect(
      ruleInputSchema.parse(toInput({ ...valid, behindAfterMinutes: '90' }, SCOPE)).behindAfterMinutes,
    ).toBe(90);
    expect(validateForm(ruleInputSchema, { ...valid, behindAfterMinutes: '5' }, SCOPE)).toHaveProperty(
      'behindAfterMinutes',
    );
    expect(validateForm(ruleInputSchema, { ...valid, behindAfterMinutes: 'soon' }, SCOPE)).toHaveProperty(
      'behindAfterMinutes',
    );
  });

  it('sends only the chosen way of selecting groups', () => {
    expect(toInput({ ...valid, mode: 'names', names: ['/a', '/b'] }, SCOPE).logGroups).toEqual({
      names: ['/a', '/b'],
    });
    expect(toInput({ ...valid, mode: 'prefix', prefix: '/app/' }, SCOPE).logGroups).toEqual({
      prefix: '/app/',
    });
  });

  it('reads the exclude list one name per line (or comma), blanks and repeats dropped', () => {
    expect(excludeList(' /a \n\n/b,/a\n')).toEqual(['/a', '/b']);
  });

  it('files each problem under the input that has it', () => {
    const errors = validateForm(
      ruleInputSchema,
      {
        ...valid,
        name: '',
        mode: 'tag',
        tagKey: 'aws:x',
        tagValue: 'bad*',
        exclude: 'not a name',
        bucket: 'A',
        prefixTemplate: '/logs/{nope}',
        settleMinutes: '12.5',
        backfillFrom: '2026-02-30',
        timeZone: 'Mars/Base',
      },
      SCOPE,
    );
    expect(errors).toEqual({
      name: ['rules.errors.nameRequired'],
      tagKey: ['rules.errors.tagKeyInvalid'],
      tagValue: ['rules.errors.tagValueInvalid'],
      exclude: ['wizard.errors.logGroupInvalid'],
      bucket: [expect.stringMatching(/^wizard\.errors\.bucket/)],
      prefixTemplate: ['rules.errors.templateLeadingSlash'],
      settleMinutes: ['rules.errors.settleInvalid'],
      backfillFrom: ['rules.errors.backfillInvalid'],
      timeZone: [expect.stringMatching(/^wizard\.errors\./)],
    });
  });

  it('an empty list of names and an empty prefix are shown on their own inputs', () => {
    expect(validateForm(ruleInputSchema, { ...valid, mode: 'names', names: [] }, SCOPE)).toEqual({
      names: ['rules.errors.namesRequired'],
    });
    expect(validateForm(ruleInputSchema, { ...valid, mode: 'prefix', prefix: ' ' }, SCOPE)).toEqual({
      prefix: ['rules.errors.prefixRequired'],
    });
    expect(validateForm(ruleInputSchema, { ...valid, settleMinutes: '' }, SCOPE)).toEqual({
      settleMinutes: ['rules.errors.settleInvalid'],
    });
  });

  it("puts the server's selection errors on the chosen way's input", () => {
    expect(
      serverFieldErrors(
        { logGroups: ['rules.errors.selectionOne'], name: ['rules.errors.nameTaken'] },
        'prefix',
      ),
    ).toEqual({ prefix: ['rules.errors.selectionOne'], name: ['rules.errors.nameTaken'] });
    expect(fieldOfPath(['region'], 'names')).toBe('form');
  });

  it('a saved rule opens in the form as it was saved', () => {
    const rule: Rule = {
      id: 'a'.repeat(32),
      name: 'hourly',
      accounts: ['default'],
      regions: ['us-east-2'],
      region: 'us-east-2',
      buckets: {},
      logGroups: { names: ['/x', '/y'] },
      exclude: ['/y'],
      bucket: 'b-1',
      prefixTemplate: 'logs/{logGroup}/{hh}',
      every: 'hour',
      timeZone: 'UTC',
      settleMinutes: 0,
      backfillFrom: '2026-01-02',
      behindAfterMinutes: 45,
      enabled: false,
      createdAt: 1,
      createdBy: 'admin',
      updatedAt: 1,
      updatedBy: 'admin',
    };
    const form = formOf(rule);
    expect(form).toMatchObject({
      mode: 'names',
      names: ['/x', '/y'],
      exclude: '/y',
      settleMinutes: '0',
      behindAfterMinutes: '45',
    });
    expect(ruleInputSchema.parse(toInput(form, SCOPE))).toMatchObject({
      logGroups: rule.logGroups,
      exclude: rule.exclude,
      every: 'hour',
      settleMinutes: 0,
      backfillFrom: '2026-01-02',
      enabled: false,
    });
  });

  it("a new rule runs in the page's account and Region; an edit keeps where the rule runs and what the form does not show", () => {
    expect(toInput(valid, { account: 'prod', region: 'us-west-2' })).toMatchObject({
      accounts: ['prod'],
      region: 'us-west-2',
    });
    const form = {
      ...valid,
      bucket: 'archive-use2-new',
      kept: {
        accounts: ['prod', 'staging'],
        regions: ['us-east-2', 'us-west-2'],
        region: 'us-east-2',
        buckets: { 'us-east-2': 'archive-use2', 'us-west-2': 'archive-usw2' },
      },
      behindAfterMinutes: '90',
    };
    const input = toInput(form, SCOPE);
    expect(input).not.toHaveProperty('region');
    expect(ruleInputSchema.parse(input)).toMatchObject({
      accounts: ['prod', 'staging'],
      regions: ['us-east-2', 'us-west-2'],
      buckets: { 'us-east-2': 'archive-use2-new', 'us-west-2': 'archive-usw2' },
      behindAfterMinutes: 90,
    });
  });
});
