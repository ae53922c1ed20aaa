import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { getIdentity } from '@/lib/aws/identity';
import { currentRegion } from '@/lib/aws/regions';

export const dynamic = 'force-dynamic';

/** Which account and endpoint Logport talks to, and whether AWS answers (the shell's banner polls this). */
export async function GET() {
  const auth = await requireRole('viewer');
  if (!auth.ok) return refusalResponse(auth);
  const identity = await getIdentity(await currentRegion());
  return Response.json(identity, { headers: { 'Cache-Control': 'no-store' } });
}
