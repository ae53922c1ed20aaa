/**
 * Every kind of change Logport records in its activity log. One list, read by the store (its type), the
 * /activity filter (its choices) and a test that each one has words in every language.
 * Plain data, no server code: the activity page's filter imports it too.
 */
export const ACTIVITY_ACTIONS = [
  'export.launch',
  'export.cancel',
  'queue.enqueue',
  'queue.cancel',
  'queue.cancelBatch',
  'queue.retry',
  'queue.pause',
  'queue.resume',
  'policy.apply',
  'settings.change',
  'rule.create',
  'rule.update',
  'rule.delete',
  'rule.enable',
  'rule.disable',
  'rule.run',
  'coverage.fill',
  'auth.locked',
  'session.end',
  'webhook.create',
  'webhook.delete',
  'webhook.test',
  'token.create',
  'token.revoke',
] as const;

export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

export function isActivityAction(value: unknown): value is ActivityAction {
  return typeof value === 'string' && (ACTIVITY_ACTIONS as readonly string[]).includes(value);
}

/** Message key for an action under `activity.actions` (next-intl keys cannot contain dots). */
export function actionKey(action: string): string {
  return action.replace('.', '_');
}
