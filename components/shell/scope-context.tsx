'use client';

import { createContext, type ReactNode, useContext } from 'react';
import type { Scope } from '@/lib/accounts/types';

/**
 * The (account, Region) the page renders in, for client components that call the API: every request names
 * it, so a tab keeps working on its own account whatever another tab switched to.
 */
const ScopeContext = createContext<Scope>({ account: 'default', region: '' });

export function ScopeProvider({ scope, children }: { scope: Scope; children: ReactNode }) {
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

export function useScope(): Scope {
  return useContext(ScopeContext);
}

/** `account=…&region=…` plus `extra`, for an API URL or a link that keeps the scope. */
export function scopeParams(scope: Scope, extra: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({ account: scope.account, region: scope.region, ...extra });
}
