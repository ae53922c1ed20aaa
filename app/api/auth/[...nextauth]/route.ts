import { NextRequest } from 'next/server';
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { BODY_LIMITS, readBody, refuseUnsafeRequest } from '@/lib/http/guard';

// next-auth's own endpoints (sign-in, sign-out, session, CSRF): they authenticate, so they cannot require a role.
const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

export { handler as GET };

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
    return Response.json(
      { error: 'invalidInput' },
      { status: 400, headers: { 'Cache-Control': 'no-store' } },
    );
  const body = await readBody(request, BODY_LIMITS.authForm);
  if (!body.ok) return body.response;
  // The body was read (and measured) here, so next-auth gets a copy holding exactly those bytes.
  const copy = new NextRequest(request.url, { method: 'POST', headers: request.headers, body: body.value });
  return handler(copy, ctx);
}
