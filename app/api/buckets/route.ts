import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { reportAwsError } from '@/lib/aws/errors';
import { resolveRegion } from '@/lib/aws/regions';
import { listBuckets } from '@/lib/s3/buckets';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/** The account's buckets (ListBuckets) with their Region, for the wizard's destination step. */
export async function GET(request: Request) {
  const auth = await requireRole('viewer');
  if (!auth.ok) return refusalResponse(auth);
  const region = await resolveRegion(new URL(request.url).searchParams.get('region'));
  if (!region) return Response.json({ error: 'invalidRegion' }, { status: 400, headers: noStore });
  try {
    return Response.json({ buckets: await listBuckets(region) }, { headers: noStore });
  } catch (err) {
    const mapped = reportAwsError('ListBuckets', err, { region });
    return Response.json({ error: mapped.code }, { status: 502, headers: noStore });
  }
}
