import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Scope } from '@/lib/accounts/types';
import { getDb, transaction } from '@/lib/db';
import { type AlertEvent, type AlertFacts, isAlertEvent } from './types';

/**
 * The outbox: an event is a row whose dedupe key names its cause (a job's failure, a rule's episode of being
 * behind, a window at risk, a batch). The key is unique, so the same cause raises nothing twice, whatever ran
 * twice or crashed in between. Inside a `transaction` it joins it: export.failed commits with the job's failure
 * or not at all. Each webhook that wants the event at that moment gets one delivery row; the alerts loop
 * sends them later, never in the path of the change that raised them.
 */
export async function raiseAlert(dedupeKey: string, facts: AlertFacts, now = Date.now()): Promise<boolean> {
  return transaction(async (db) => {
    const id = randomUUID();
    const inserted = await db
      .insertInto('alert_events')
      .values({
        id,
        dedupe_key: dedupeKey,
        event: facts.event,
        account: facts.account,
        region: facts.region,
        rule_id: facts.rule?.id ?? null,
        payload: JSON.stringify(facts),
        created_at: now,
        resolved_at: null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) return false;
    const hooks = await db.selectFrom('webhooks').select(['id', 'events']).execute();
    const wanting = hooks.filter((h) => wants(h.events, facts.event));
    // Sent as soon as possible by the wall clock, whatever clock the raising tick was given (tests).
    const due = Math.min(now, Date.now());
    if (wanting.length > 0)
      await db
        .insertInto('alert_deliveries')
        .values(
          wanting.map((h) => ({
            id: randomUUID(),
            webhook_id: h.id,
            event_id: id,
            event: facts.event,
            state: 'pending' as const,
            next_at: due,
            created_at: due,
          })),
        )
        .execute();
    return true;
  });
}

export function wants(events: string, event: string): boolean {
  try {
    const list = JSON.parse(events) as unknown;
    return Array.isArray(list) && list.includes(event);
  } catch {
    return false;
  }
}

/**
 * The rules with an open episode of `event` in this (account, Region): raised, not yet over. A rule runs in
 * several accounts and Regions, each of which can fall behind and catch up on its own.
 */
export async function openEpisodes(
  event: AlertEvent,
  scope: Scope,
  ruleIds: readonly string[],
): Promise<Set<string>> {
  if (ruleIds.length === 0 || !isAlertEvent(event)) return new Set();
  const db = await getDb();
  const rows = await db
    .selectFrom('alert_events')
    .select('rule_id')
    .where('event', '=', event)
    .where('rule_id', 'in', [...ruleIds])
    .where('account', '=', scope.account)
    .where('region', '=', scope.region)
    .where('resolved_at', 'is', null)
    .execute();
  return new Set(rows.flatMap((r) => (r.rule_id ? [r.rule_id] : [])));
}

/** Closes a rule's open episodes here (it caught up): the next time it falls behind is a new cause. */
export async function closeEpisodes(
  event: AlertEvent,
  scope: Scope,
  ruleIds: readonly string[],
  now = Date.now(),
): Promise<void> {
  if (ruleIds.length === 0) return;
  const db = await getDb();
  await db
    .updateTable('alert_events')
    .set({ resolved_at: now })
    .where('event', '=', event)
    .where('rule_id', 'in', [...ruleIds])
    .where('account', '=', scope.account)
    .where('region', '=', scope.region)
    .where('resolved_at', 'is', null)
    .execute();
}
