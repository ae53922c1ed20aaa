import 'server-only';
import type { AccountAccess } from '@/lib/accounts/types';
import { changed, getDb } from '@/lib/db';
import type { Role } from './roles';
import { tokenHint } from './tokens-format';
import type { TokenState, TokenView } from './tokens-types';

/**
 * API tokens in Logport's database (the `api_tokens` table): every replica reads the same rows, so a token
 * revoked on one is refused by all (each keeps its answer a few seconds at most, see tokens.ts).
 */
export type TokenRow = {
  id: string;
  name: string;
  name_key: string;
  token_hash: string;
  role: Role;
  accounts: string;
  created_at: number;
  created_by: string;
  expires_at: number | null;
  last_used_at: number | null;
  last_used_address: string | null;
  revoked_at: number | null;
  revoked_by: string | null;
};

/** Last use is written at most once a minute per token: a script polling every second costs no write each time. */
export const TOUCH_EVERY_MS = 60_000;

export function nameKey(name: string): string {
  return name.toLowerCase();
}

export function accountsOf(stored: string): AccountAccess {
  try {
    const value: unknown = JSON.parse(stored);
    if (value === '*') return '*';
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  } catch {
    // fall through: a row nobody wrote through Logport reaches nothing
  }
  return [];
}

export function stateOf(row: Pick<TokenRow, 'revoked_at' | 'expires_at'>, now: number): TokenState {
  if (row.revoked_at !== null) return 'revoked';
  if (row.expires_at !== null && now >= row.expires_at) return 'expired';
  return 'active';
}

export function toView(row: TokenRow, now = Date.now()): TokenView {
  return {
    id: row.id,
    name: row.name,
    hint: tokenHint(row.id),
    role: row.role,
    accounts: accountsOf(row.accounts),
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    lastUsedAddress: row.last_used_address,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
    state: stateOf(row, now),
  };
}

export async function insertTokenRow(row: TokenRow): Promise<void> {
  const db = await getDb();
  await db.insertInto('api_tokens').values(row).execute();
}

export async function readTokenRow(id: string): Promise<TokenRow | undefined> {
  const db = await getDb();
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Not revoked and holding this name (names are unique among those). */
export async function liveTokenNamed(name: string): Promise<TokenRow | undefined> {
  const db = await getDb();
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('name_key', '=', nameKey(name))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Tokens neither revoked nor expired. */
export async function countUsableTokens(now = Date.now()): Promise<number> {
  const db = await getDb();
  const row = await db
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Usable tokens first (newest first), then expired and revoked ones, newest first. */
export async function listTokenRows(limit = 200, now = Date.now()): Promise<TokenRow[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  const rank = (r: TokenRow) => (stateOf(r, now) === 'active' ? 0 : 1);
  return rows.sort((a, b) => rank(a) - rank(b));
}

/** Revokes a token; false when it was already revoked (or never existed). */
export async function revokeTokenRow(id: string, by: string, now = Date.now()): Promise<boolean> {
  const db = await getDb();
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return changed(result) > 0;
}

/**
 * Records a use (time and client address) unless one was recorded in the last minute. Conditional in the
 * database, so replicas serving the same script do not all write.
 */
export async function touchTokenRow(row: TokenRow, address: string, now = Date.now()): Promise<void> {
  if (row.last_used_at !== null && now - row.last_used_at < TOUCH_EVERY_MS) return;
  const db = await getDb();
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now, last_used_address: address })
    .where('id', '=', row.id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', now - TOUCH_EVERY_MS)]))
    .execute();
}
