'use server';

import { resolveScope } from '@/lib/accounts/scope';
import { type ActionResult, fail } from '@/lib/action-result';
import { requireRole } from '@/lib/auth/require-role';
import { cancelExport } from '@/lib/export-tasks/cancel';
import { cancelInputSchema } from '@/lib/export-tasks/list-schema';

/** Cancels a PENDING or RUNNING export. Operators and admins only: a viewer calling this directly gets 403. */
export async function cancelExportTask(input: unknown): Promise<ActionResult<{ taskId: string }>> {
  const auth = await requireRole('operator');
  if (!auth.ok) return auth;
  const parsed = cancelInputSchema.safeParse(input);
  if (!parsed.success) return fail('invalidInput');
  const where = await resolveScope(parsed.data, auth.user.accounts);
  if (!where.ok) return fail(where.error);
  try {
    return await cancelExport(auth.user, { ...where.scope, taskId: parsed.data.taskId });
  } catch (err) {
    // Only a failure outside AWS (the activity log) lands here; the browser gets a key, the log the detail.
    console.error('[cancelExportTask]', err instanceof Error ? err.message : err);
    return fail('internal');
  }
}
