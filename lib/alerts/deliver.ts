import 'server-only';
import { getAccount } from '@/lib/accounts/registry';
import { getIdentity } from '@/lib/aws/identity';
import { getDb } from '@/lib/db';
import { configuredOrigin } from '@/lib/http/origin';
import { bodyOf, headersOf, payloadOf } from './message';
import { openSecret } from './secret-box';
import { type AttemptResult, MAX_ANSWER_BYTES, postOnce } from './send';
import type { AlertFacts, WebhookFormat } from './types';

/**
 * One attempt of one delivery: the message built from the outbox row (same bytes on every retry), signed with
 * the webhook's secret when it has one, posted once (lib/alerts/send.ts).
 */

/** The 12-digit id of a Logport account: the accounts file says it; `default` asks STS (cached 15 s). */
export async function accountIdOf(account: string, region: string): Promise<string | null> {
  const configured = await getAccount(account);
  if (configured?.id) return configured.id;
  const identity = await getIdentity({ account, region: region.split(',')[0]?.trim() || 'us-east-1' });
  return identity.account;
}

/** Links in messages point at Logport's public URL (NEXTAUTH_URL); without it, at this machine. */
export function publicOrigin(): string {
  return configuredOrigin() ?? `http://localhost:${process.env.PORT ?? '3000'}`;
}

export type Target = { id: string; url: string; format: WebhookFormat; secret_sealed: string | null };

export async function attemptDelivery(
  target: Target,
  deliveryId: string,
  facts: AlertFacts,
  { timeoutMs }: { timeoutMs?: number } = {},
): Promise<AttemptResult> {
  const failed = (error: AttemptResult['error']): AttemptResult => ({
    ok: false,
    statusCode: null,
    error,
    durationMs: 0,
    answer: null,
  });
  let secret: string | null = null;
  if (target.secret_sealed !== null) {
    secret = openSecret(target.secret_sealed, target.id);
    // Never send unsigned what the receiver expects signed (NEXTAUTH_SECRET changed: add the webhook again).
    if (secret === null) return failed('secretUnreadable');
  }
  const accountId = await accountIdOf(facts.account, facts.region);
  if (!accountId) return failed('accountUnknown');
  const body = bodyOf(payloadOf(facts, accountId, publicOrigin()), target.format);
  return postOnce(target.url, body, headersOf({ event: facts.event, deliveryId, body, secret }), {
    timeoutMs,
  });
}

/** Writes an attempt's outcome: the attempt's row and the delivery's state, next try or final. */
export async function recordAttempt(
  deliveryId: string,
  attempt: number,
  result: AttemptResult,
  next: { at: number } | 'final',
  now = Date.now(),
): Promise<void> {
  const db = await getDb();
  await db
    .insertInto('alert_attempts')
    .values({
      delivery_id: deliveryId,
      attempt,
      attempted_at: now,
      status_code: result.statusCode,
      error: result.error,
      duration_ms: result.durationMs,
    })
    .onConflict((oc) => oc.columns(['delivery_id', 'attempt']).doNothing())
    .execute();
  await db
    .updateTable('alert_deliveries')
    .set({
      state: result.ok ? 'delivered' : next === 'final' ? 'failed' : 'pending',
      attempts: attempt,
      next_at: result.ok || next === 'final' ? now : next.at,
      last_at: now,
      status_code: result.statusCode,
      error: result.error,
      duration_ms: result.durationMs,
      response_body: result.answer === null ? null : result.answer.slice(0, MAX_ANSWER_BYTES),
    })
    .where('id', '=', deliveryId)
    .execute();
}
