import 'server-only';
import { reportAwsError } from '@/lib/aws/errors';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function json(value: unknown, status = 200): Response {
  return Response.json(value, { status, headers: NO_STORE });
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
