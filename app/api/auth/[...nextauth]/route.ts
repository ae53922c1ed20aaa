import { NextRequest } from 'next/server';
import NextAuth from 'next-auth';
import { clientAddress } from '@/lib/auth/client-address';
import { authOptions } from '@/lib/auth/options';
import { withSigninContext } from '@/lib/auth/signin-context';
import { beginAttempt, finishAttempt } from '@/lib/auth/signin-guard';
import { shortUserAgent } from '@/lib/auth/user-agent';
import { BODY_LIMITS, readBody, refuseUnsafeRequest } from '@/lib/http/guard';

// next-auth's own endpoints (sign-in, sign-out, session, CSRF): they authenticate, so they cannot require a role.
const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

function contextOf(request: Request) {
  return {
    clientAddress: clientAddress(request.headers),
    userAgent: shortUserAgent(request.headers.get('user-agent')),
  };
}

/** GET carries the OIDC return (`/callback/oidc`), which starts a session: it needs the client's address too. */
export async function GET(request: NextRequest, ctx: Context) {
  return withSigninContext(contextOf(request), () => handler(request, ctx));
}

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * 429 with Retry-After (issue 14.2): the same answer for a known and an unknown user name. `url` keeps the shape
 * of next-auth's JSON answers, for a client that only reads that.
 */
function tooManyAttempts(request: Request, retryAfterMs: number, wrongPassword: boolean): Response {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const url = new URL('/signin', request.url);
  url.searchParams.set('error', 'SignInLocked');
  url.searchParams.set('retryAfter', String(seconds));
  return Response.json(
    { error: 'signInLocked', retryAfter: seconds, wrongPassword, url: url.pathname + url.search },
    { status: 429, headers: { ...NO_STORE, 'Retry-After': String(seconds) } },
  );
}

async function passwordSignIn(
  request: NextRequest,
  body: string,
  copy: NextRequest,
  ctx: Context,
): Promise<Response> {
  const context = contextOf(request);
  const username = new URLSearchParams(body).get('username') ?? '';
  const gate = await beginAttempt(username, context.clientAddress);
  // Refused before the password is even looked at: nothing is learnt from a refused attempt.
  if (!gate.allowed) return tooManyAttempts(request, gate.retryAfterMs, false);
  const state: Parameters<typeof withSigninContext>[0] = { ...context };
  let response: Response;
  try {
    response = await withSigninContext(state, () => handler(copy, ctx));
  } catch (err) {
    await finishAttempt(gate.keys, 'error');
    throw err;
  }
  const outcome = state.outcome ?? 'error';
  const { retryAfterMs } = await finishAttempt(gate.keys, outcome);
  // The failure that starts a wait says so at once, rather than "wrong password" now and 429 next time.
  if (outcome === 'failure' && retryAfterMs > 0) return tooManyAttempts(request, retryAfterMs, true);
  return response;
}

/**
 * next-auth's posts (sign in, sign out) go through the same gate as every other write: same-origin only (no
 * login CSRF from another site) and a small body. Only form posts are passed on: next-auth parses a JSON body
 * with `req.json()`, and a malformed one would end in a 500.
 */
export async function POST(request: NextRequest, ctx: Context) {
  const unsafe = refuseUnsafeRequest(request, { maxBodyBytes: BODY_LIMITS.authForm });
  if (unsafe) return unsafe;
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded'))
    return Response.json({ error: 'invalidInput' }, { status: 400, headers: NO_STORE });
  const body = await readBody(request, BODY_LIMITS.authForm);
  if (!body.ok) return body.response;
  // The body was read (and measured) here, so next-auth gets a copy holding exactly those bytes.
  const copy = new NextRequest(request.url, { method: 'POST', headers: request.headers, body: body.value });
  const { nextauth } = await ctx.params;
  if (nextauth.join('/') === 'callback/credentials') return passwordSignIn(request, body.value, copy, ctx);
  return withSigninContext(contextOf(request), () => handler(copy, ctx));
}
