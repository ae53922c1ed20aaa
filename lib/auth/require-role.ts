import 'server-only';
import type { ActionError } from '@/lib/action-result';
import type { Caller } from './caller';
import { type Role, roleAtLeast } from './roles';
import { sessionCaller } from './session';
import { bearerCaller } from './tokens-request';

export type { Caller };
export type AuthRefusal = ActionError & { status: 401 | 403; bearer?: true };

/**
 * Who makes this request: with `Authorization: Bearer`, its API token and nothing else (a bad token is no one,
 * even if a session cookie came along); otherwise the session cookie.
 */
async function requestCaller(): Promise<{ caller: Caller | null; bearer: boolean }> {
  const token = await bearerCaller();
  if (token.present) return { caller: token.caller, bearer: true };
  return { caller: await sessionCaller(), bearer: false };
}

/**
 * The one gate every server action and route handler passes first: page protection does not protect an action,
 * which is a public POST endpoint. Anonymous → 401 (`unauthenticated`), too low a role → 403 (`forbidden`).
 */
export async function requireRole(needed: Role): Promise<{ ok: true; user: Caller } | AuthRefusal> {
  const { caller, bearer } = await requestCaller();
  if (!caller)
    return { ok: false, status: 401, error: 'unauthenticated', ...(bearer ? { bearer: true as const } : {}) };
  if (!roleAtLeast(caller.role, needed)) {
    return { ok: false, status: 403, error: 'forbidden', params: { role: caller.role, needed } };
  }
  return { ok: true, user: caller };
}

/** The same refusal as a route handler response (JSON `{ error }`, never a stack or an AWS message). */
export function refusalResponse(refusal: AuthRefusal): Response {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  // RFC 6750: a refused token is told so in the scheme it used.
  if (refusal.bearer) headers['WWW-Authenticate'] = 'Bearer error="invalid_token"';
  return Response.json({ error: refusal.error }, { status: refusal.status, headers });
}

/** The signed-in user for rendering (pages), or null. Pages use it for display only; actions use requireRole. */
export async function currentUser(): Promise<Caller | null> {
  return (await requestCaller()).caller;
}
