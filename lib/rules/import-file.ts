import { DEFAULT_BEHIND_MINUTES } from './schema';
import type { Rule, RuleInput } from './types';

/**
 * Rules as files (issue 13): `{"version":1,"rules":[…]}`, each rule in the shape POST /api/rules takes, so a file
 * can be kept in git, edited by hand and applied again (POST /api/rules/import). No ids, no timestamps, no
 * who-changed-it: only what defines a rule. Pure: the route, the import and the tests share it.
 */
export const RULES_FILE_VERSION = 1;

/** One rule of the file: a RuleInput with every field written out (what the rule does now, defaults included). */
export type RuleFileEntry = Omit<RuleInput, 'region' | 'regions' | 'buckets'> & {
  accounts: string[] | '*';
  /** Left out when the rule runs in each account's first Region (the API's "no Region named"). */
  regions?: string[];
  bucket: string;
  /** Left out when no Region has its own bucket. */
  buckets?: Record<string, string>;
  backfillFrom: string;
  behindAfterMinutes: number;
};

/** More rules than any team keeps by hand; the body limit caps the size as well. */
export const MAX_IMPORT_RULES = 500;
/** A file of 500 rules with long name lists: well above 64 KB, the limit of the app's own JSON forms. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/** Message keys of a file's own problems (a rule's are the rule schema's). */
export const IE = {
  notAFile: 'rules.errors.importNotAFile',
  version: 'rules.errors.importVersion',
  tooMany: 'rules.errors.importTooMany',
  duplicateName: 'rules.errors.importDuplicateName',
} as const;

export type RulesFile = { version: typeof RULES_FILE_VERSION; rules: RuleFileEntry[] };

/** Names compare without regard to case, as the store's unique index does (lib/rules/store.ts nameKey). */
export const ruleNameKey = (name: string) => name.trim().toLowerCase();

/** Sorted by name (case-insensitive, then exactly) in plain code-unit order: the same file on every engine. */
export function byRuleName<T extends { name: string }>(a: T, b: T): number {
  const ka = ruleNameKey(a.name);
  const kb = ruleNameKey(b.name);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A stored rule as a file entry, keys in a fixed order (a diff in git shows only what changed). */
export function toFileEntry(rule: Rule): RuleFileEntry {
  return {
    name: rule.name,
    enabled: rule.enabled,
    accounts: rule.accounts,
    ...(rule.regions.length > 0 ? { regions: rule.regions } : {}),
    logGroups: rule.logGroups,
    exclude: rule.exclude,
    bucket: rule.bucket,
    ...(Object.keys(rule.buckets).length > 0 ? { buckets: sortedRecord(rule.buckets) } : {}),
    prefixTemplate: rule.prefixTemplate,
    every: rule.every,
    timeZone: rule.timeZone,
    settleMinutes: rule.settleMinutes,
    backfillFrom: rule.backfillFrom,
    behindAfterMinutes: rule.behindAfterMinutes ?? DEFAULT_BEHIND_MINUTES,
  };
}

export function toRulesFile(rules: readonly Rule[]): RulesFile {
  return { version: RULES_FILE_VERSION, rules: [...rules].sort(byRuleName).map(toFileEntry) };
}

/** The file's text: two-space indents and a final newline, as an editor would save it. */
export function rulesFileText(rules: readonly Rule[]): string {
  return `${JSON.stringify(toRulesFile(rules), null, 2)}\n`;
}

/** `logport-rules-2026-11-04.json` (the UTC date of the download). */
export function rulesFileName(now = Date.now()): string {
  return `logport-rules-${new Date(now).toISOString().slice(0, 10)}.json`;
}
