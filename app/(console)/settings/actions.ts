'use server';

import type { ActionResult } from '@/lib/action-result';
import { endSessionByAdmin } from '@/lib/auth/end-session';
import { requireRole } from '@/lib/auth/require-role';

/** Settings are an admin's (README "Users and roles"); anyone else posting these gets the 403 refusal. */

export async function endUserSession(input: unknown): Promise<ActionResult<{ userName: string }>> {
  const auth = await requireRole('admin');
  if (!auth.ok) return auth;
  return endSessionByAdmin(auth.user, input);
}
