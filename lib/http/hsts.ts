/**
 * `Strict-Transport-Security` for Logport's answers (issue 14 point 8): browsers that saw it once refuse to talk
 * to the site over plain HTTP afterwards, so a network attacker cannot strip TLS and read the session cookie.
 *
 * Sent only when Logport's public URL (`NEXTAUTH_URL`) is https: over plain HTTP the header would mean nothing
 * (browsers ignore it there) and, in the sandbox on localhost, would only confuse. `LOGPORT_HSTS` adjusts it:
 * unset → one year (`max-age=31536000`); `off` → never (the TLS proxy in front sends its own); a number of
 * seconds; or a full value such as `max-age=63072000; includeSubDomains; preload` (only when every subdomain
 * is HTTPS too). Read at request time: the same build runs behind TLS or not.
 */
export const DEFAULT_HSTS = 'max-age=31536000';

const FULL_VALUE = /^max-age=\d{1,10}(\s*;\s*includeSubDomains)?(\s*;\s*preload)?$/i;

let warned = false;

export function hstsHeader(env: Record<string, string | undefined> = process.env): string | null {
  const url = env.NEXTAUTH_URL ?? '';
  if (!/^https:\/\//i.test(url.trim())) return null;
  const setting = (env.LOGPORT_HSTS ?? '').trim();
  if (setting === '') return DEFAULT_HSTS;
  if (setting.toLowerCase() === 'off') return null;
  if (/^\d{1,10}$/.test(setting)) return `max-age=${Number(setting)}`;
  if (FULL_VALUE.test(setting)) return setting.replace(/\s*;\s*/g, '; ');
  if (!warned) {
    warned = true;
    console.warn(`[logport] LOGPORT_HSTS is not off, seconds or "max-age=…"; sending ${DEFAULT_HSTS}`);
  }
  return DEFAULT_HSTS;
}
