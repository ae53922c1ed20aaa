import 'server-only';
import { parseAuthorization } from '@/lib/auth/tokens-format';
import { isSameOrigin } from './origin';

/**
 * The one gate in front of every route handler that is not a plain GET (issue 14 point 7). It runs before
 * anything else in the handler, even before requireRole, and refuses:
 *  - a request whose `Origin` is not this site (403 `crossOrigin`): the session cookie is sent by the browser
 *    whatever page made the request, so without this any site could make a signed-in user's browser POST here;
 *  - a body larger than the handler's limit (413 `payloadTooLarge`), from its Content-Length; `readJsonBody` and
 *    `readBody` stop reading at the same limit when the length is not announced (chunked uploads).
 *
 * Tokens (issue 13): a request to a route handler with `Authorization: Bearer …` is exempt from the Origin rule:
 * requireRole authenticates it by its token only, never by a cookie that came along (see lib/auth/
 * tokens-request.ts), so it carries no ambient credential another site could borrow (and a browser cannot add
 * that header to a cross-site request without a CORS preflight, which Logport never grants). The body cap
 * still applies. Not exempt: next-auth's own posts (a form with a CSRF token; a token signs nobody in) and
 * writes to pages (server actions, the browser's: the proxy drops the header there, so they stay cookie-only).
 */

export const BODY_LIMITS = {
  /** JSON inputs of the app's own forms (preflight: a bucket, a prefix and up to 50 log group names). */
  json: 64 * 1024,
  /** next-auth's form posts: user name, password, CSRF token and callback URL. */
  authForm: 16 * 1024,
  /**
   * Server actions (checked in proxy.ts before Next.js reads them; next.config.mjs sets Next's own limit to the
   * same value for bodies without Content-Length). The largest is a bucket policy apply: the policy and the
   * one it was based on, at most 64 KB each before JSON escaping.
   */
  action: 256 * 1024,
} as const;

const NO_STORE = { 'Cache-Control': 'no-store' };

function refusal(error: string, status: number, params?: Record<string, number>): Response {
  return Response.json(params ? { error, params } : { error }, { status, headers: NO_STORE });
}

function tooLarge(maxBodyBytes: number): Response {
  return refusal('payloadTooLarge', 413, { maxKb: Math.floor(maxBodyBytes / 1024) });
}

/** A plain read: nothing changes, the browser's same-origin policy keeps the answer from other sites. */
function isPlainRead(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

/** A route handler's request that carries an API token (and so is authenticated by it alone). */
function isTokenRequest(request: Request): boolean {
  if (parseAuthorization(request.headers.get('authorization')).kind !== 'bearer') return false;
  let pathname: string;
  try {
    pathname = new URL(request.url).pathname;
  } catch {
    return false;
  }
  return pathname.startsWith('/api/') && !pathname.startsWith('/api/auth/');
}

/** Null when the request may go on; otherwise the refusal to return as is. */
export function refuseUnsafeRequest(request: Request, limits: { maxBodyBytes: number }): Response | null {
  if (isPlainRead(request.method)) return null;
  if (!isTokenRequest(request) && !isSameOrigin(request.headers.get('origin'), request.headers))
    return refusal('crossOrigin', 403);
  const length = request.headers.get('content-length');
  if (length !== null) {
    const bytes = Number(length);
    if (!Number.isSafeInteger(bytes) || bytes < 0) return refusal('invalidInput', 400);
    if (bytes > limits.maxBodyBytes) return tooLarge(limits.maxBodyBytes);
  }
  return null;
}

type BodyResult<T> = { ok: true; value: T } | { ok: false; response: Response };

/** The body as text, reading at most `maxBodyBytes` (a longer body is refused with 413, not buffered). */
export async function readBody(request: Request, maxBodyBytes: number): Promise<BodyResult<string>> {
  if (!request.body) return { ok: true, value: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch {
      return { ok: false, response: refusal('invalidInput', 400) };
    }
    if (step.done) break;
    total += step.value.byteLength;
    if (total > maxBodyBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, response: tooLarge(maxBodyBytes) };
    }
    chunks.push(step.value);
  }
  return { ok: true, value: Buffer.concat(chunks).toString('utf8') };
}

/** The body parsed as JSON; 413 over the limit, 400 `invalidInput` when it is not JSON. */
export async function readJsonBody(request: Request, maxBodyBytes: number): Promise<BodyResult<unknown>> {
  const body = await readBody(request, maxBodyBytes);
  if (!body.ok) return body;
  try {
    return { ok: true, value: JSON.parse(body.value) as unknown };
  } catch {
    return { ok: false, response: refusal('invalidInput', 400) };
  }
}
