import { queryOptions } from '@tanstack/react-query';
import type { AccountStatus } from '@/lib/accounts/overview';

/** The overview's query: the browser polls GET /api/accounts (never a server action). */
export const ACCOUNTS_POLL_MS = 30_000;

export class AccountsLoadError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export async function fetchAccounts(): Promise<AccountStatus[]> {
  const res = await fetch('/api/accounts', { cache: 'no-store' });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    throw new AccountsLoadError(body.error ?? 'internal');
  }
  return ((await res.json()) as { accounts: AccountStatus[] }).accounts;
}

/**
 * Every 30 s, and never in a hidden tab: the server answers from answers shared by every viewer (the identity
 * and the newest task per account and Region), so what AWS sees follows the accounts, not the open pages.
 */
export function accountsOptions() {
  return queryOptions({
    queryKey: ['accounts', 'overview'] as const,
    queryFn: fetchAccounts,
    refetchInterval: ACCOUNTS_POLL_MS,
    refetchIntervalInBackground: false,
    // The server's first view is not asked again on hydration (a slow phone takes seconds), nor on a quick
    // return to the tab; the interval alone decides the next look.
    staleTime: ACCOUNTS_POLL_MS / 2,
  });
}
