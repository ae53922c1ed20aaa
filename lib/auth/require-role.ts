import 'server-only';
import { getServerSession } from 'next-auth';
import type { ActionError } from '@/lib/action-result';
import { authOptions } from './options';
import { isRole, type Role, roleAtLeast } from './roles';

export type Caller = { name: string; role: Role };
export type AuthRefusal = ActionError & { status: 401 | 403 };

/**
 * The one gate every server action and route handler passes first: page protection does not protect an action,
 * which is a public POST endpoint. Anonymous → 401 (`unauthenticated`), too low a role → 403 (`forbidden`).
 */
export async function requireRole(needed: Role): Promise<{ ok: true; user: Caller } | AuthRefusal> {
  const session = await getServerSession(authOptions);
  const name = session?.user?.name;
  const role = session?.user?.role;
  if (!session || !name || !isRole(role)) return { ok: false, status: 401, error: 'unauthenticated' };
  if (!roleAtLeast(role, needed)) {
    return { ok: false, status: 403, error: 'forbidden', params: { role, needed } };
  }
  return { ok: true, user: { name, role } };
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
  const session = await getServerSession(authOptions);
  const name = session?.user?.name;
  const role = session?.user?.role;
  return name && isRole(role) ? { name, role } : null;
}
