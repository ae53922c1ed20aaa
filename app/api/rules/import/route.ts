import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { readJsonBody, refuseUnsafeRequest } from '@/lib/http/guard';
import { importRules, reportError, reportStatus } from '@/lib/rules/import';
import { IMPORT_MAX_BYTES } from '@/lib/rules/import-file';
import { json } from '../respond';

export const dynamic = 'force-dynamic';

/**
 * Applies a rules file (admins): `{"rules":[…], "deleteMissing": false, "dryRun": false}` (an exported file,
 * `{"version":1,"rules":[…]}`, is accepted as is). Answers what changed, by rule name: `added`, `changed` (with
 * the fields), `unchanged`, `removed` (the rules not in the file: deleted only with deleteMissing), `applied`, and
 * `errors` per rule. All or nothing: one invalid or refused rule and nothing is written (400 invalid, 422 refused
 * by the checks, 409 a rule saved meanwhile). `dryRun` checks everything, preflight included, and writes nothing.
 */
export async function POST(request: Request) {
  const unsafe = refuseUnsafeRequest(request, { maxBodyBytes: IMPORT_MAX_BYTES });
  if (unsafe) return unsafe;
  const auth = await requireRole('admin');
  if (!auth.ok) return refusalResponse(auth);
  const body = await readJsonBody(request, IMPORT_MAX_BYTES);
  if (!body.ok) return body.response;
  try {
    const result = await importRules(auth.user, body.value);
    if (!result.ok) return json({ error: result.error, fieldErrors: result.fieldErrors }, 400);
    const error = reportError(result.report);
    return json({ ...(error ? { error } : {}), ...result.report }, reportStatus(result.report));
  } catch (err) {
    console.error('[POST /api/rules/import]', err instanceof Error ? err.message : err);
    return json({ error: 'internal' }, 500);
  }
}
