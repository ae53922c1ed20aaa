import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { resolveRegion } from '@/lib/aws/regions';
import { BODY_LIMITS, readJsonBody, refuseUnsafeRequest } from '@/lib/http/guard';
import { listRules, saveRule } from '@/lib/rules/service';
import { json, saveResponse } from './respond';

export const dynamic = 'force-dynamic';

/** Every rule with its state (any signed-in role); `?region=` narrows to one Region. */
export async function GET(request: Request) {
  const auth = await requireRole('viewer');
  if (!auth.ok) return refusalResponse(auth);
  const requested = new URL(request.url).searchParams.get('region');
  const region = requested ? await resolveRegion(requested) : undefined;
  if (region === null) return json({ error: 'invalidRegion' }, 400);
  try {
    return json({ rules: await listRules(region) });
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
