'use server';

import { type ActionResult, fail } from '@/lib/action-result';
import { requireRole } from '@/lib/auth/require-role';
import { resolveRegion } from '@/lib/aws/regions';
import { cancelExport } from '@/lib/export-tasks/cancel';
import { cancelInputSchema } from '@/lib/export-tasks/list-schema';

/** Cancels a PENDING or RUNNING export. Operators and admins only: a viewer calling this directly gets 403. */
export async function cancelExportTask(input: unknown): Promise<ActionResult<{ taskId: string }>> {
  const auth = await requireRole('operator');
  if (!auth.ok) return auth;
  const parsed = cancelInputSchema.safeParse(input);
  if (!parsed.success) return fail('invalidInput');
  const region = await resolveRegion(parsed.data.region);
  if (!region) return fail('invalidRegion');
  try {
    return await cancelExport(auth.user, { region, taskId: parsed.data.taskId });
  } catch (err) {
    // Only a failure outside AWS (the activity log) lands here; the browser gets a key, the log the detail.
    console.error('[cancelExportTask]', err instanceof Error ? err.message : err);
    return fail('internal');
  }
}
