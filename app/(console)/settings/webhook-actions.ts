'use server';

import * as z from 'zod/mini';
import { type ActionResult, fail } from '@/lib/action-result';
import { createWebhook, deleteWebhook, sendTestMessage } from '@/lib/alerts/service';
import type { DeliveryView, WebhookView } from '@/lib/alerts/types';
import { requireRole } from '@/lib/auth/require-role';

/** Webhooks are an admin's (README "Alerts and automation"); anyone else posting these gets the 403 refusal. */

const byId = z.strictObject({ id: z.string().check(z.regex(/^[0-9a-f]{32}$/)) });

export async function addWebhook(input: unknown): Promise<ActionResult<WebhookView>> {
  const auth = await requireRole('admin');
  if (!auth.ok) return auth;
  return createWebhook(auth.user, input);
}

export async function removeWebhook(input: unknown): Promise<ActionResult<{ id: string }>> {
  const auth = await requireRole('admin');
  if (!auth.ok) return auth;
  const parsed = byId.safeParse(input);
  if (!parsed.success) return fail('webhookNotFound');
  return deleteWebhook(auth.user, parsed.data.id);
}

/** Posts a test message now and answers with its delivery (status, time, the receiver's answer). */
export async function sendWebhookTest(input: unknown): Promise<ActionResult<DeliveryView>> {
  const auth = await requireRole('admin');
  if (!auth.ok) return auth;
  const parsed = byId.safeParse(input);
  if (!parsed.success) return fail('webhookNotFound');
  return sendTestMessage(auth.user, parsed.data.id);
}
