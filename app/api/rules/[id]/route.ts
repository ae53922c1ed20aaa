import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { BODY_LIMITS, readBody, readJsonBody, refuseUnsafeRequest } from '@/lib/http/guard';
import { deleteRule, getRule, saveRule } from '@/lib/rules/service';
import { isRuleId, json, saveResponse } from '../respond';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context) {
  const auth = await requireRole('viewer');
  if (!auth.ok) return refusalResponse(auth);
  const { id } = await params;
  const rule = isRuleId(id) ? await getRule(id, auth.user.accounts) : null;
  return rule ? json({ rule }) : json({ error: 'ruleNotFound' }, 404);
}

/** Changes a rule (admins): the whole rule, as for POST; covered windows are never exported again. */
export async function PUT(request: Request, { params }: Context) {
  const unsafe = refuseUnsafeRequest(request, { maxBodyBytes: BODY_LIMITS.json });
  if (unsafe) return unsafe;
  const auth = await requireRole('admin');
  if (!auth.ok) return refusalResponse(auth);
  // The body first (413 past the limit, whatever the address), then the rule it names.
  const body = await readJsonBody(request, BODY_LIMITS.json);
  if (!body.ok) return body.response;
  const { id } = await params;
  if (!isRuleId(id)) return json({ error: 'ruleNotFound' }, 404);
  try {
    return saveResponse(await saveRule(auth.user, body.value, id), false);
  } catch (err) {
    console.error('[PUT /api/rules/:id]', err instanceof Error ? err.message : err);
    return json({ error: 'internal' }, 500);
  }
}

/** Deletes a rule (admins): its windows not yet sent to AWS are withdrawn; exports already made stay. */
export async function DELETE(request: Request, { params }: Context) {
  const unsafe = refuseUnsafeRequest(request, { maxBodyBytes: BODY_LIMITS.json });
  if (unsafe) return unsafe;
  const auth = await requireRole('admin');
  if (!auth.ok) return refusalResponse(auth);
  // A DELETE needs no body; one sent anyway is read only up to the limit (413 past it), never buffered whole.
  const body = await readBody(request, BODY_LIMITS.json);
  if (!body.ok) return body.response;
  const { id } = await params;
  if (!isRuleId(id)) return json({ error: 'ruleNotFound' }, 404);
  try {
    const result = await deleteRule(auth.user, id);
    return result.ok ? json(result.data) : json({ error: result.error }, 404);
  } catch (err) {
    console.error('[DELETE /api/rules/:id]', err instanceof Error ? err.message : err);
    return json({ error: 'internal' }, 500);
  }
}
