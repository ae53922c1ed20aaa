/** Coverage: what is archived of each log group, window by window. Plain JSON for the API and the browser. */

export const COVERAGE_STATES = [
  'archived',
  'queued',
  'running',
  'failed',
  'gap',
  'not-due',
  'expired',
] as const;
export type CoverageState = (typeof COVERAGE_STATES)[number];

/**
 * A run of consecutive windows in one state. In the API `end` is inclusive (like AWS's `to` and the rest of
 * Logport); inside lib/ windows are [start, end).
 */
export type Segment = { start: number; end: number; state: CoverageState; taskId?: string };

/** GET /api/coverage?logGroup&from&to&region */
export type GroupCoverage = { logGroup: string; segments: Segment[] };

/** One row of /coverage: one log group as one rule archives it (its windows, its bucket). */
export type CoverageRow = {
  logGroup: string;
  ruleId: string;
  ruleName: string;
  /** The rule's window length (a row of hourly windows aggregates them per day when the view is in days). */
  every: 'hour' | 'day' | 'week';
  /** The rule's IANA zone: its windows start at local midnight / on the local hour (the page picks windows). */
  timeZone: string;
  /** null: never expires. */
  retentionDays: number | null;
  /** Archived share of the due windows within retention in the range shown, 0..100 (null: none due). */
  percent: number | null;
  /** Gap windows whose data retention deletes within 3 days. */
  atRisk: number;
  segments: Segment[];
};

export type Capacity = {
  /** Hours of export time per day the enabled rules need, from recent export durations. */
  neededHoursPerDay: number;
  /** The account allows one active export at a time: 24 hours a day. */
  availableHoursPerDay: number;
  /** needed / available, 0..1+ ; a warning above 0.8. */
  utilisation: number;
  /** Exports measured to estimate it (0: a default duration was assumed). */
  sampled: number;
};

export type CoverageOverview = {
  region: string;
  from: number;
  to: number;
  /** The window unit of the timeline: days, or hours when zoomed in. */
  unit: 'day' | 'hour';
  rows: CoverageRow[];
  totals: { percent: number | null; atRisk: number; gaps: number; failed: number; groups: number };
  capacity: Capacity;
};
