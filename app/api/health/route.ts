import { DEFAULT_ACCOUNT } from '@/lib/accounts/types';
import { getIdentity } from '@/lib/aws/identity';
import { sdkDefaultRegion } from '@/lib/aws/regions';
import pkg from '@/package.json';

export const dynamic = 'force-dynamic';

// Public by design (load balancers and uptime checks call it): it says whether AWS answers, nothing about whom.
export async function GET() {
  const identity = await getIdentity({ account: DEFAULT_ACCOUNT, region: await sdkDefaultRegion() });
  const reachable = identity.error === null;
  return Response.json(
    { status: reachable ? 'ok' : 'degraded', version: pkg.version, aws: { reachable } },
    { status: 200, headers: { 'Cache-Control': 'no-store' } },
  );
}
