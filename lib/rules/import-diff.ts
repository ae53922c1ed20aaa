import { byRuleName, ruleNameKey } from './import-file';
import { DEFAULT_BEHIND_MINUTES } from './schema';
import type { Rule, RuleInput, Selection } from './types';

/**
 * What a rules file would change (pure): each rule of the file is added (no rule of that name), changed (which
 * fields) or unchanged; the rules not in the file are "removed" (deleted only when asked). Rules match by name
 * without regard to case, as names are unique that way.
 *
 * A file rule is read the way saveRule reads it (PUT semantics: the whole rule): the schema has already filled its
 * defaults, so an omitted `settleMinutes` means 720 and counts as a change only if the rule has another value; the
 * fields a save keeps when omitted (`accounts`, `regions`/`region`, `backfillFrom`) keep the rule's value here too.
 * Lists that are sets (accounts, Regions, names, exclusions) compare without regard to order.
 */
export const DIFF_FIELDS = [
  'name',
  'enabled',
  'accounts',
  'regions',
  'logGroups',
  'exclude',
  'bucket',
  'buckets',
  'prefixTemplate',
  'every',
  'timeZone',
  'settleMinutes',
  'backfillFrom',
  'behindAfterMinutes',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

/** A file rule after the one schema (defaults filled). */
export type FileRule = RuleInput;

export type DiffItem<R extends Rule = Rule> =
  | { kind: 'added'; index: number; input: FileRule }
  | { kind: 'changed'; index: number; input: FileRule; before: R; fields: DiffField[] }
  | { kind: 'unchanged'; index: number; input: FileRule; before: R };

export type RulesDiff<R extends Rule = Rule> = {
  /** One per file rule, in the file's order (`index` is its place in the file, from 0). */
  items: DiffItem<R>[];
  /** Existing rules no file rule names, by name. */
  removed: R[];
};

const sorted = (values: readonly string[]) => [...new Set(values)].sort();

function canonSelection(s: Selection): string {
  if ('names' in s) return JSON.stringify({ names: sorted(s.names) });
  if ('prefix' in s) return JSON.stringify({ prefix: s.prefix });
  return JSON.stringify({ tag: { key: s.tag.key, value: s.tag.value } });
}

function canonRecord(r: Record<string, string>): string {
  return JSON.stringify(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

type Comparable = Record<DiffField, string>;

function comparable(r: {
  name: string;
  enabled: boolean;
  accounts: string[] | '*';
  regions: string[];
  logGroups: Selection;
  exclude: string[];
  bucket: string;
  buckets: Record<string, string>;
  prefixTemplate: string;
  every: string;
  timeZone: string;
  settleMinutes: number;
  backfillFrom: string;
  behindAfterMinutes: number;
}): Comparable {
  return {
    name: r.name,
    enabled: String(r.enabled),
    accounts: r.accounts === '*' ? '*' : JSON.stringify(sorted(r.accounts)),
    regions: JSON.stringify(sorted(r.regions)),
    logGroups: canonSelection(r.logGroups),
    exclude: JSON.stringify(sorted(r.exclude)),
    bucket: r.bucket,
    buckets: canonRecord(r.buckets),
    prefixTemplate: r.prefixTemplate,
    every: r.every,
    timeZone: r.timeZone,
    settleMinutes: String(r.settleMinutes),
    backfillFrom: r.backfillFrom,
    behindAfterMinutes: String(r.behindAfterMinutes),
  };
}

/** The rule a save of `input` over `before` would store (as saveRule fills what the file leaves out). */
export function effectiveRule(input: FileRule, before: Rule) {
  const regions = input.regions ?? (input.region ? [input.region] : before.regions);
  const buckets = input.buckets ?? {};
  // saveRule: without `bucket`, the first Region's bucket of `buckets` (the first Region it runs in).
  const first = regions[0] ?? before.region;
  return {
    name: input.name,
    enabled: input.enabled,
    accounts: input.accounts ?? before.accounts,
    regions,
    logGroups: input.logGroups,
    exclude: input.exclude,
    bucket: input.bucket ?? buckets[first] ?? '',
    buckets,
    prefixTemplate: input.prefixTemplate,
    every: input.every,
    timeZone: input.timeZone,
    settleMinutes: input.settleMinutes,
    backfillFrom: input.backfillFrom ?? before.backfillFrom,
    behindAfterMinutes: input.behindAfterMinutes ?? DEFAULT_BEHIND_MINUTES,
  };
}

/** The fields a save of `input` would change in `before` (empty: nothing to write). */
export function changedFields(input: FileRule, before: Rule): DiffField[] {
  const next = comparable(effectiveRule(input, before));
  const now = comparable({
    ...before,
    behindAfterMinutes: before.behindAfterMinutes ?? DEFAULT_BEHIND_MINUTES,
  });
  return DIFF_FIELDS.filter((f) => next[f] !== now[f]);
}

/** Names used more than once in the file (without regard to case): such a file is refused. */
export function duplicateNames(names: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const n of names) {
    const key = ruleNameKey(n);
    if (seen.has(key)) twice.add(key);
    seen.add(key);
  }
  return twice;
}

/**
 * The diff of a file (its rules already valid and their names unique) against the rules it may change.
 * `existing` are the rules the caller may change; a file rule named like none of them is "added".
 */
export function diffRules<R extends Rule>(file: readonly FileRule[], existing: readonly R[]): RulesDiff<R> {
  const byKey = new Map(existing.map((r) => [ruleNameKey(r.name), r]));
  const named = new Set<string>();
  const items = file.map((input, index): DiffItem<R> => {
    const key = ruleNameKey(input.name);
    named.add(key);
    const before = byKey.get(key);
    if (!before) return { kind: 'added', index, input };
    const fields = changedFields(input, before);
    return fields.length > 0
      ? { kind: 'changed', index, input, before, fields }
      : { kind: 'unchanged', index, input, before };
  });
  const removed = existing.filter((r) => !named.has(ruleNameKey(r.name))).sort(byRuleName);
  return { items, removed };
}

export type DiffSummary = {
  added: string[];
  changed: Array<{ name: string; fields: DiffField[] }>;
  unchanged: string[];
  removed: string[];
};

/** The diff by name, each list sorted by name (what the API answers and the UI shows). */
export function summarize(diff: RulesDiff): DiffSummary {
  const names = (kind: DiffItem['kind']) =>
    diff.items
      .filter((i) => i.kind === kind)
      .map((i) => ({ name: i.input.name }))
      .sort(byRuleName)
      .map((i) => i.name);
  return {
    added: names('added'),
    changed: diff.items
      .flatMap((i) => (i.kind === 'changed' ? [{ name: i.input.name, fields: i.fields }] : []))
      .sort(byRuleName),
    unchanged: names('unchanged'),
    removed: diff.removed.map((r) => r.name),
  };
}
