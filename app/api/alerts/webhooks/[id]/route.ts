import { deleteWebhook, listWebhooks, webhookDeliveries } from '@/lib/alerts/service';
import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { BODY_LIMITS, readBody, refuseUnsafeRequest } from '@/lib/http/guard';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };
const NO_STORE = { 'Cache-Control': 'no-store' };
const json = (value: unknown, status = 200) => Response.json(value, { status, headers: NO_STORE });

/** One webhook and its recent deliveries (operators and admins; answers' bodies for admins only). */
export async function GET(_request: Request, { params }: Context) {
  const auth = await requireRole('operator');
  if (!auth.ok) return refusalResponse(auth);
  const { id } = await params;
  const deliveries = await webhookDeliveries(auth.user, id, 50);
  const webhook = (await listWebhooks(auth.user)).find((w) => w.id === id);
  if (!deliveries || !webhook) return json({ error: 'webhookNotFound' }, 404);
  return json({ webhook, deliveries });
}

/** Removes a webhook (admins) with its delivery log; the activity log keeps the record. */
export async function DELETE(request: Request, { params }: Context) {
  const unsafe = refuseUnsafeRequest(request, { maxBodyBytes: BODY_LIMITS.json });
  if (unsafe) return unsafe;
  const auth = await requireRole('admin');
  if (!auth.ok) return refusalResponse(auth);
  // A DELETE needs no body; one sent anyway is read only up to the limit (413 past it), never buffered whole.
  const body = await readBody(request, BODY_LIMITS.json);
  if (!body.ok) return body.response;
  const { id } = await params;
  const result = await deleteWebhook(auth.user, id);
  return result.ok ? json(result.data) : json({ error: result.error }, 404);
}
