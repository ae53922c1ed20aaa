import { z } from 'zod';
import { scopeOfRequest } from '@/lib/accounts/scope';
import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { reportAwsError } from '@/lib/aws/errors';
import { SEARCH_PATTERN, searchLogGroups } from '@/lib/log-groups/search';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  q: z.string().max(512).regex(SEARCH_PATTERN).default(''),
  nextToken: z.string().max(4096).optional(),
  region: z.string().optional(),
  account: z.string().optional(),
});

const noStore = { 'Cache-Control': 'no-store' };

/** One page of log groups matching `q` (searched by AWS), for the wizard's picker. Reading: viewers too. */
export async function GET(request: Request) {
  const auth = await requireRole('viewer');
  if (!auth.ok) return refusalResponse(auth);
  const search = new URL(request.url).searchParams;
  const parsed = querySchema.safeParse(Object.fromEntries(search));
  if (!parsed.success) return Response.json({ error: 'invalidInput' }, { status: 400, headers: noStore });
  const where = await scopeOfRequest(search, auth.user.accounts);
  if (!where.ok) return where.response;
  try {
    const page = await searchLogGroups({
      ...where.scope,
      pattern: parsed.data.q,
      ...(parsed.data.nextToken ? { nextToken: parsed.data.nextToken } : {}),
    });
    return Response.json(page, { headers: noStore });
  } catch (err) {
    const mapped = reportAwsError('DescribeLogGroups', err, where.scope);
    return Response.json({ error: mapped.code }, { status: 502, headers: noStore });
  }
}
