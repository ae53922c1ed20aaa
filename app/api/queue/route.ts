import { scopeOfRequest } from '@/lib/accounts/scope';
import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { queueSnapshot } from '@/lib/queue/view';
import { rulesInAccount } from '@/lib/rules/service';

export const dynamic = 'force-dynamic';

/** The queue as /queue shows it; the page polls this while work remains (reads only the database). */
export async function GET(request: Request) {
  const auth = await requireRole('viewer');
  if (!auth.ok) return refusalResponse(auth);
  // One account's queue (`?account=`; each account exports on its own): the page's, checked against the caller.
  const where = await scopeOfRequest(new URL(request.url).searchParams, auth.user.accounts);
  if (!where.ok) return where.response;
  try {
    const { account } = where.scope;
    const snapshot = await queueSnapshot(account, await rulesInAccount(account, auth.user.accounts));
    return Response.json(snapshot, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    console.error('[GET /api/queue]', err instanceof Error ? err.message : err);
    return Response.json({ error: 'internal' }, { status: 500, headers: { 'Cache-Control': 'no-store' } });
  }
}
