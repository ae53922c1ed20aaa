import path from 'node:path';
import { type APIRequestContext, request as playwrightRequest } from '@playwright/test';
import Database from 'better-sqlite3';
import { E2E } from './env';
import { actionResult, callServerAction } from './server-actions';

/**
 * API tokens for specs (issue 13): made and revoked through the real Settings actions as the signed-in admin,
 * and a token's expiry moved into the past in the e2e server's own database (the UI's shortest expiry is a
 * day; the server reads the row on the token's first use, so a token expired before it is used is refused).
 */
const ACTIONS = 'app/(console)/settings/token-actions.ts';

export type MadeToken = { id: string; name: string; token: string };

async function adminContext(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: E2E.appUrl, storageState: E2E.storageState('admin') });
}

export async function makeToken(input: {
  name: string;
  role: 'viewer' | 'operator' | 'admin';
  accounts?: '*' | string[];
  expiresInDays?: number | null;
}): Promise<MadeToken> {
  const ctx = await adminContext();
  try {
    const res = await callServerAction(ctx, { file: ACTIONS, name: 'createToken' }, [input]);
    const result = actionResult(res.body) as {
      ok: boolean;
      error?: string;
      data?: { token: string; view: { id: string; name: string } };
    } | null;
    if (!result?.ok || !result.data)
      throw new Error(`createToken refused: HTTP ${res.status} ${result?.error}`);
    return { id: result.data.view.id, name: result.data.view.name, token: result.data.token };
  } finally {
    await ctx.dispose();
  }
}

export async function revokeMadeToken(id: string): Promise<void> {
  const ctx = await adminContext();
  try {
    const res = await callServerAction(ctx, { file: ACTIONS, name: 'revokeToken' }, [{ id }]);
    if (!actionResult(res.body)?.ok) throw new Error(`revokeToken refused: HTTP ${res.status}`);
  } finally {
    await ctx.dispose();
  }
}

/** Moves a token's expiry an hour into the past, in the store the e2e server uses. */
export function expireToken(id: string): void {
  const db = new Database(path.join(E2E.dataDir, 'logport.db'), { fileMustExist: true, timeout: 10_000 });
  try {
    const changed = db
      .prepare('UPDATE api_tokens SET expires_at = ? WHERE id = ?')
      .run(Date.now() - 3_600_000, id).changes;
    if (changed !== 1) throw new Error(`no token ${id} to expire`);
  } finally {
    db.close();
  }
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

/** A request context with no cookie at all: what a script or a CI job is. */
export async function scriptContext(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: E2E.appUrl });
}
