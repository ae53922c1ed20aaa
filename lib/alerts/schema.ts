// zod/mini: the settings form ships this schema to the browser.
import * as z from 'zod/mini';
import { hasForbiddenChars } from '@/lib/text/free-text';
import { ALERT_EVENTS, type AlertEvent, WEBHOOK_FORMATS } from './types';

/**
 * The ONE schema for a webhook: the /settings form checks with it as the admin types, the server action and
 * POST /api/alerts/webhooks check again with it. Messages are message keys (`alerts.errors.*`).
 */
export const A = {
  urlRequired: 'alerts.errors.urlRequired',
  urlInvalid: 'alerts.errors.urlInvalid',
  urlScheme: 'alerts.errors.urlScheme',
  urlCredentials: 'alerts.errors.urlCredentials',
  urlTooLong: 'alerts.errors.urlTooLong',
  formatInvalid: 'alerts.errors.formatInvalid',
  secretTooShort: 'alerts.errors.secretTooShort',
  secretTooLong: 'alerts.errors.secretTooLong',
  secretControlChars: 'alerts.errors.secretControlChars',
  eventsInvalid: 'alerts.errors.eventsInvalid',
} as const;

export const MAX_URL_LENGTH = 2000;
export const MIN_SECRET_LENGTH = 16;
export const MAX_SECRET_LENGTH = 256;

function parsedUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** http or https only: any other scheme (file:, ftp:, javascript:, gopher:) could reach what a POST must not. */
export function urlProblem(value: string): string | null {
  if (value === '') return A.urlRequired;
  if (value.length > MAX_URL_LENGTH) return A.urlTooLong;
  if (hasForbiddenChars(value) || /\s/.test(value)) return A.urlInvalid;
  const url = parsedUrl(value);
  if (!url) return A.urlInvalid;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return A.urlScheme;
  if (url.username !== '' || url.password !== '') return A.urlCredentials;
  if (url.hostname === '') return A.urlInvalid;
  return null;
}

export const webhookInputSchema = z.strictObject({
  url: z.string({ error: A.urlRequired }).check(
    z.trim(),
    z.superRefine((value: string, ctx) => {
      const problem = urlProblem(value);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: value });
    }),
  ),
  format: z._default(z.enum(WEBHOOK_FORMATS, { error: A.formatInvalid }), 'json'),
  // Empty means none: the form always sends the field.
  secret: z.optional(
    z.string({ error: A.secretTooShort }).check(
      z.superRefine((value: string, ctx) => {
        if (value === '') return;
        const problem =
          value.length < MIN_SECRET_LENGTH
            ? A.secretTooShort
            : value.length > MAX_SECRET_LENGTH
              ? A.secretTooLong
              : hasForbiddenChars(value)
                ? A.secretControlChars
                : null;
        if (problem) ctx.issues.push({ code: 'custom', message: problem, input: value });
      }),
    ),
  ),
  events: z._default(
    z.pipe(
      z
        .array(z.enum(ALERT_EVENTS, { error: A.eventsInvalid }), { error: A.eventsInvalid })
        .check(
          z.minLength(1, { error: A.eventsInvalid }),
          z.maxLength(ALERT_EVENTS.length * 2, { error: A.eventsInvalid }),
        ),
      // In the one order the pages list them, each once.
      z.transform((events: AlertEvent[]) => ALERT_EVENTS.filter((e) => events.includes(e))),
    ),
    [...ALERT_EVENTS],
  ),
});

export type WebhookFormValues = z.input<typeof webhookInputSchema>;
export type WebhookInput = z.output<typeof webhookInputSchema>;
