import 'server-only';
import type { Selectable } from 'kysely';
import type { AccountAccess } from '@/lib/accounts/types';
import { getDb } from '@/lib/db';
import type { AlertDeliveryTable, WebhookTable } from '@/lib/db/tables';
import {
  ALERT_EVENTS,
  type AlertEvent,
  type AlertFacts,
  type DeliveryView,
  isAlertEvent,
  type SentEvent,
  type WebhookFormat,
  type WebhookView,
} from './types';

/** Webhooks and their delivery log as rows. Nothing here ever returns a secret, sealed or not. */

export type WebhookRow = Selectable<WebhookTable>;

export function eventsOf(row: Pick<WebhookRow, 'events'>): AlertEvent[] {
  try {
    const list = JSON.parse(row.events) as unknown;
    return Array.isArray(list) ? ALERT_EVENTS.filter((e) => list.includes(e)) : [];
  } catch {
    return [];
  }
}

/**
 * What an operator may see of a URL: its origin. A Slack or Teams webhook URL is itself a credential (whoever
 * has it can post to the channel), so only admins, who set it, see it whole.
 */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname === '/' && !u.search ? u.origin : `${u.origin}/…`;
  } catch {
    return '…';
  }
}

type DeliveryRow = Selectable<AlertDeliveryTable> & { payload?: string | null };

function messageOf(payload: string | null | undefined): string {
  if (!payload) return '';
  try {
    return (JSON.parse(payload) as AlertFacts).message ?? '';
  } catch {
    return '';
  }
}

export function deliveryView(row: DeliveryRow, admin: boolean): DeliveryView {
  const view: DeliveryView = {
    id: row.id,
    event: (isAlertEvent(row.event) ? row.event : 'test') as SentEvent,
    state: row.state,
    createdAt: row.created_at,
    lastAt: row.last_at,
    nextAt: row.state === 'pending' ? row.next_at : null,
    attempts: row.attempts,
    statusCode: row.status_code,
    error: row.error,
    durationMs: row.duration_ms,
    message: messageOf(row.payload),
  };
  if (admin) view.responseBody = row.response_body;
  return view;
}

export async function getWebhookRow(id: string): Promise<WebhookRow | null> {
  const db = await getDb();
  return (await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/**
 * Every webhook with its last delivery; `admin` decides the URL's form and whether answers are included, `access`
 * which accounts' messages the caller may read (a caller limited to some accounts sees only theirs, and tests).
 */
export async function listWebhookViews(admin: boolean, access?: AccountAccess): Promise<WebhookView[]> {
  const db = await getDb();
  const rows = await db.selectFrom('webhooks').selectAll().orderBy('created_at').execute();
  const out: WebhookView[] = [];
  for (const row of rows) {
    const [last] = await recentDeliveries(row.id, admin, 1, access);
    out.push({
      id: row.id,
      url: admin ? row.url : redactedUrl(row.url),
      format: row.format as WebhookFormat,
      events: eventsOf(row),
      hasSecret: row.secret_sealed !== null,
      createdAt: row.created_at,
      createdBy: row.created_by,
      last: last ?? null,
    });
  }
  return out;
}

/** A webhook's latest deliveries, newest first. */
export async function recentDeliveries(
  webhookId: string,
  admin: boolean,
  limit = 20,
  access?: AccountAccess,
): Promise<DeliveryView[]> {
  const db = await getDb();
  let q = db
    .selectFrom('alert_deliveries as d')
    .innerJoin('alert_events as e', 'e.id', 'd.event_id')
    .selectAll('d')
    .select('e.payload')
    .where('d.webhook_id', '=', webhookId);
  if (access !== undefined && access !== '*') {
    const names = [...access];
    q = q.where((eb) =>
      eb.or([eb('e.event', '=', 'test'), ...(names.length > 0 ? [eb('e.account', 'in', names)] : [])]),
    );
  }
  const rows = await q.orderBy('d.created_at', 'desc').orderBy('d.id').limit(limit).execute();
  return rows.map((r) => deliveryView(r, admin));
}
