import * as z from 'zod/mini';
import { resolveScope } from '@/lib/accounts/scope';
import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import {
  bucketSchema,
  destinationPrefixSchema,
  fieldErrorsOf,
  logGroupNameSchema,
} from '@/lib/export-tasks/create-schema';
import { BODY_LIMITS, readJsonBody, refuseUnsafeRequest } from '@/lib/http/guard';
import { runPreflight } from '@/lib/preflight';

export const dynamic = 'force-dynamic';

// The fields preflight needs, with the same rules as the launch (nothing reaches AWS until they are valid).
const inputSchema = z.object({
  account: z.optional(z.string()),
  region: z.optional(z.string()),
  bucket: bucketSchema,
  prefix: z._default(destinationPrefixSchema, 'exportedlogs'),
  logGroupNames: z._default(z.array(logGroupNameSchema).check(z.maxLength(50)), []),
  mode: z._default(z.enum(['launch', 'queue']), 'launch'),
});

const noStore = { 'Cache-Control': 'no-store' };

/**
 * Runs the preflight checks (a POST: it reads several AWS APIs and is not cacheable). Operators and admins only,
 * like the wizard it serves. Answers 200 with every check's verdict, 400 with field errors.
 */
export async function POST(request: Request) {
  const unsafe = refuseUnsafeRequest(request, { maxBodyBytes: BODY_LIMITS.json });
  if (unsafe) return unsafe;
  const auth = await requireRole('operator');
  if (!auth.ok) return refusalResponse(auth);
  const body = await readJsonBody(request, BODY_LIMITS.json);
  if (!body.ok) return body.response;
  const parsed = inputSchema.safeParse(body.value);
  if (!parsed.success) {
    return Response.json(
      { error: 'invalidInput', fieldErrors: fieldErrorsOf(parsed.error) },
      { status: 400, headers: noStore },
    );
  }
  const where = await resolveScope(parsed.data, auth.user.accounts);
  if (!where.ok) return Response.json({ error: where.error }, { status: 400, headers: noStore });
  const result = await runPreflight({ ...parsed.data, ...where.scope });
  return Response.json(result, { headers: noStore });
}
