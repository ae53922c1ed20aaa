import { createWebhook, listWebhooks } from '@/lib/alerts/service';
import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { BODY_LIMITS, readJsonBody, refuseUnsafeRequest } from '@/lib/http/guard';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };
const json = (value: unknown, status = 200) => Response.json(value, { status, headers: NO_STORE });

/**
 * The webhooks with their last delivery (operators and admins). Never a secret: `hasSecret` says whether one is
 * set; operators see each URL's origin only (a Slack URL is itself a credential) and no receiver's answer.
 */
export async function GET() {
  const auth = await requireRole('operator');
  if (!auth.ok) return refusalResponse(auth);
  try {
    return json({ webhooks: await listWebhooks(auth.user) });
  } catch (err) {
    console.error('[GET /api/alerts/webhooks]', err instanceof Error ? err.message : err);
    return json({ error: 'internal' }, 500);
  }
}

/**
 * Adds a webhook (admins): `{"url", "format": "json"|"slack", "secret"?, "events"?}` checked by the same schema as
 * the /settings form; 201 with the webhook and its id (the secret is not echoed), 400 with field errors.
 */
export async function POST(request: Request) {
  const unsafe = refuseUnsafeRequest(request, { maxBodyBytes: BODY_LIMITS.json });
  if (unsafe) return unsafe;
  const auth = await requireRole('admin');
  if (!auth.ok) return refusalResponse(auth);
  const body = await readJsonBody(request, BODY_LIMITS.json);
  if (!body.ok) return body.response;
  try {
    const result = await createWebhook(auth.user, body.value);
    if (result.ok) return json({ webhook: result.data }, 201);
    const { ok: _ok, ...error } = result;
    return json(error, result.error === 'webhookSecretUnavailable' ? 503 : 400);
  } catch (err) {
    console.error('[POST /api/alerts/webhooks]', err instanceof Error ? err.message : err);
    return json({ error: 'internal' }, 500);
  }
}
