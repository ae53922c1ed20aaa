import 'server-only';
import { headers } from 'next/headers';
import type { Caller } from './caller';
import { clientAddress } from './client-address';
import { authenticateToken } from './tokens-check';
import { parseAuthorization } from './tokens-format';

/**
 * The API token of the request being served, if it carries `Authorization: Bearer …` (issue 13):
 *  - `present: false`: no Bearer header; the request is authenticated by its session cookie as before;
 *  - `present: true`: the token ALONE decides; `caller` is null for a malformed, unknown, revoked or expired
 *    token, and then the request is anonymous whatever cookie came along (a script never falls back to a
 *    browser's session, and the write guard exempts Bearer requests from the Origin rule on that promise).
 * Only route handlers see the header: the proxy removes it from page requests and server actions, which stay
 * the browser's, cookie-only.
 */
export async function bearerCaller(): Promise<{ present: false } | { present: true; caller: Caller | null }> {
  const h = await headers();
  const authorization = parseAuthorization(h.get('authorization'));
  if (authorization.kind === 'none') return { present: false };
  return { present: true, caller: await authenticateToken(authorization.token, clientAddress(h)) };
}
