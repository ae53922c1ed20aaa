'use client';

import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import type { AccountStatus } from '@/lib/accounts/overview';
import { AccountCard } from './account-card';
import { accountsOptions } from './queries';

/**
 * The estate at a glance: rendered on the server first, then kept fresh by polling GET /api/accounts. A refresh
 * that fails keeps what was shown and says since when.
 */
export function AccountsView({ initial, serverNow }: { initial: AccountStatus[]; serverNow: number }) {
  const t = useTranslations('accounts');
  const format = useFormatter();
  const query = useQuery({ ...accountsOptions(), initialData: initial, initialDataUpdatedAt: serverNow });
  const accounts = query.data;
  const regions = accounts.flatMap((a) => a.regions);
  const unreachable = regions.filter((r) => !r.reachable).length;
  return (
    <div className="space-y-4" data-testid="accounts-overview" data-updated={query.dataUpdatedAt}>
      <div aria-live="polite">
        {query.isError ? (
          <Alert tone="warning">
            {t('refreshFailed', { time: format.dateTime(query.dataUpdatedAt, { timeStyle: 'medium' }) })}
          </Alert>
        ) : null}
      </div>
      {accounts.length === 0 ? (
        <Alert tone="info">{t('noAccounts')}</Alert>
      ) : (
        <>
          <p className="text-sm font-medium" data-testid="accounts-summary">
            {t('summary', { accounts: accounts.length, regions: regions.length, unreachable })}
          </p>
          <div className="space-y-4">
            {accounts.map((account) => (
              <AccountCard key={account.name} account={account} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
