import 'server-only';
import type { Caller } from './caller';
import { hashToken, isExpired, matchesHash, tokenId } from './tokens-format';
import { accountsOf, readTokenRow, touchTokenRow } from './tokens-store';
import { tokenActor } from './tokens-types';

/**
 * Who an API token is (issue 13), asked by requireRole for every request that carries `Authorization: Bearer`.
 * The answer is kept a few seconds per token (`REMEMBER_MS`), so a script polling a route costs one database
 * read per token every few seconds, not one per request:
 *  - a token revoked here is forgotten at once (`forgetToken`); on another replica it is refused within those
 *    few seconds (the row is in the shared database);
 *  - an expiry is never served late: a remembered answer lasts at most until the token's expiry;
 *  - the memory is keyed by the token's SHA-256, never by the token.
 * A database that does not answer refuses (closed) and says so in the server log, without the token.
 */
const REMEMBER_MS = 5_000;
const MAX_ENTRIES = 10_000;

type Entry = { until: number; id: string | null; caller: Caller | null };
// On globalThis: route handlers are bundled separately, with one memory per process.
const g = globalThis as unknown as { logportTokenCheck?: Map<string, Entry> };

function memory(): Map<string, Entry> {
  g.logportTokenCheck ??= new Map();
  return g.logportTokenCheck;
}

async function verify(token: string, address: string, now: number): Promise<Entry> {
  const id = tokenId(token);
  if (!id) return { until: now + REMEMBER_MS, id: null, caller: null };
  const row = await readTokenRow(id);
  // The id alone proves nothing: the whole token must match the stored hash (compared in constant time).
  if (
    !row ||
    !matchesHash(token, row.token_hash) ||
    row.revoked_at !== null ||
    isExpired(row.expires_at, now)
  )
    return { until: now + REMEMBER_MS, id, caller: null };
  await touchTokenRow(row, address, now);
  return {
    until: row.expires_at === null ? now + REMEMBER_MS : Math.min(now + REMEMBER_MS, row.expires_at),
    id,
    caller: { name: tokenActor(row.name), role: row.role, accounts: accountsOf(row.accounts) },
  };
}

/** The caller a token stands for, or null (malformed, unknown, wrong secret, revoked, expired). */
export async function authenticateToken(
  token: string,
  address: string,
  now = Date.now(),
): Promise<Caller | null> {
  const key = hashToken(token);
  const remembered = memory();
  const hit = remembered.get(key);
  if (hit && now < hit.until) return hit.caller;
  try {
    const entry = await verify(token, address, now);
    if (remembered.size >= MAX_ENTRIES) remembered.clear();
    remembered.set(key, entry);
    return entry.caller;
  } catch (err) {
    console.error('[token] check failed:', err instanceof Error ? err.message : String(err));
    return null;
  }
}

/** Drops what this process remembers of a token (it was just revoked here). */
export function forgetToken(id: string): void {
  for (const [key, entry] of memory()) if (entry.id === id) memory().delete(key);
}

/** Drops everything remembered (tests). */
export function forgetAllTokens(): void {
  memory().clear();
}
