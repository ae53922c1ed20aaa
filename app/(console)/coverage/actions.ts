'use server';

import { resolveScope } from '@/lib/accounts/scope';
import { type ActionResult, fail, ok } from '@/lib/action-result';
import { requireRole } from '@/lib/auth/require-role';
import { gapItemsInput } from '@/lib/coverage/query';
import { fillGaps as fillGapsService, planGapFill } from '@/lib/coverage/service';

/** Coverage actions: operators (and admins) plan and fill gaps, which enqueues exports. */

export async function planGaps(input: unknown): Promise<ActionResult<{ exports: number }>> {
  const auth = await requireRole('operator');
  if (!auth.ok) return auth;
  const parsed = gapItemsInput.safeParse(input);
  if (!parsed.success) return fail('invalidInput');
  const where = await resolveScope(parsed.data, auth.user.accounts);
  if (!where.ok) return fail(where.error);
  try {
    return ok({
      exports: (await planGapFill(where.scope, parsed.data.items, { access: auth.user.accounts })).length,
    });
  } catch (err) {
    console.error('[planGaps]', err instanceof Error ? err.message : err);
    return fail('internal');
  }
}

export async function fillGaps(input: unknown): Promise<ActionResult<{ enqueued: number }>> {
  const auth = await requireRole('operator');
  if (!auth.ok) return auth;
  const parsed = gapItemsInput.safeParse(input);
  if (!parsed.success) return fail('invalidInput');
  const where = await resolveScope(parsed.data, auth.user.accounts);
  if (!where.ok) return fail(where.error);
  try {
    return await fillGapsService(auth.user, where.scope, parsed.data.items);
  } catch (err) {
    console.error('[fillGaps]', err instanceof Error ? err.message : err);
    return fail('internal');
  }
}
