import { type NextRequest, NextResponse } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { safeCallbackUrl } from '@/lib/auth/callback-url';

// Pages anyone may open. API routes never reach the proxy (see `matcher`): their handlers answer 401/403
// themselves (requireRole), and their static headers, CSP included, come from next.config.mjs.
const PUBLIC_PAGES = ['/signin'];

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

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PAGES.includes(pathname)) {
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
    if (!token) {
      const url = request.nextUrl.clone();
      url.pathname = '/signin';
      url.search = '';
      url.searchParams.set('callbackUrl', safeCallbackUrl(`${pathname}${search}`, request.nextUrl.origin));
      return NextResponse.redirect(url);
    }
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Not API routes: the list that every open tab polls should not pay for a proxy pass.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|logo.svg|robots.txt).*)'],
};
