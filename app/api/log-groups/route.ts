import { z } from 'zod';
import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { reportAwsError } from '@/lib/aws/errors';
import { resolveRegion } from '@/lib/aws/regions';
import { SEARCH_PATTERN, searchLogGroups } from '@/lib/log-groups/search';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  q: z.string().max(512).regex(SEARCH_PATTERN).default(''),
  nextToken: z.string().max(4096).optional(),
  region: z.string().optional(),
});

const noStore = { 'Cache-Control': 'no-store' };

/** One page of log groups matching `q` (searched by AWS), for the wizard's picker. Reading: viewers too. */
export async function GET(request: Request) {
  const auth = await requireRole('viewer');
  if (!auth.ok) return refusalResponse(auth);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = querySchema.safeParse(params);
  if (!parsed.success) return Response.json({ error: 'invalidInput' }, { status: 400, headers: noStore });
  const region = await resolveRegion(parsed.data.region);
  if (!region) return Response.json({ error: 'invalidRegion' }, { status: 400, headers: noStore });
  try {
    const page = await searchLogGroups({
      region,
      pattern: parsed.data.q,
      ...(parsed.data.nextToken ? { nextToken: parsed.data.nextToken } : {}),
    });
    return Response.json(page, { headers: noStore });
  } catch (err) {
    const mapped = reportAwsError('DescribeLogGroups', err, { region });
    return Response.json({ error: mapped.code }, { status: 502, headers: noStore });
  }
}
