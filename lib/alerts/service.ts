import 'server-only';
import { randomUUID } from 'node:crypto';
import { DEFAULT_ACCOUNT } from '@/lib/accounts/types';
import { type ActionResult, fail, ok } from '@/lib/action-result';
import { recordActivity } from '@/lib/audit';
import type { Caller } from '@/lib/auth/require-role';
import { sdkDefaultRegion } from '@/lib/aws/regions';
import { transaction } from '@/lib/db';
import { fieldErrorsOf } from '@/lib/export-tasks/create-schema';
import { attemptDelivery, recordAttempt } from './deliver';
import { attemptErrorKey } from './error-key';
import { webhookInputSchema } from './schema';
import { SecretKeyMissingError, sealSecret } from './secret-box';
import { getWebhookRow, listWebhookViews, recentDeliveries, redactedUrl } from './store';
import {
  type AlertFacts,
  type DeliveryView,
  TEST_EVENT,
  type WebhookFormat,
  type WebhookView,
} from './types';

/**
 * Webhooks for the API and the /settings actions. The caller's role is checked by the route or action that
 * calls these (admin for writes). The activity log names a webhook by its origin only (viewers read the log,
 * and a webhook URL can be a credential).
 */

export const MAX_WEBHOOKS = 20;

export function isWebhookId(id: string): boolean {
  return /^[0-9a-f]{32}$/.test(id);
}

/** Operators and admins: operators see each URL's origin only, and no receiver's answer. */
export async function listWebhooks(caller: Caller): Promise<WebhookView[]> {
  return listWebhookViews(caller.role === 'admin', caller.accounts);
}

export async function webhookDeliveries(
  caller: Caller,
  id: string,
  limit = 20,
): Promise<DeliveryView[] | null> {
  if (!isWebhookId(id) || !(await getWebhookRow(id))) return null;
  return recentDeliveries(id, caller.role === 'admin', limit, caller.accounts);
}

export async function createWebhook(caller: Caller, input: unknown): Promise<ActionResult<WebhookView>> {
  const parsed = webhookInputSchema.safeParse(input);
  if (!parsed.success) return { ...fail('invalidInput'), fieldErrors: fieldErrorsOf(parsed.error) };
  const v = parsed.data;
  const id = randomUUID().replace(/-/g, '');
  let sealed: string | null = null;
  try {
    sealed = v.secret ? sealSecret(v.secret, id) : null;
  } catch (err) {
    if (err instanceof SecretKeyMissingError) return fail('webhookSecretUnavailable');
    throw err;
  }
  const now = Date.now();
  const created = await transaction(async (db) => {
    const count = await db
      .selectFrom('webhooks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_WEBHOOKS) return false;
    await db
      .insertInto('webhooks')
      .values({
        id,
        url: v.url,
        format: v.format,
        events: JSON.stringify(v.events),
        secret_sealed: sealed,
        created_at: now,
        created_by: caller.name,
      })
      .execute();
    await recordActivity(caller, {
      action: 'webhook.create',
      target: redactedUrl(v.url),
      outcome: 'ok',
      detail: { webhookId: id, format: v.format, events: v.events, signed: sealed !== null },
    });
    return true;
  });
  if (!created) return fail('webhookLimit', { max: MAX_WEBHOOKS });
  return ok({
    id,
    url: v.url,
    format: v.format,
    events: v.events,
    hasSecret: sealed !== null,
    createdAt: now,
    createdBy: caller.name,
    last: null,
  });
}

export async function deleteWebhook(caller: Caller, id: string): Promise<ActionResult<{ id: string }>> {
  if (!isWebhookId(id)) return fail('webhookNotFound');
  const deleted = await transaction(async (db) => {
    const row = await db
      .selectFrom('webhooks')
      .select(['url', 'format'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return false;
    // Its deliveries and their attempts go with it (ON DELETE CASCADE); the activity log keeps the record.
    await db.deleteFrom('webhooks').where('id', '=', id).execute();
    await recordActivity(caller, {
      action: 'webhook.delete',
      target: redactedUrl(row.url),
      outcome: 'ok',
      detail: { webhookId: id, format: row.format },
    });
    return true;
  });
  return deleted ? ok({ id }) : fail('webhookNotFound');
}

/**
 * "Send a test": one message to this webhook now, in the request (the admin waits at most 5 s for the answer),
 * recorded in its delivery log like any other; not retried.
 */
export async function sendTestMessage(caller: Caller, id: string): Promise<ActionResult<DeliveryView>> {
  const row = isWebhookId(id) ? await getWebhookRow(id) : null;
  if (!row) return fail('webhookNotFound');
  const now = Date.now();
  const facts: AlertFacts = {
    event: TEST_EVENT,
    at: now,
    rule: null,
    account: DEFAULT_ACCOUNT,
    region: await sdkDefaultRegion(),
    logGroup: '',
    window: null,
    taskId: null,
    message: `A test message from Logport, sent by ${caller.name}. Webhooks are working.`,
    path: '/settings',
  };
  const eventId = randomUUID();
  const deliveryId = randomUUID();
  await transaction(async (trx) => {
    await trx
      .insertInto('alert_events')
      .values({
        id: eventId,
        dedupe_key: `test:${eventId}`,
        event: TEST_EVENT,
        account: facts.account,
        region: facts.region,
        rule_id: null,
        payload: JSON.stringify(facts),
        created_at: now,
        resolved_at: null,
      })
      .execute();
    await trx
      .insertInto('alert_deliveries')
      .values({
        id: deliveryId,
        webhook_id: id,
        event_id: eventId,
        event: TEST_EVENT,
        // Never picked by the alerts loop: the test is sent here, once.
        state: 'failed',
        next_at: now,
        created_at: now,
      })
      .execute();
  });
  const result = await attemptDelivery(
    { id: row.id, url: row.url, format: row.format as WebhookFormat, secret_sealed: row.secret_sealed },
    deliveryId,
    facts,
  );
  await recordAttempt(deliveryId, 1, result, 'final');
  await recordActivity(caller, {
    action: 'webhook.test',
    target: redactedUrl(row.url),
    outcome: result.ok ? 'ok' : 'error',
    detail: {
      webhookId: id,
      ...(result.statusCode !== null ? { status: result.statusCode } : {}),
      durationMs: result.durationMs,
      ...(result.error ? { error: attemptErrorKey(result.error) } : {}),
      ...(result.error && result.statusCode !== null ? { errorParams: { status: result.statusCode } } : {}),
    },
  });
  const [view] = (await recentDeliveries(id, true, 20)).filter((d) => d.id === deliveryId);
  return view ? ok(view) : fail('internal');
}
