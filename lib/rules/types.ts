/**
 * Continuous export rules: plain JSON shared by the server, the API and the browser. A rule picks log groups
 * (names, a name prefix or a tag) in one Region and exports each of them window by window (hour, day or week
 * in the rule's time zone) to a bucket, under a prefix built from a template.
 */

export const EVERY = ['hour', 'day', 'week'] as const;
export type Every = (typeof EVERY)[number];

export type Selection = { names: string[] } | { prefix: string } | { tag: { key: string; value: string } };

/** What a person or a script gives (POST/PUT /api/rules, the form). */
export type RuleInput = {
  name: string;
  /** The accounts it runs in, by their names in Logport, or `*` for every account (default: `default`). */
  accounts?: string[] | '*';
  /** One Region (the simple case); default: each account's first Region. */
  region?: string;
  /** Several Regions (each needs its bucket: a bucket must be in its log group's Region). */
  regions?: string[];
  logGroups: Selection;
  /** Log group names never exported by this rule. */
  exclude: string[];
  /** The bucket (one Region), or the default for Regions `buckets` does not name. */
  bucket?: string;
  /** A bucket per Region: `{"us-east-2": "archive-use2", "us-west-2": "archive-usw2"}`. */
  buckets?: Record<string, string>;
  /** Placeholders: {logGroup} {account} {region} {yyyy} {mm} {dd} {hh} (window start, rule's zone). */
  prefixTemplate: string;
  every: Every;
  timeZone: string;
  /** How long after a window ends before it is exported (AWS: data can take up to 12 h to be exportable). */
  settleMinutes: number;
  /** The earliest window to export, a date (YYYY-MM-DD) in the rule's zone; default the day it was created. */
  backfillFrom?: string;
  /** A due window not archived this long after it became due raises `rule.behind` (default 360: 6 h). */
  behindAfterMinutes?: number;
  enabled: boolean;
};

export type Rule = Omit<
  RuleInput,
  'accounts' | 'region' | 'regions' | 'bucket' | 'buckets' | 'backfillFrom'
> & {
  id: string;
  accounts: string[] | '*';
  /** The Regions named (empty: each account's first Region). */
  regions: string[];
  /** The first Region it works in (the simple one-Region rule's only one). */
  region: string;
  /** The bucket of `region` (and of any Region `buckets` does not name). */
  bucket: string;
  buckets: Record<string, string>;
  backfillFrom: string;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  updatedBy: string;
};

/** A window of time: `start` inclusive, `end` exclusive (epoch ms). AWS's `to` for it is `end - 1`. */
export type Window = { start: number; end: number };

/** What the rules page shows beside each rule. */
export type RuleStats = {
  /** Log groups the rule matched at the last scheduler tick. */
  groups: number;
  /** Archived share of the due windows within retention, 0..100; null before anything is due. */
  coveragePct: number | null;
  queued: number;
  running: number;
  failed: number;
  lastArchivedAt: number | null;
  /** When the next window becomes due (its end plus the settle delay). */
  nextDueAt: number | null;
  /** When the scheduler last looked at this rule (null: not yet). */
  lastTickAt: number | null;
};

export type RuleView = { rule: Rule; stats: RuleStats };
