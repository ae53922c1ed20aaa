import { scopeOfRequest } from '@/lib/accounts/scope';
import type { Scope } from '@/lib/accounts/types';
import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { BODY_LIMITS, readJsonBody, refuseUnsafeRequest } from '@/lib/http/guard';
import { listRules, saveRule } from '@/lib/rules/service';
import { json, saveResponse } from './respond';

export const dynamic = 'force-dynamic';

/** The rules the caller may see, with their state (any role); `?account=&region=` narrows to one place. */
export async function GET(request: Request) {
  const auth = await requireRole('viewer');
  if (!auth.ok) return refusalResponse(auth);
  const search = new URL(request.url).searchParams;
  let scope: Scope | undefined;
  if (search.has('account') || search.has('region')) {
    const where = await scopeOfRequest(search, auth.user.accounts);
    if (!where.ok) return where.response;
    scope = where.scope;
  }
  try {
    return json({ rules: await listRules({ scope, access: auth.user.accounts }) });
  } catch (err) {
    console.error('[GET /api/rules]', err instanceof Error ? err.message : err);
    return json({ error: 'internal' }, 500);
  }
}

/** Creates a rule (admins): the same schema and checks as the form; 201 with the rule and its id. */
export async function POST(request: Request) {
  const unsafe = refuseUnsafeRequest(request, { maxBodyBytes: BODY_LIMITS.json });
  if (unsafe) return unsafe;
  const auth = await requireRole('admin');
  if (!auth.ok) return refusalResponse(auth);
  const body = await readJsonBody(request, BODY_LIMITS.json);
  if (!body.ok) return body.response;
  try {
    return saveResponse(await saveRule(auth.user, body.value), true);
  } catch (err) {
    console.error('[POST /api/rules]', err instanceof Error ? err.message : err);
    return json({ error: 'internal' }, 500);
  }
}
