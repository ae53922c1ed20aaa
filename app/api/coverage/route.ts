import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { resolveRegion } from '@/lib/aws/regions';
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
  const parsed = groupCoverageQuery.safeParse(queryObject(new URL(request.url).searchParams));
  if (!parsed.success)
    return Response.json(
      { error: 'invalidInput', fieldErrors: fieldErrorsOf(parsed.error, 'coverage.errors.invalidQuery') },
      { status: 400, headers: NO_STORE },
    );
  const region = await resolveRegion(parsed.data.region);
  if (!region) return Response.json({ error: 'invalidRegion' }, { status: 400, headers: NO_STORE });
  try {
    const coverage = await groupCoverage({
      region,
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
