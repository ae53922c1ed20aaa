import { COVERAGE_STATES, type CoverageState } from '@/lib/coverage/types';
import { RULE_ID } from '@/lib/rules/id';
import { addDays, startOfDay } from '@/lib/time-range/zone';

/**
 * What /coverage shows, kept in the URL so a view can be shared and reloaded: the rule, a state, a name text
 * and the range (the last 30 or 90 days, the last 2 days by the hour, or dates of one's own).
 */
export const RANGES = ['30d', '90d', '48h', 'custom'] as const;
export type RangePreset = (typeof RANGES)[number];

export type CoverageView = {
  rule: string | null;
  state: CoverageState | null;
  q: string;
  range: RangePreset;
  /** YYYY-MM-DD, the viewer's days (custom range only). */
  from: string;
  to: string;
};

export const DEFAULT_VIEW: CoverageView = { rule: null, state: null, q: '', range: '30d', from: '', to: '' };

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** A custom range this short is shown by the hour. */
const HOURS_UP_TO_DAYS = 3;
/** As lib/coverage/query.ts accepts. */
const MAX_DAYS = 400;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function get(params: Params, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const v = params[name];
  return Array.isArray(v) ? v[0] : v;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function civil(text: string): { year: number; month: number; day: number } | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (year < 1970 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function parseView(params: Params): CoverageView {
  const rule = get(params, 'rule');
  const state = get(params, 'state');
  const range = get(params, 'range');
  return {
    rule: rule && RULE_ID.test(rule) ? rule : null,
    state: (COVERAGE_STATES as readonly string[]).includes(state ?? '') ? (state as CoverageState) : null,
    q: (get(params, 'q') ?? '').slice(0, 200),
    range: (RANGES as readonly string[]).includes(range ?? '') ? (range as RangePreset) : '30d',
    from: civil(get(params, 'from') ?? '') ? (get(params, 'from') as string) : '',
    to: civil(get(params, 'to') ?? '') ? (get(params, 'to') as string) : '',
  };
}

export function viewToSearch(v: CoverageView): string {
  const p = new URLSearchParams();
  if (v.rule) p.set('rule', v.rule);
  if (v.state) p.set('state', v.state);
  if (v.q) p.set('q', v.q);
  if (v.range !== '30d') p.set('range', v.range);
  if (v.range === 'custom') {
    if (v.from) p.set('from', v.from);
    if (v.to) p.set('to', v.to);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export type RangeProblem = 'customMissing' | 'customOrder' | 'customTooLong';

export type ResolvedRange =
  | { ok: true; unit: 'day' | 'hour'; from?: number; to?: number }
  | { ok: false; problem: RangeProblem };

/**
 * The range as the overview API takes it. The presets leave `to` open (the server's now), so every poll
 * moves with the clock; `from` of the 90-day view is rounded to the hour so the query's key stays put.
 */
export function resolveRange(v: CoverageView, now: number, timeZone: string): ResolvedRange {
  if (v.range === '30d') return { ok: true, unit: 'day' };
  if (v.range === '48h') return { ok: true, unit: 'hour' };
  if (v.range === '90d') return { ok: true, unit: 'day', from: Math.floor((now - 90 * DAY) / HOUR) * HOUR };
  const from = civil(v.from);
  const to = civil(v.to);
  if (!from || !to) return { ok: false, problem: 'customMissing' };
  const start = startOfDay(from, timeZone);
  const end = startOfDay(addDays(to, 1), timeZone);
  if (end <= start) return { ok: false, problem: 'customOrder' };
  if (end - start > MAX_DAYS * DAY) return { ok: false, problem: 'customTooLong' };
  return {
    ok: true,
    unit: end - start <= HOURS_UP_TO_DAYS * DAY + HOUR ? 'hour' : 'day',
    from: start,
    to: end - 1,
  };
}

/** The overview API's query string for a view, in the page's account and Region (a tab keeps its own). */
export function apiSearch(
  scope: { account: string; region: string },
  v: CoverageView,
  range: ResolvedRange & { ok: true },
): string {
  const p = new URLSearchParams({ account: scope.account, region: scope.region, unit: range.unit });
  if (range.from !== undefined) p.set('from', String(range.from));
  if (range.to !== undefined) p.set('to', String(range.to));
  if (v.rule) p.set('rule', v.rule);
  if (v.state) p.set('state', v.state);
  if (v.q.trim()) p.set('q', v.q.trim());
  return p.toString();
}
