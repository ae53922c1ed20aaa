import 'server-only';
import * as z from 'zod/mini';
import { listAccounts } from '@/lib/accounts/registry';
import { type AccountAccess, mayAccess } from '@/lib/accounts/types';
import { type ActionResult, fail, ok } from '@/lib/action-result';
import { recordActivity } from '@/lib/audit';
import { transaction } from '@/lib/db';
import { fieldErrorsOf } from '@/lib/export-tasks/create-schema';
import type { Caller } from './caller';
import { forgetToken } from './tokens-check';
import { generateToken } from './tokens-format';
import { T, tokenInputSchema } from './tokens-schema';
import {
  countUsableTokens,
  insertTokenRow,
  listTokenRows,
  liveTokenNamed,
  nameKey,
  readTokenRow,
  revokeTokenRow,
  type TokenRow,
  toView,
} from './tokens-store';
import type { CreatedToken, TokenView } from './tokens-types';

/**
 * API tokens for the Settings actions (issue 13). The caller's role (admin) is checked by the action that
 * calls these. The activity log names a token by its name and id; never by the token or its hash.
 */
export const MAX_USABLE_TOKENS = 100;
const DAY_MS = 86_400_000;

export async function listApiTokens(now = Date.now()): Promise<TokenView[]> {
  return (await listTokenRows(200, now)).map((row) => toView(row, now));
}

/**
 * The accounts a new token may reach: what the form asked for, within the configured accounts and within the
 * admin's own reach. "Every account" from an admin limited to some accounts means those accounts: a token
 * never reaches further than the admin who made it.
 */
async function tokenAccounts(
  caller: Caller,
  wanted: AccountAccess,
): Promise<{ ok: true; accounts: AccountAccess } | { ok: false; error: ActionResult<never> }> {
  const limited = caller.accounts !== undefined && caller.accounts !== '*';
  if (wanted === '*') return { ok: true, accounts: limited ? [...(caller.accounts ?? [])].sort() : '*' };
  const known = new Set((await listAccounts()).map((a) => a.name));
  const unknown = wanted.find((name) => !known.has(name));
  if (unknown !== undefined) {
    return {
      ok: false,
      error: {
        ...fail('unknownAccount', { account: unknown }),
        fieldErrors: { accounts: [T.accountsInvalid] },
      },
    };
  }
  const outOfReach = wanted.find((name) => !mayAccess(caller.accounts, name));
  if (outOfReach !== undefined)
    return { ok: false, error: fail('accountForbidden', { account: outOfReach }) };
  return { ok: true, accounts: wanted };
}

export async function createApiToken(
  caller: Caller,
  input: unknown,
  now = Date.now(),
): Promise<ActionResult<CreatedToken>> {
  const parsed = tokenInputSchema.safeParse(input);
  if (!parsed.success) return { ...fail('invalidInput'), fieldErrors: fieldErrorsOf(parsed.error) };
  const v = parsed.data;
  const reach = await tokenAccounts(caller, v.accounts);
  if (!reach.ok) return reach.error;
  const { id, token, hash } = generateToken();
  const row: TokenRow = {
    id,
    name: v.name,
    name_key: nameKey(v.name),
    token_hash: hash,
    role: v.role,
    accounts: JSON.stringify(reach.accounts),
    created_at: now,
    created_by: caller.name,
    expires_at: v.expiresInDays === null ? null : now + v.expiresInDays * DAY_MS,
    last_used_at: null,
    last_used_address: null,
    revoked_at: null,
    revoked_by: null,
  };
  const refused = await transaction(async () => {
    if (await liveTokenNamed(v.name)) return fail('tokenNameTaken', { name: v.name });
    if ((await countUsableTokens(now)) >= MAX_USABLE_TOKENS)
      return fail('tokenLimit', { max: MAX_USABLE_TOKENS });
    await insertTokenRow(row);
    await recordActivity(caller, {
      action: 'token.create',
      target: v.name,
      outcome: 'ok',
      detail: { tokenId: id, role: v.role, accounts: reach.accounts, expiresAt: row.expires_at },
    });
    return null;
  }).catch((err: unknown) => {
    // Two admins naming a token alike at the same moment: the unique index decides.
    if (/unique|duplicate/i.test(err instanceof Error ? err.message : ''))
      return fail('tokenNameTaken', { name: v.name });
    throw err;
  });
  if (refused?.error === 'tokenNameTaken') return { ...refused, fieldErrors: { name: [T.nameTaken] } };
  if (refused) return refused;
  return ok({ view: toView(row, now), token });
}

const byId = z.strictObject({ id: z.string().check(z.regex(/^[0-9a-f]{16}$/)) });

/** Revokes a token at once (this process forgets it now; other replicas within a few seconds). */
export async function revokeApiToken(
  caller: Caller,
  input: unknown,
  now = Date.now(),
): Promise<ActionResult<TokenView>> {
  const parsed = byId.safeParse(input);
  if (!parsed.success) return fail('tokenNotFound');
  const { id } = parsed.data;
  const result = await transaction(async () => {
    const row = await readTokenRow(id);
    if (!row) return fail('tokenNotFound');
    // An admin limited to some accounts revokes only tokens within their reach.
    const reach = toView(row, now).accounts;
    const within =
      caller.accounts === undefined ||
      caller.accounts === '*' ||
      (reach !== '*' && reach.every((name) => mayAccess(caller.accounts, name)));
    if (!within) return fail('accountForbidden', { account: reach === '*' ? '*' : reach.join(', ') });
    if (await revokeTokenRow(id, caller.name, now)) {
      await recordActivity(caller, {
        action: 'token.revoke',
        target: row.name,
        outcome: 'ok',
        detail: { tokenId: id, role: row.role },
      });
    }
    return ok(toView((await readTokenRow(id)) ?? row, now));
  });
  forgetToken(id);
  return result;
}
