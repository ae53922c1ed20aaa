'use server';

import { resolveScope } from '@/lib/accounts/scope';
import { type ActionResult, fail } from '@/lib/action-result';
import { requireRole } from '@/lib/auth/require-role';
import { ruleIdInput, rulePreviewInput, ruleSwitchInput } from '@/lib/rules/action-schemas';
import {
  deleteRule as deleteRuleService,
  previewGroups,
  type RuleSaveResult,
  refreshRuleTags as refreshTagsService,
  runRuleNow as runNowService,
  saveRule as saveRuleService,
  setRuleEnabled as setEnabledService,
} from '@/lib/rules/service';

/** Rule changes: admins save, pause, resume and delete; operators "run now" and refresh tags. */

async function guarded<T>(run: () => Promise<T>, where: string): Promise<T | ReturnType<typeof fail>> {
  try {
    return await run();
  } catch (err) {
    // Only a failure outside the checks (the database, AWS unreachable) lands here: a key, never the detail.
    console.error(`[${where}]`, err instanceof Error ? err.message : err);
    return fail('internal');
  }
}

export async function saveRule(input: unknown, id?: unknown): Promise<RuleSaveResult> {
  const auth = await requireRole('admin');
  if (!auth.ok) return auth;
  if (id !== undefined && !ruleIdInput.safeParse({ id }).success) return fail('ruleNotFound');
  return guarded(() => saveRuleService(auth.user, input, id as string | undefined), 'saveRule');
}

export async function deleteRule(input: unknown): Promise<ActionResult<{ id: string }>> {
  const auth = await requireRole('admin');
  if (!auth.ok) return auth;
  const parsed = ruleIdInput.safeParse(input);
  if (!parsed.success) return fail('invalidInput');
  return guarded(() => deleteRuleService(auth.user, parsed.data.id), 'deleteRule');
}

export async function setRuleEnabled(input: unknown): Promise<ActionResult<{ enabled: boolean }>> {
  const auth = await requireRole('admin');
  if (!auth.ok) return auth;
  const parsed = ruleSwitchInput.safeParse(input);
  if (!parsed.success) return fail('invalidInput');
  return guarded(() => setEnabledService(auth.user, parsed.data.id, parsed.data.enabled), 'setRuleEnabled');
}

export async function runRuleNow(input: unknown): Promise<ActionResult<{ enqueued: number | null }>> {
  const auth = await requireRole('operator');
  if (!auth.ok) return auth;
  const parsed = ruleIdInput.safeParse(input);
  if (!parsed.success) return fail('invalidInput');
  return guarded(() => runNowService(auth.user, parsed.data.id), 'runRuleNow');
}

export async function refreshRuleTags(input: unknown): Promise<ActionResult<{ enqueued: number | null }>> {
  const auth = await requireRole('operator');
  if (!auth.ok) return auth;
  const parsed = ruleIdInput.safeParse(input);
  if (!parsed.success) return fail('invalidInput');
  return guarded(() => refreshTagsService(auth.user, parsed.data.id), 'refreshRuleTags');
}

/** The log groups a selection matches now, for the form's preview (admins, who edit rules). */
export async function previewRuleGroups(
  input: unknown,
): Promise<ActionResult<{ names: string[]; total: number }> | ReturnType<typeof fail>> {
  const auth = await requireRole('admin');
  if (!auth.ok) return auth;
  const parsed = rulePreviewInput.safeParse(input);
  if (!parsed.success) return fail('invalidInput');
  return guarded(async () => {
    const { logGroups, exclude } = parsed.data;
    const where = await resolveScope(parsed.data, auth.user.accounts);
    if (!where.ok) return fail(where.error);
    return { ok: true as const, data: await previewGroups(where.scope, logGroups, exclude) };
  }, 'previewRuleGroups');
}
