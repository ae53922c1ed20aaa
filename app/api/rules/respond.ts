import 'server-only';
import { RULE_ID } from '@/lib/rules/id';
import type { RuleSaveResult } from '@/lib/rules/service';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function json(value: unknown, status = 200): Response {
  return Response.json(value, { status, headers: NO_STORE });
}

/**
 * A save's answer in the API's error shape: 400 with field errors (message keys), 422 when the preflight
 * refused the rule (its checks say what to fix), 404 for an unknown rule.
 */
export function saveResponse(result: RuleSaveResult, created: boolean): Response {
  if (result.ok) return json({ rule: result.data }, created ? 201 : 200);
  if (result.error === 'ruleNotFound') return json({ error: result.error }, 404);
  if (result.error === 'preflightFailed')
    return json({ error: result.error, preflight: result.preflight }, 422);
  return json(
    { error: result.error, ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}) },
    400,
  );
}

/** A rule id as the store makes them (32 hex digits); anything else is not a rule. */
export function isRuleId(id: string): boolean {
  return RULE_ID.test(id);
}
