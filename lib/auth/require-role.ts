import 'server-only';
import type { AccountAccess } from '@/lib/accounts/types';
import type { ActionError } from '@/lib/action-result';
import { type Role, roleAtLeast } from './roles';
import { sessionCaller } from './session';

export type Caller = {
  name: string;
  role: Role;
  /** The accounts this caller may reach (absent or `*`: every account). */
  accounts?: AccountAccess;
};
export type AuthRefusal = ActionError & { status: 401 | 403 };

/**
 * The one gate every server action and route handler passes first: page protection does not protect an action,
 * which is a public POST endpoint. Anonymous → 401 (`unauthenticated`), too low a role → 403 (`forbidden`).
 */
export async function requireRole(needed: Role): Promise<{ ok: true; user: Caller } | AuthRefusal> {
  const caller = await sessionCaller();
  if (!caller) return { ok: false, status: 401, error: 'unauthenticated' };
  if (!roleAtLeast(caller.role, needed)) {
    return { ok: false, status: 403, error: 'forbidden', params: { role: caller.role, needed } };
  }
  return { ok: true, user: caller };
}

/** The same refusal as a route handler response (JSON `{ error }`, never a stack or an AWS message). */
export function refusalResponse(refusal: AuthRefusal): Response {
  return Response.json(
    { error: refusal.error },
    { status: refusal.status, headers: { 'Cache-Control': 'no-store' } },
  );
}

/** The signed-in user for rendering (pages), or null. Pages use it for display only; actions use requireRole. */
export async function currentUser(): Promise<Caller | null> {
  return sessionCaller();
}
