import { z } from 'zod';
import { ACTIVITY_ACTIONS } from '@/lib/audit/actions';
import { hasForbiddenChars } from '@/lib/text/free-text';
import { addDays, startOfDay } from '@/lib/time-range/zone';

export type { ActivityAction as ActivityActionName } from '@/lib/audit/actions';
export { ACTIVITY_ACTIONS, actionKey } from '@/lib/audit/actions';

export const ACTIVITY_PAGE_SIZE = 50;

// A filter with a control character or a bidi mark is not applied (and the form says so, see `refused`).
const text = z
  .string()
  .trim()
  .max(200)
  .refine((v) => !hasForbiddenChars(v))
  .optional()
  .catch(undefined);
// A calendar day as `<input type="date">` sends it; a day that does not exist (2025-02-30) is dropped.
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => parseDay(v) !== null)
  .optional()
  .catch(undefined);
const filterSchema = z.object({
  actor: text,
  action: z.enum(ACTIVITY_ACTIONS).optional().catch(undefined),
  outcome: z.enum(['ok', 'error']).optional().catch(undefined),
  q: text,
  from: date,
  to: date,
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export type ActivityView = z.infer<typeof filterSchema> & {
  /** Text filters dropped because they held control characters or bidi marks: the form tells the user. */
  refused?: Array<'actor' | 'q' | 'dates'>;
};

type Day = { year: number; month: number; day: number };

function parseDay(value: string): Day | null {
  const [year = 0, month = 0, day = 0] = value.split('-').map(Number);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/**
 * The view's dates as moments in the viewer's zone: from the start of the `from` day to the end of the `to`
 * day (both days included), for lib/audit's `since`/`until`.
 */
export function dateBounds(view: ActivityView, timeZone: string): { since?: number; until?: number } {
  const from = view.from ? parseDay(view.from) : null;
  const to = view.to ? parseDay(view.to) : null;
  return {
    ...(from ? { since: startOfDay(from, timeZone) } : {}),
    ...(to ? { until: startOfDay(addDays(to, 1), timeZone) } : {}),
  };
}

export function parseActivityView(params: Record<string, string | string[] | undefined>): ActivityView {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const view = filterSchema.parse({
    actor: first(params.actor),
    action: first(params.action),
    outcome: first(params.outcome),
    q: first(params.q),
    from: first(params.from),
    to: first(params.to),
    before: first(params.before),
  });
  // An end before the start matches nothing: neither date is applied, and the form says why.
  const reversed = Boolean(view.from && view.to && view.to < view.from);
  const refused: NonNullable<ActivityView['refused']> = (['actor', 'q'] as const).filter((key) => {
    const value = first(params[key]);
    return typeof value === 'string' && hasForbiddenChars(value);
  });
  if (reversed) refused.push('dates');
  return {
    ...(refused.length > 0 ? { refused } : {}),
    ...(view.actor ? { actor: view.actor } : {}),
    ...(view.action ? { action: view.action } : {}),
    ...(view.outcome ? { outcome: view.outcome } : {}),
    ...(view.q ? { q: view.q } : {}),
    ...(view.from && !reversed ? { from: view.from } : {}),
    ...(view.to && !reversed ? { to: view.to } : {}),
    ...(view.before ? { before: view.before } : {}),
  };
}

const FILTER_KEYS = ['actor', 'action', 'outcome', 'q', 'from', 'to'] as const;

function query(view: ActivityView, keys: readonly (keyof ActivityView)[]): string {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = view[key];
    if (value !== undefined && value !== '' && !Array.isArray(value)) params.set(key, String(value));
  }
  return params.toString();
}

/** The address of a view; `before` is dropped unless given, so a filter change starts at the newest. */
export function activityHref(view: ActivityView): string {
  const q = query(view, [...FILTER_KEYS, 'before']);
  return q ? `/activity?${q}` : '/activity';
}

/** The CSV download of what the view's filters show (every page of it, not just the one on screen). */
export function activityCsvHref(view: ActivityView): string {
  const q = query(view, FILTER_KEYS);
  return q ? `/api/activity/csv?${q}` : '/api/activity/csv';
}

export function isFiltered(view: ActivityView): boolean {
  return FILTER_KEYS.some((key) => view[key] !== undefined);
}
