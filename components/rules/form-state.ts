import { DEFAULT_BEHIND_MINUTES, type RuleFormValues, type ruleInputSchema } from '@/lib/rules/schema';
import { DEFAULT_TEMPLATE } from '@/lib/rules/template';
import type { Every, Rule } from '@/lib/rules/types';

/**
 * The rule form's state as the user types it (text in inputs), turned into the rule schema's input. Pure: the
 * form, its tests and the server agree on what a field is called and which error belongs to which input.
 */
export type SelectionMode = 'names' | 'prefix' | 'tag';

/**
 * Where a saved rule runs and what else it holds that this form does not show (several accounts or Regions, a
 * bucket per Region): sent back as it was, so saving the form never changes them.
 * Null for a new rule, which runs in the page's account and Region.
 */
export type KeptSettings = {
  accounts: string[] | '*';
  regions: string[];
  region: string;
  buckets: Record<string, string>;
};

/** The page's account and Region (a new rule runs there). */
export type FormScope = { account: string; region: string };

export type RuleFormState = {
  name: string;
  mode: SelectionMode;
  names: string[];
  prefix: string;
  tagKey: string;
  tagValue: string;
  /** One log group name per line. */
  exclude: string;
  bucket: string;
  prefixTemplate: string;
  every: Every;
  timeZone: string;
  /** The input's text: a whole number of minutes. */
  settleMinutes: string;
  /** YYYY-MM-DD, or '' for the default (the day the rule is created). */
  backfillFrom: string;
  /** The input's text: minutes after a window is due before the rule counts as behind (rule.behind alert). */
  behindAfterMinutes: string;
  enabled: boolean;
  kept: KeptSettings | null;
};

/** The inputs of the form, by the names errors are filed under. */
export const FORM_FIELDS = [
  'name',
  'names',
  'prefix',
  'tagKey',
  'tagValue',
  'exclude',
  'bucket',
  'prefixTemplate',
  'every',
  'timeZone',
  'settleMinutes',
  'backfillFrom',
  'behindAfterMinutes',
  'enabled',
] as const;
export type FormField = (typeof FORM_FIELDS)[number] | 'form';

/** Each field's input element id (focus moves to the first one with a problem). */
export const FIELD_IDS: Record<FormField, string> = {
  name: 'rule-name',
  names: 'wizard-group-search',
  prefix: 'rule-prefix',
  tagKey: 'rule-tag-key',
  tagValue: 'rule-tag-value',
  exclude: 'rule-exclude',
  bucket: 'rule-bucket',
  prefixTemplate: 'rule-template',
  every: 'rule-every-day',
  timeZone: 'rule-zone',
  settleMinutes: 'rule-settle',
  backfillFrom: 'rule-backfill',
  behindAfterMinutes: 'rule-behind',
  enabled: 'rule-enabled',
  form: 'rule-name',
};

export function emptyForm(timeZone: string): RuleFormState {
  return {
    name: '',
    mode: 'tag',
    names: [],
    prefix: '',
    tagKey: 'archive',
    tagValue: 'true',
    exclude: '',
    bucket: '',
    prefixTemplate: DEFAULT_TEMPLATE,
    every: 'day',
    timeZone,
    settleMinutes: '720',
    backfillFrom: '',
    behindAfterMinutes: String(DEFAULT_BEHIND_MINUTES),
    enabled: true,
    kept: null,
  };
}

export function formOf(rule: Rule): RuleFormState {
  const sel = rule.logGroups;
  return {
    name: rule.name,
    mode: 'names' in sel ? 'names' : 'prefix' in sel ? 'prefix' : 'tag',
    names: 'names' in sel ? sel.names : [],
    prefix: 'prefix' in sel ? sel.prefix : '',
    tagKey: 'tag' in sel ? sel.tag.key : '',
    tagValue: 'tag' in sel ? sel.tag.value : '',
    exclude: rule.exclude.join('\n'),
    bucket: rule.bucket,
    prefixTemplate: rule.prefixTemplate,
    every: rule.every,
    timeZone: rule.timeZone,
    settleMinutes: String(rule.settleMinutes),
    backfillFrom: rule.backfillFrom,
    behindAfterMinutes: String(rule.behindAfterMinutes ?? DEFAULT_BEHIND_MINUTES),
    enabled: rule.enabled,
    kept: {
      accounts: rule.accounts,
      regions: rule.regions,
      region: rule.region,
      buckets: rule.buckets,
    },
  };
}

/** Where previews and checks run: a saved rule's first account and Region, else the page's. */
export function previewScope(s: RuleFormState, scope: FormScope): FormScope {
  const k = s.kept;
  if (!k) return scope;
  return {
    account: Array.isArray(k.accounts) ? (k.accounts[0] ?? scope.account) : scope.account,
    region: k.region,
  };
}

/** Where the rule runs, as the schema takes it: the page's place for a new rule, else as it was saved. */
function placeOf(s: RuleFormState, scope: FormScope) {
  const k = s.kept;
  if (!k) return { accounts: [scope.account], region: scope.region };
  // The bucket typed here is the rule's first Region's, also when the per-Region map names that Region.
  const buckets = k.region in k.buckets ? { ...k.buckets, [k.region]: s.bucket } : k.buckets;
  return {
    accounts: k.accounts,
    ...(k.regions.length > 0 ? { regions: k.regions } : {}),
    ...(Object.keys(buckets).length > 0 ? { buckets } : {}),
  };
}

export function excludeList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** A whole number of minutes as a number; anything else is passed on as text, so the schema refuses it. */
function minutes(text: string): number | string {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

export function selectionOf(s: RuleFormState): RuleFormValues['logGroups'] {
  if (s.mode === 'names') return { names: s.names };
  if (s.mode === 'prefix') return { prefix: s.prefix };
  return { tag: { key: s.tagKey, value: s.tagValue } };
}

export type RuleFormInput = Omit<RuleFormValues, 'settleMinutes' | 'behindAfterMinutes'> & {
  settleMinutes: number | string;
  behindAfterMinutes: number | string;
};

/** What the form sends: the schema's input (the server parses it again with the same schema). */
export function toInput(s: RuleFormState, scope: FormScope): RuleFormInput {
  return {
    name: s.name,
    ...placeOf(s, scope),
    logGroups: selectionOf(s),
    exclude: excludeList(s.exclude),
    bucket: s.bucket,
    prefixTemplate: s.prefixTemplate,
    every: s.every,
    timeZone: s.timeZone,
    settleMinutes: minutes(s.settleMinutes),
    ...(s.backfillFrom.trim() ? { backfillFrom: s.backfillFrom.trim() } : {}),
    behindAfterMinutes: minutes(s.behindAfterMinutes),
    enabled: s.enabled,
  };
}

/** The input an issue of the schema belongs to. */
export function fieldOfPath(path: readonly PropertyKey[], mode: SelectionMode): FormField {
  const [first, second, third] = path.map(String);
  if (first === 'logGroups') {
    if (second === 'names') return 'names';
    if (second === 'prefix') return 'prefix';
    if (second === 'tag') return third === 'value' ? 'tagValue' : 'tagKey';
    return selectionField(mode);
  }
  if ((FORM_FIELDS as readonly string[]).includes(first ?? '')) return first as FormField;
  return 'form';
}

/** Where a problem with the selection as a whole shows: on the input of the chosen way. */
export function selectionField(mode: SelectionMode): FormField {
  return mode === 'names' ? 'names' : mode === 'prefix' ? 'prefix' : 'tagKey';
}

const MESSAGE_KEY = /^[a-z]+\.errors\.[A-Za-z]+$/;

/** Every field's first problem as a message key (`rules.errors.*`, `wizard.errors.*`). */
export function validateForm(
  schema: typeof ruleInputSchema,
  s: RuleFormState,
  scope: FormScope,
): Partial<Record<FormField, string[]>> {
  const result = schema.safeParse(toInput(s, scope));
  if (result.success) return {};
  const out: Partial<Record<FormField, string[]>> = {};
  for (const issue of result.error.issues) {
    const field = fieldOfPath(issue.path, s.mode);
    out[field] ??= [MESSAGE_KEY.test(issue.message) ? issue.message : 'wizard.errors.invalidValue'];
  }
  return out;
}

/** The server's field errors (keyed by the schema's top-level names) on the form's inputs. */
export function serverFieldErrors(
  errors: Record<string, string[]>,
  mode: SelectionMode,
): Partial<Record<FormField, string[]>> {
  const out: Partial<Record<FormField, string[]>> = {};
  for (const [key, keys] of Object.entries(errors)) {
    const field = key === 'logGroups' ? selectionField(mode) : fieldOfPath([key], mode);
    out[field] = [...(out[field] ?? []), ...keys];
  }
  return out;
}

/** "Required"-like problems wait until the field is left; the rest show while typing. */
export const WAITS_FOR_BLUR = new Set([
  'rules.errors.nameRequired',
  'rules.errors.namesRequired',
  'rules.errors.prefixRequired',
  'wizard.errors.bucketRequired',
  'wizard.errors.bucketLength',
]);

/** The fields a change to a piece of state can make right or wrong. */
export const TOUCHES: Partial<Record<keyof RuleFormState, FormField[]>> = {
  name: ['name'],
  mode: ['names', 'prefix', 'tagKey', 'tagValue'],
  names: ['names'],
  prefix: ['prefix'],
  tagKey: ['tagKey'],
  tagValue: ['tagValue'],
  exclude: ['exclude'],
  bucket: ['bucket'],
  prefixTemplate: ['prefixTemplate'],
  every: ['every'],
  timeZone: ['timeZone'],
  settleMinutes: ['settleMinutes'],
  backfillFrom: ['backfillFrom'],
  enabled: ['enabled'],
  kept: [],
};
