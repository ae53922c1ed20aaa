'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import type { AccountStatus } from '@/lib/accounts/overview';
import { DEFAULT_ACCOUNT } from '@/lib/accounts/types';
import { RegionStatusBlock } from './region-status';

/** One account: its name and AWS id, then each of its Regions (side by side on a wide screen, stacked on a phone). */
export function AccountCard({ account }: { account: AccountStatus }) {
  const t = useTranslations('accounts');
  const id = useId();
  const down = account.regions.filter((r) => !r.reachable).length;
  return (
    <section
      aria-labelledby={`${id}-name`}
      data-testid="account-card"
      data-account={account.name}
      className={`space-y-3 rounded-lg border bg-white p-4 dark:bg-slate-900 ${
        down > 0 ? 'border-red-300 dark:border-red-800' : 'border-slate-200 dark:border-slate-800'
      }`}
    >
      <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={`${id}-name`} className="break-all text-lg font-semibold">
          {account.name}
        </h2>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          <span className="font-mono">
            {account.id ? t('accountId', { id: account.id }) : t('accountIdUnknown')}
          </span>
          {' · '}
          {account.name === DEFAULT_ACCOUNT ? t('ambient') : t('viaRole')}
        </p>
      </header>
      <ul className="grid gap-3 md:grid-cols-2">
        {account.regions.map((region) => (
          <RegionStatusBlock key={region.region} account={account.name} status={region} />
        ))}
      </ul>
    </section>
  );
}
