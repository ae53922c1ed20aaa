'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import type { AwsIdentity } from '@/lib/aws/identity';
import { scopeParams, useScope } from './scope-context';

/**
 * A plain banner while AWS cannot be reached; it checks again every 5 s while down (every 30 s otherwise)
 * and disappears on its own when AWS answers, without a reload.
 */
export function AwsStatusBanner({ initial }: { initial: AwsIdentity }) {
  const t = useTranslations('shell');
  const te = useTranslations('errors');
  const scope = useScope();
  const { data } = useQuery({
    queryKey: ['aws-identity', scope.account, scope.region],
    queryFn: async (): Promise<AwsIdentity> => {
      const res = await fetch(`/api/identity?${scopeParams(scope)}`, { cache: 'no-store' });
      if (!res.ok) throw new Error(String(res.status));
      return (await res.json()) as AwsIdentity;
    },
    initialData: initial,
    initialDataUpdatedAt: Date.now(),
    refetchInterval: (query) => (query.state.data?.error ? 5_000 : 30_000),
  });
  if (!data.error) return <div aria-live="polite" className="sr-only" />;
  return (
    <div aria-live="polite" data-testid="aws-banner">
      <div
        role="alert"
        className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
      >
        <p className="mx-auto max-w-7xl">{t('awsUnreachable', { reason: te(data.error) })}</p>
      </div>
    </div>
  );
}
