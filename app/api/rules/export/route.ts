import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { exportRulesFile } from '@/lib/rules/import';
import { rulesFileName } from '@/lib/rules/import-file';
import { json } from '../respond';

export const dynamic = 'force-dynamic';

/**
 * Every rule the caller may see as one JSON file (any role): `{"version":1,"rules":[…]}`, sorted by name, each
 * rule in the shape POST /api/rules takes (no ids, timestamps or who changed it). Apply it with
 * POST /api/rules/import.
 */
export async function GET() {
  const auth = await requireRole('viewer');
  if (!auth.ok) return refusalResponse(auth);
  try {
    const text = await exportRulesFile(auth.user);
    return new Response(text, {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${rulesFileName()}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (err) {
    console.error('[GET /api/rules/export]', err instanceof Error ? err.message : err);
    return json({ error: 'internal' }, 500);
  }
}
