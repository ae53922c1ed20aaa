import 'server-only';
import { reportAwsError } from '@/lib/aws/errors';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function json(value: unknown, status = 200): Response {
  return Response.json(value, { status, headers: NO_STORE });
}

// One serialisation per shared answer: the list route hands many pollers the same page object.
const bodies = new WeakMap<object, string>();

/** JSON for a value that is shared between requests (e.g. a cached list page), serialised once. */
export function sharedJson(value: object, headers: Record<string, string> = {}): Response {
  let body = bodies.get(value);
  if (body === undefined) {
    body = JSON.stringify(value);
    bodies.set(value, body);
  }
  return new Response(body, { headers: { 'Content-Type': 'application/json', ...NO_STORE, ...headers } });
}

/** An error answer: a message key only (`errors.<code>`); the raw AWS error stays in the server log. */
export function errorJson(code: string, status: number): Response {
  return json({ error: code }, status);
}

/** AWS failures: retryable ones (throttling, unreachable, 5xx) as 503 so clients keep their data and retry. */
export function awsErrorResponse(where: string, err: unknown): Response {
  const mapped = reportAwsError(where, err);
  return errorJson(mapped.code, mapped.retryable ? 503 : 502);
}
