'use client';

import { useQueryClient } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { ACCOUNT_COOKIE, REGION_COOKIE } from '@/lib/accounts/cookies';
import type { Scope } from '@/lib/accounts/types';
import { setPreferenceCookie } from '@/lib/client-cookie';
import { useScope } from './scope-context';

const selectClass =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm disabled:opacity-80 dark:border-slate-600 dark:bg-slate-800';

/**
 * The account and Region every page works on. A choice goes into the URL (`?account=&region=`, so the link
 * can be shared) and into cookies (the next page remembers it); the server checks both on every read.
 */
export function ScopeSwitcher({
  accounts,
}: {
  accounts: ReadonlyArray<{ name: string; regions: readonly string[] }>;
}) {
  const t = useTranslations('shell');
  // The URL's place (the shell's server render may be a navigation behind).
  const scope = useScope();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const regions = accounts.find((a) => a.name === scope.account)?.regions ?? [scope.region];

  const go = (next: Scope) => {
    setPreferenceCookie(ACCOUNT_COOKIE, next.account);
    setPreferenceCookie(REGION_COOKIE, next.region);
    const params = new URLSearchParams(search.toString());
    params.set('account', next.account);
    params.set('region', next.region);
    // A task or a page position belongs to the old account: the history starts again from the newest.
    params.delete('nextToken');
    startTransition(() => {
      queryClient.clear();
      router.push(
        `${pathname.startsWith('/exports/') && pathname !== '/exports/new' ? '/exports' : pathname}?${params}`,
      );
    });
  };

  return (
    <span className="flex items-center gap-2">
      {accounts.length > 1 ? (
        <label className="flex items-center gap-1.5">
          <span className="text-slate-600 dark:text-slate-300">{t('accountLabel')}</span>
          <select
            value={scope.account}
            disabled={pending}
            data-testid="account-switcher"
            onChange={(e) => {
              const account = accounts.find((a) => a.name === e.target.value);
              if (!account) return;
              const region = account.regions.includes(scope.region)
                ? scope.region
                : (account.regions[0] ?? '');
              go({ account: account.name, region });
            }}
            className={selectClass}
          >
            {accounts.map((a) => (
              <option key={a.name} value={a.name}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="flex items-center gap-1.5">
        <span className="text-slate-600 dark:text-slate-300">{t('region')}</span>
        <select
          value={scope.region}
          disabled={pending || regions.length < 2}
          title={t('regionHelp')}
          data-testid="region-switcher"
          onChange={(e) => go({ account: scope.account, region: e.target.value })}
          className={selectClass}
        >
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
    </span>
  );
}
