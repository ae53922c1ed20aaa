import 'server-only';

type HeaderReader = { get(name: string): string | null };

/** The public origin Logport is configured for (`NEXTAUTH_URL`), or null when unset or not a URL. */
export function configuredOrigin(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env.NEXTAUTH_URL;
  if (!value) return null;
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** The host a request was addressed to, as the browser saw it (a proxy's X-Forwarded-Host first). */
function requestHost(headers: HeaderReader): string | null {
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return forwarded || headers.get('host');
}

/**
 * The site's own origin for resolving user-given URLs: `NEXTAUTH_URL` when set, else what the request was
 * addressed to (the sandbox and `npm run dev` often run without NEXTAUTH_URL).
 */
export function siteOrigin(headers: HeaderReader, env: NodeJS.ProcessEnv = process.env): string {
  const configured = configuredOrigin(env);
  if (configured) return configured;
  const host = requestHost(headers) ?? 'localhost';
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  return `${proto}://${host}`;
}

/**
 * Whether an `Origin` header names this site: the configured origin exactly, or the same host the request
 * was addressed to. The second rule is Next.js's own check for server actions, so a route handler and an
 * action accept and refuse the same callers. A missing or `null` Origin is not this site: browsers send
 * Origin on every POST, PUT, PATCH and DELETE, so only a non-browser client omits it.
 */
export function isSameOrigin(
  origin: string | null,
  headers: HeaderReader,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (!origin || origin === 'null') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.origin === configuredOrigin(env)) return true;
  const host = requestHost(headers);
  return host !== null && parsed.host === host.toLowerCase();
}
