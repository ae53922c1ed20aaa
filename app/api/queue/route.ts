import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { queueSnapshot } from '@/lib/queue/view';

export const dynamic = 'force-dynamic';

/** The queue as /queue shows it; the page polls this while work remains (reads only the database). */
export async function GET() {
  const auth = await requireRole('viewer');
  if (!auth.ok) return refusalResponse(auth);
  try {
    return Response.json(await queueSnapshot(), { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    console.error('[GET /api/queue]', err instanceof Error ? err.message : err);
    return Response.json({ error: 'internal' }, { status: 500, headers: { 'Cache-Control': 'no-store' } });
  }
}
