/**
 * Alerts (issue 13): what Logport tells a team's webhooks, and how the console shows them. Plain data, no server
 * code: the settings form and the delivery log import it too.
 */

export const ALERT_EVENTS = ['export.failed', 'rule.behind', 'data.atRisk', 'batch.finished'] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];
/** "Send a test" posts this one; a webhook cannot subscribe to it. */
export const TEST_EVENT = 'test';
export type SentEvent = AlertEvent | typeof TEST_EVENT;

export const WEBHOOK_FORMATS = ['json', 'slack'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export function isAlertEvent(value: unknown): value is AlertEvent {
  return typeof value === 'string' && (ALERT_EVENTS as readonly string[]).includes(value);
}

/**
 * An event's facts as the outbox keeps them. The account is Logport's name for it (the 12-digit id is looked up
 * when the message is sent) and `path` is the page in Logport (the public origin is added when sent).
 */
export type AlertFacts = {
  event: SentEvent;
  at: number;
  rule: { id: string; name: string } | null;
  account: string;
  region: string;
  logGroup: string;
  window: { start: number; end: number } | null;
  taskId: string | null;
  message: string;
  path: string;
};

/** The JSON body of a message in the `json` format (the contract; keys in this order). */
export type AlertPayload = {
  event: SentEvent;
  at: string;
  rule: { id: string; name: string } | null;
  account: string;
  region: string;
  logGroup: string;
  window: { start: number; end: number } | null;
  taskId: string | null;
  message: string;
  url: string;
};

export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** The last delivery attempt as everyone allowed to see the log sees it (no answer body). */
export type DeliveryView = {
  id: string;
  event: SentEvent;
  state: DeliveryState;
  createdAt: number;
  lastAt: number | null;
  nextAt: number | null;
  attempts: number;
  statusCode: number | null;
  /** A code (timeout, redirectRefused, httpStatus, connectionFailed, …), never a stack or a host's words. */
  error: string | null;
  durationMs: number | null;
  /** The receiver's answer, at most 4 KB: admins only (absent for operators). */
  responseBody?: string | null;
  message: string;
};

/** A webhook as the API and the pages show it: never its secret. */
export type WebhookView = {
  id: string;
  /** The whole URL for admins; for operators only its origin (a Slack URL is itself a credential). */
  url: string;
  format: WebhookFormat;
  events: AlertEvent[];
  hasSecret: boolean;
  createdAt: number;
  createdBy: string;
  last: DeliveryView | null;
};
