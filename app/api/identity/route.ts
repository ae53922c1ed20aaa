import { scopeOfRequest } from '@/lib/accounts/scope';
import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { getIdentity } from '@/lib/aws/identity';

export const dynamic = 'force-dynamic';

/** Which account and endpoint Logport talks to, and whether AWS answers (the shell's banner polls this). */
export async function GET(request: Request) {
  const auth = await requireRole('viewer');
  if (!auth.ok) return refusalResponse(auth);
  const where = await scopeOfRequest(new URL(request.url).searchParams, auth.user.accounts);
  if (!where.ok) return where.response;
  const identity = await getIdentity(where.scope);
  return Response.json(identity, { headers: { 'Cache-Control': 'no-store' } });
}
