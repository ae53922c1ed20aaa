import { scopeOfRequest } from '@/lib/accounts/scope';
import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { defaultRange, overviewQuery, queryObject } from '@/lib/coverage/query';
import { coverageOverview } from '@/lib/coverage/service';
import { fieldErrorsOf } from '@/lib/export-tasks/create-schema';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** What /coverage shows and polls: every (rule, log group) row with totals and capacity. Any role. */
export async function GET(request: Request) {
  const auth = await requireRole('viewer');
  if (!auth.ok) return refusalResponse(auth);
  const search = new URL(request.url).searchParams;
  const parsed = overviewQuery.safeParse(queryObject(search));
  if (!parsed.success)
    return Response.json(
      { error: 'invalidInput', fieldErrors: fieldErrorsOf(parsed.error, 'coverage.errors.invalidQuery') },
      { status: 400, headers: NO_STORE },
    );
  const where = await scopeOfRequest(search, auth.user.accounts);
  if (!where.ok) return where.response;
  const now = Date.now();
  const range = defaultRange(parsed.data.unit, now);
  try {
    const overview = await coverageOverview({
      scope: where.scope,
      access: auth.user.accounts,
      ruleId: parsed.data.rule,
      state: parsed.data.state,
      q: parsed.data.q,
      from: parsed.data.from ?? range.from,
      to: parsed.data.to ?? range.to,
      unit: parsed.data.unit,
      now,
    });
    return Response.json(overview, { headers: NO_STORE });
  } catch (err) {
    console.error('[GET /api/coverage/overview]', err instanceof Error ? err.message : err);
    return Response.json({ error: 'internal' }, { status: 500, headers: NO_STORE });
  }
}
