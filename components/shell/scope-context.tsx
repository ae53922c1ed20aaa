'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import type { Scope } from '@/lib/accounts/types';

/**
 * The (account, Region) the page renders in, for client components that call the API: every request names
 * it, so a tab keeps working on its own account whatever another tab switched to.
 */
const ScopeContext = createContext<Scope>({ account: 'default', region: '' });

type AccountRegions = ReadonlyArray<{ name: string; regions: readonly string[] }>;

/**
 * The place the URL names (`?account=&region=`), when it is one of the user's accounts and its Regions; a part
 * left out falls back as the server does (the Region kept when the account has it, else its first).
 */
export function scopeFromUrl(
  search: URLSearchParams,
  fallback: Scope,
  accounts: AccountRegions,
): Scope | null {
  const named = search.get('account');
  const region = search.get('region');
  if (!named && !region) return null;
  const account = accounts.find((a) => a.name === (named || fallback.account));
  if (!account) return null;
  if (region) return account.regions.includes(region) ? { account: account.name, region } : null;
  const kept = account.regions.includes(fallback.region) ? fallback.region : account.regions[0];
  return kept ? { account: account.name, region: kept } : null;
}

/**
 * The shell's layout is rendered once and kept across client-side navigations (Next.js does not render a layout
 * again when only the query changes), so the scope it was rendered with can be stale after a link or the switcher
 * names another place. The URL wins at once for client components, and the server renders the shell again (its
 * header names the account's identity) with the URL's place.
 */
export function ScopeProvider({
  scope,
  accounts,
  children,
}: {
  scope: Scope;
  accounts: AccountRegions;
  children: ReactNode;
}) {
  const search = useSearchParams();
  const router = useRouter();
  const fromUrl = scopeFromUrl(search, scope, accounts);
  const account = fromUrl?.account ?? scope.account;
  const region = fromUrl?.region ?? scope.region;
  const stale = account !== scope.account || region !== scope.region;
  useEffect(() => {
    if (stale) router.refresh();
  }, [stale, router]);
  const value = useMemo(() => ({ account, region }), [account, region]);
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}

export function useScope(): Scope {
  return useContext(ScopeContext);
}

/** `account=…&region=…` plus `extra`, for an API URL or a link that keeps the scope. */
export function scopeParams(scope: Scope, extra: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({ account: scope.account, region: scope.region, ...extra });
}
