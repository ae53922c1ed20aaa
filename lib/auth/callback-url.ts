/**
 * Where a user may be sent after signing in (no open redirect). Runs in the browser (sign-in form) and on the
 * server (sign-in page, proxy, next-auth's redirect callback), so it only uses the WHATWG URL parser: the same
 * parser the browser will use on the value, which is the point. A check written with string tests (`starts
 * with /`, `not //`) loses against the parser's repairs: it drops tabs and newlines anywhere (`/%09/evil.com`
 * becomes `//evil.com`), reads `\` as `/`, folds full-width and ideographic dots in host names, and collapses
 * `/.//x` into `//x`.
 */

export const DEFAULT_LANDING = '/exports';

/** Callback values longer than this are refused outright (nothing legitimate is that long). */
const MAX_LENGTH = 2048;

// C0 controls (tab, CR, LF, NUL, ESC…), DEL and C1 controls. Browsers drop tab/CR/LF inside URLs and strip
// leading/trailing C0 and spaces; removing them all first means the value checked is the value followed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * `value` resolved against `origin`, only when the result is on that same origin (scheme, host and port),
 * has no user info, and its path cannot be read as another host when used relative (`//host`). Never throws.
 */
export function sameOriginUrl(value: unknown, origin: string): URL | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(value.replace(CONTROL_CHARS, '').trim(), base.origin);
  } catch {
    return null;
  }
  if (base.origin === 'null' || url.origin !== base.origin) return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.pathname.startsWith('//')) return null;
  return url;
}

/**
 * The post-sign-in destination as a same-site path (`/queue?x=1`), or `/exports`. Sign-in pages and API routes
 * are never a destination. The answer is re-serialized by the URL parser: percent-encoded ASCII, so it is safe
 * in a Location header (a raw newline or non-ASCII character there made the redirect fail with a 500).
 */
export function safeCallbackUrl(value: unknown, origin: string): string {
  const url = sameOriginUrl(value, origin);
  if (!url) return DEFAULT_LANDING;
  const path = url.pathname;
  if (path === '/signin' || path.startsWith('/signin/') || path === '/api' || path.startsWith('/api/'))
    return DEFAULT_LANDING;
  return `${path}${url.search}${url.hash}`;
}
