'use server';

import type { ActionResult } from '@/lib/action-result';
import { requireRole } from '@/lib/auth/require-role';
import { createApiToken, revokeApiToken } from '@/lib/auth/tokens';
import type { CreatedToken, TokenView } from '@/lib/auth/tokens-types';

/**
 * API tokens are an admin's (README "Alerts and automation"); anyone else posting these gets the 403 refusal.
 * Server actions are the browser's: they take the session cookie only, never a Bearer token (the proxy drops
 * the header), so a token cannot make or revoke tokens.
 */

/** Creates a token; the answer carries the token itself this once (the page shows it, then forgets it). */
export async function createToken(input: unknown): Promise<ActionResult<CreatedToken>> {
  const auth = await requireRole('admin');
  if (!auth.ok) return auth;
  return createApiToken(auth.user, input);
}

export async function revokeToken(input: unknown): Promise<ActionResult<TokenView>> {
  const auth = await requireRole('admin');
  if (!auth.ok) return auth;
  return revokeApiToken(auth.user, input);
}
