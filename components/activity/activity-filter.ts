import { z } from 'zod';
import { hasForbiddenChars } from '@/lib/text/free-text';

/** The activity page's filters, read from the URL (so a filtered view can be shared and reloaded). */
export const ACTIVITY_ACTIONS = [
  'export.launch',
  'export.cancel',
  'queue.enqueue',
  'queue.cancel',
  'queue.retry',
  'queue.pause',
  'queue.resume',
  'policy.apply',
  'settings.change',
] as const;
export type ActivityActionName = (typeof ACTIVITY_ACTIONS)[number];

export const ACTIVITY_PAGE_SIZE = 50;

// A filter with a control character or a bidi mark is not applied (and the form says so, see `refused`).
const text = z
  .string()
  .trim()
  .max(200)
  .refine((v) => !hasForbiddenChars(v))
  .optional()
  .catch(undefined);
const filterSchema = z.object({
  actor: text,
  action: z.enum(ACTIVITY_ACTIONS).optional().catch(undefined),
  outcome: z.enum(['ok', 'error']).optional().catch(undefined),
  q: text,
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export type ActivityView = z.infer<typeof filterSchema> & {
  /** Text filters dropped because they held control characters or bidi marks: the form tells the user. */
  refused?: Array<'actor' | 'q'>;
};

export function parseActivityView(params: Record<string, string | string[] | undefined>): ActivityView {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const view = filterSchema.parse({
    actor: first(params.actor),
    action: first(params.action),
    outcome: first(params.outcome),
    q: first(params.q),
    before: first(params.before),
  });
  const refused = (['actor', 'q'] as const).filter((key) => {
    const value = first(params[key]);
    return typeof value === 'string' && hasForbiddenChars(value);
  });
  return {
    ...(refused.length > 0 ? { refused } : {}),
    ...(view.actor ? { actor: view.actor } : {}),
    ...(view.action ? { action: view.action } : {}),
    ...(view.outcome ? { outcome: view.outcome } : {}),
    ...(view.q ? { q: view.q } : {}),
    ...(view.before ? { before: view.before } : {}),
  };
}

/** The address of a view; `before` is dropped unless given, so a filter change starts at the newest. */
export function activityHref(view: ActivityView): string {
  const params = new URLSearchParams();
  for (const key of ['actor', 'action', 'outcome', 'q', 'before'] as const) {
    const value = view[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/activity?${query}` : '/activity';
}

/** Message key for an action (next-intl keys cannot contain dots). */
export function actionKey(action: string): string {
  return action.replace('.', '_');
}
