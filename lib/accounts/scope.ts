import 'server-only';
import { cookies, headers } from 'next/headers';
import { REGION_PATTERN } from '@/lib/export-tasks/create-schema';
import { ACCOUNT_COOKIE, REGION_COOKIE, SCOPE_HEADER } from './cookies';
import { getAccount, listAccounts } from './registry';
import {
  ACCOUNT_NAME,
  type AccountAccess,
  type AccountConfig,
  DEFAULT_ACCOUNT,
  mayAccess,
  type Scope,
} from './types';

/**
 * The (account, Region) a request works in. Pages: the URL's `?account=&region=` wins (the proxy hands it on in
 * a request header and remembers it in cookies), else the last choice (cookies), else the default account's
 * first Region. API routes and actions: what the caller names, else the same fallbacks. Always checked against
 * the configured accounts and Regions and what the caller may see.
 */
export { ACCOUNT_COOKIE, REGION_COOKIE, SCOPE_HEADER };

export type ScopeRefusal = 'unknownAccount' | 'accountForbidden' | 'invalidRegion';
export type ScopeResult =
  | { ok: true; scope: Scope; account: AccountConfig }
  | { ok: false; error: ScopeRefusal };

/** The accounts this caller may see (every one when `access` is `*` or not set). */
export async function accountsFor(access: AccountAccess | undefined): Promise<AccountConfig[]> {
  return (await listAccounts()).filter((a) => mayAccess(access, a.name));
}

async function remembered(): Promise<{ account: string | null; region: string | null }> {
  const jar = await cookies();
  const [urlAccount, urlRegion] = ((await headers()).get(SCOPE_HEADER) ?? '|').split('|');
  return {
    account: urlAccount || jar.get(ACCOUNT_COOKIE)?.value || null,
    region: urlRegion || jar.get(REGION_COOKIE)?.value || null,
  };
}

/**
 * A scope named by a client (query string, action input, JSON body): an unknown or unreadable one is refused,
 * never swapped for another. Missing parts fall back to the page's choice, then to the defaults.
 */
export async function resolveScope(
  requested: { account?: string | null; region?: string | null },
  access?: AccountAccess,
): Promise<ScopeResult> {
  return resolveScopeFrom(requested, await remembered(), access);
}

/** resolveScope with the remembered choice given (the proxy reads it from the request itself). */
export async function resolveScopeFrom(
  requested: { account?: string | null; region?: string | null },
  fallback: { account: string | null; region: string | null },
  access?: AccountAccess,
): Promise<ScopeResult> {
  const namedAccount = requested.account || null;
  if (namedAccount !== null && !ACCOUNT_NAME.test(namedAccount))
    return { ok: false, error: 'unknownAccount' };
  let name = namedAccount ?? fallback.account ?? DEFAULT_ACCOUNT;
  let account = await getAccount(name);
  // A remembered choice that no longer exists or is no longer allowed falls back; a named one is refused.
  if (namedAccount === null && (!account || !mayAccess(access, account.name))) {
    const first = (await accountsFor(access))[0];
    if (!first) return { ok: false, error: 'accountForbidden' };
    name = first.name;
    account = first;
  }
  if (!account) return { ok: false, error: 'unknownAccount' };
  if (!mayAccess(access, account.name)) return { ok: false, error: 'accountForbidden' };
  const namedRegion = requested.region || null;
  if (namedRegion !== null) {
    if (!REGION_PATTERN.test(namedRegion) || !account.regions.includes(namedRegion))
      return { ok: false, error: 'invalidRegion' };
    return { ok: true, scope: { account: name, region: namedRegion }, account };
  }
  const region =
    fallback.region && account.regions.includes(fallback.region)
      ? fallback.region
      : (account.regions[0] ?? 'us-east-1');
  return { ok: true, scope: { account: name, region }, account };
}

/**
 * The account a page's URL names that this user may not reach (or that does not exist), or null. The page then
 * shows one the user may see, and says why (a link shared by someone with more access).
 */
export async function refusedUrlAccount(access?: AccountAccess): Promise<string | null> {
  const [urlAccount] = ((await headers()).get(SCOPE_HEADER) ?? '|').split('|');
  if (!urlAccount) return null;
  const account = await getAccount(urlAccount);
  return account && mayAccess(access, account.name) ? null : urlAccount;
}

/** The scope a page renders in (never refused: an unusable choice falls back to one the user may see). */
export async function currentScope(access?: AccountAccess): Promise<Scope> {
  const result = await resolveScope({}, access);
  return result.ok ? result.scope : { account: DEFAULT_ACCOUNT, region: 'us-east-1' };
}

const REFUSAL_STATUS: Record<ScopeRefusal, number> = {
  unknownAccount: 400,
  accountForbidden: 403,
  invalidRegion: 400,
};

/** A route's scope from its query string (`account`, `region`), or the JSON refusal to answer with. */
export async function scopeOfRequest(
  params: URLSearchParams,
  access: AccountAccess | undefined,
): Promise<{ ok: true; scope: Scope } | { ok: false; response: Response }> {
  const result = await resolveScope({ account: params.get('account'), region: params.get('region') }, access);
  if (result.ok) return { ok: true, scope: result.scope };
  return {
    ok: false,
    response: Response.json(
      { error: result.error },
      { status: REFUSAL_STATUS[result.error], headers: { 'Cache-Control': 'no-store' } },
    ),
  };
}
