import { getTranslations } from 'next-intl/server';
import { accountsOverview } from '@/lib/accounts/overview';
import { refusalResponse, requireRole } from '@/lib/auth/require-role';

export const dynamic = 'force-dynamic';

/**
 * The accounts the caller may see, each Region reachable or not (with the reason in the user's language), its
 * active export, queued jobs and failures of the last 24 hours (any role).
 */
export async function GET() {
  const auth = await requireRole('viewer');
  if (!auth.ok) return refusalResponse(auth);
  try {
    const te = await getTranslations('errors');
    const accounts = await accountsOverview(auth.user.accounts, (code) => te(code));
    return Response.json({ accounts }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    console.error('[GET /api/accounts]', err instanceof Error ? err.message : err);
    return Response.json({ error: 'internal' }, { status: 500, headers: { 'Cache-Control': 'no-store' } });
  }
}
