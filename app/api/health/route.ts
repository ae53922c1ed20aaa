import { DEFAULT_ACCOUNT } from '@/lib/accounts/types';
import { getIdentity } from '@/lib/aws/identity';
import { sdkDefaultRegion } from '@/lib/aws/regions';
import { storeHealth } from '@/lib/db';
import pkg from '@/package.json';

export const dynamic = 'force-dynamic';

/**
 * Public by design (load balancers and uptime checks call it): whether the store and AWS answer, nothing about
 * whom. A store that does not answer makes it 503 (a readiness answer: take this replica out of rotation);
 * AWS unreachable is only `degraded` (every replica would see the same, and pages say so themselves).
 */
export async function GET() {
  const [identity, store] = await Promise.all([
    getIdentity({ account: DEFAULT_ACCOUNT, region: await sdkDefaultRegion() }),
    storeHealth(),
  ]);
  const reachable = identity.error === null;
  const ready = store.reachable && store.version === store.latest;
  return Response.json(
    {
      status: !ready ? 'unavailable' : reachable ? 'ok' : 'degraded',
      version: pkg.version,
      database: store,
      aws: { reachable },
    },
    { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
