import 'server-only';
import { createHmac } from 'node:crypto';
import type { AlertFacts, AlertPayload, SentEvent, WebhookFormat } from './types';

/**
 * A message as the receiver gets it: the JSON (keys in a fixed order), or for Slack `{"text": …}` with
 * the same facts in one readable line, in English. The body is built from the outbox row alone, so every retry
 * of a delivery sends the same bytes (and the same signature).
 */

const TITLES: Record<SentEvent, string> = {
  'export.failed': 'Export failed',
  'rule.behind': 'Rule behind',
  'data.atRisk': 'Logs at risk',
  'batch.finished': 'Batch finished',
  test: 'Test message',
};

export const USER_AGENT = 'Logport-Webhook/1 (+https://github.com/logport/logport)';

export function payloadOf(facts: AlertFacts, accountId: string, origin: string): AlertPayload {
  return {
    event: facts.event,
    at: new Date(facts.at).toISOString(),
    rule: facts.rule,
    account: accountId,
    region: facts.region,
    logGroup: facts.logGroup,
    window: facts.window,
    taskId: facts.taskId,
    message: facts.message,
    url: new URL(facts.path, origin).toString(),
  };
}

/** 2026-01-05 00:00 UTC (whole minutes; seconds only when a range needs them). */
export function utcText(ms: number): string {
  const iso = new Date(ms).toISOString();
  const seconds = iso.slice(17, 19) !== '00' || iso.slice(20, 23) !== '000';
  return `${iso.slice(0, 10)} ${iso.slice(11, seconds ? 19 : 16)} UTC`;
}

// Slack reads &, < and > as markup: they are escaped, so text from a log group name cannot make a link.
const slackEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function slackText(p: AlertPayload): string {
  const parts = [
    `[Logport] ${TITLES[p.event]}`,
    p.rule ? `rule "${p.rule.name}"` : null,
    `account ${p.account} ${p.region}`,
    p.logGroup ? p.logGroup : null,
    p.window ? `${utcText(p.window.start)} to ${utcText(p.window.end)}` : null,
    p.taskId ? `task ${p.taskId}` : null,
    p.message,
  ].filter((x): x is string => x !== null && x !== '');
  return `${parts.map(slackEscape).join(' · ')} · <${p.url}|Open in Logport>`;
}

export function bodyOf(payload: AlertPayload, format: WebhookFormat): string {
  return JSON.stringify(format === 'slack' ? { text: slackText(payload) } : payload);
}

/** The GitHub convention: `sha256=` and the hex HMAC-SHA256 of the raw body. */
export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export function headersOf(input: {
  event: SentEvent;
  deliveryId: string;
  body: string;
  secret: string | null;
}): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'User-Agent': USER_AGENT,
    'X-Logport-Event': input.event,
    'X-Logport-Delivery': input.deliveryId,
    ...(input.secret ? { 'X-Logport-Signature': signatureOf(input.body, input.secret) } : {}),
  };
}
