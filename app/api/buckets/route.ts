import { scopeOfRequest } from '@/lib/accounts/scope';
import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { reportAwsError } from '@/lib/aws/errors';
import { listBuckets } from '@/lib/s3/buckets';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/** The account's buckets (ListBuckets) with their Region, for the wizard's destination step. */
export async function GET(request: Request) {
  const auth = await requireRole('viewer');
  if (!auth.ok) return refusalResponse(auth);
  const where = await scopeOfRequest(new URL(request.url).searchParams, auth.user.accounts);
  if (!where.ok) return where.response;
  try {
    return Response.json({ buckets: await listBuckets(where.scope) }, { headers: noStore });
  } catch (err) {
    const mapped = reportAwsError('ListBuckets', err, where.scope);
    return Response.json({ error: mapped.code }, { status: 502, headers: noStore });
  }
}
