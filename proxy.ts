import { type NextRequest, NextResponse } from 'next/server';
import { ACCOUNT_COOKIE, REGION_COOKIE, SCOPE_HEADER } from '@/lib/accounts/cookies';
import { ACCOUNT_NAME } from '@/lib/accounts/types';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import type { Caller } from '@/lib/auth/caller';
import { callerFromCookies, sessionTokenFrom } from '@/lib/auth/session';
import { REGION_PATTERN } from '@/lib/export-tasks/create-schema';
import { BODY_LIMITS, refuseUnsafeRequest } from '@/lib/http/guard';
import { hstsHeader } from '@/lib/http/hsts';
import { pageStatus } from '@/lib/http/page-status';

// Pages anyone may open. API routes pass through here only when opened as a page, for HSTS (see `matcher`):
// their handlers answer 401/403 themselves (requireRole), and their CSP comes from next.config.mjs.
const PUBLIC_PAGES = ['/signin'];

/**
 * A browser loading a page as a document (not a client-side navigation or prefetch, which fetch the RSC payload
 * and show not-found or error views without caring for the status), and not a server action's POST.
 */
function isDocumentRequest(request: NextRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  return !request.headers.has('rsc') && !request.headers.has('next-router-prefetch');
}

/** HSTS is decided per request from the environment (next.config headers are fixed at build time). */
function withHsts<T extends Response>(response: T, hsts: string | null): T {
  if (hsts) response.headers.set('Strict-Transport-Security', hsts);
  return response;
}

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React and Next set a few inline style attributes (route announcer, transitions); scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const PREFERENCE_COOKIE = { path: '/', sameSite: 'lax' as const, maxAge: 365 * 24 * 3600 };

/** The account and Region a page's URL names, when they have the right shape (membership is checked later). */
function urlScope(request: NextRequest): { account: string | null; region: string | null } | null {
  const account = request.nextUrl.searchParams.get('account');
  const region = request.nextUrl.searchParams.get('region');
  const okAccount = account && ACCOUNT_NAME.test(account) ? account : null;
  const okRegion = region && REGION_PATTERN.test(region) ? region : null;
  return okAccount || okRegion ? { account: okAccount, region: okRegion } : null;
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hsts = hstsHeader();
  if (pathname.startsWith('/api/')) return withHsts(NextResponse.next(), hsts);
  // A write to a page is a server action: the same Origin rule and a body cap as route handlers, answered as
  // JSON (403, 413) before Next.js reads it. Next's own check lets a missing Origin through and answers an
  // oversized body with a 500.
  const unsafe = refuseUnsafeRequest(request, { maxBodyBytes: BODY_LIMITS.action });
  if (unsafe) return withHsts(unsafe, hsts);
  let caller: Caller | null = null;
  if (!PUBLIC_PAGES.includes(pathname)) {
    // The session must be open on the server, not just a cookie that decodes: a signed-out, ended or
    // outdated session (issue 14.3) goes to sign-in like no session at all.
    caller = await callerFromCookies(request.cookies);
    if (!caller) {
      const url = request.nextUrl.clone();
      url.pathname = '/signin';
      url.search = '';
      url.searchParams.set('callbackUrl', safeCallbackUrl(`${pathname}${search}`, request.nextUrl.origin));
      // A cookie was sent but its session is over: say so on the sign-in page.
      if (sessionTokenFrom(request.cookies)) url.searchParams.set('error', 'SessionRequired');
      return withHsts(NextResponse.redirect(url), hsts);
    }
  }

  // Signed in only: an anonymous visitor must not learn from a status which export ids exist.
  const status =
    caller && isDocumentRequest(request) ? await pageStatus(request.nextUrl, request.cookies, caller) : null;

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  // API tokens are for route handlers only (issue 13): pages and server actions are the browser's, cookie-only.
  requestHeaders.delete('authorization');
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  // `?account=&region=` in a page's URL wins (a shared link shows what its sender saw): the page reads it from
  // this header, and the cookies remember it for the next page. Both are checked where they are used.
  const chosen = urlScope(request);
  requestHeaders.delete(SCOPE_HEADER);
  if (chosen) requestHeaders.set(SCOPE_HEADER, `${chosen.account ?? ''}|${chosen.region ?? ''}`);
  // The status set here is the one the streamed page is sent with (see lib/http/page-status.ts).
  const response = NextResponse.next({
    request: { headers: requestHeaders },
    ...(status ? { status: status.status } : {}),
  });
  response.headers.set('Content-Security-Policy', csp);
  if (chosen?.account) response.cookies.set(ACCOUNT_COOKIE, chosen.account, PREFERENCE_COOKIE);
  if (chosen?.region) response.cookies.set(REGION_COOKIE, chosen.region, PREFERENCE_COOKIE);
  if (status?.retryAfterSeconds) response.headers.set('Retry-After', String(status.retryAfterSeconds));
  return withHsts(response, hsts);
}

export const config = {
  matcher: [
    '/((?!api/|_next/static|_next/image|favicon.ico|logo.svg|robots.txt).*)',
    // API routes only when a browser opens one as a page (a download link, /api/health typed in): for HSTS.
    // The calls pages make (the list every tab polls) skip the proxy: a pass costs ~1 ms, about doubling the
    // time of a cached answer, and the page that made the call already sent HSTS.
    { source: '/api/:path*', has: [{ type: 'header', key: 'sec-fetch-dest', value: 'document' }] },
  ],
};
