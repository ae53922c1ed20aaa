import { scopeOfRequest } from '@/lib/accounts/scope';
import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { groupCoverageQuery, queryObject } from '@/lib/coverage/query';
import { groupCoverage } from '@/lib/coverage/service';
import { fieldErrorsOf } from '@/lib/export-tasks/create-schema';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * One log group's coverage: `?logGroup&from&to&region[&rule]` → `{ logGroup, segments: [{ start, end, state,
 * taskId }] }`, `end` inclusive like AWS's `to`. Read from Logport's store only (no AWS call). Any role.
 */
export async function GET(request: Request) {
  const auth = await requireRole('viewer');
  if (!auth.ok) return refusalResponse(auth);
  const search = new URL(request.url).searchParams;
  const parsed = groupCoverageQuery.safeParse(queryObject(search));
  if (!parsed.success)
    return Response.json(
      { error: 'invalidInput', fieldErrors: fieldErrorsOf(parsed.error, 'coverage.errors.invalidQuery') },
      { status: 400, headers: NO_STORE },
    );
  const where = await scopeOfRequest(search, auth.user.accounts);
  if (!where.ok) return where.response;
  try {
    const coverage = await groupCoverage({
      scope: where.scope,
      access: auth.user.accounts,
      logGroup: parsed.data.logGroup,
      ruleId: parsed.data.rule,
      from: parsed.data.from,
      to: parsed.data.to,
    });
    if (!coverage) return Response.json({ error: 'coverageNotFound' }, { status: 404, headers: NO_STORE });
    return Response.json(coverage, { headers: NO_STORE });
  } catch (err) {
    console.error('[GET /api/coverage]', err instanceof Error ? err.message : err);
    return Response.json({ error: 'internal' }, { status: 500, headers: NO_STORE });
  }
}
