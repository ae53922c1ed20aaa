'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useId } from 'react';
import { Badge } from '@/components/ui/badge';
import type { RegionStatus } from '@/lib/accounts/overview';
import { placeLinks } from './links';

const link = 'font-medium text-brand-700 underline dark:text-brand-100';

/** One Region of an account: reachable or why not, the export running, the queue, failures, each rule's coverage. */
export function RegionStatusBlock({ account, status }: { account: string; status: RegionStatus }) {
  const t = useTranslations('accounts');
  const format = useFormatter();
  const id = useId();
  const scope = { account, region: status.region };
  const names = { account, region: status.region };
  return (
    <li
      aria-labelledby={`${id}-region`}
      data-testid="account-region"
      data-region={status.region}
      data-reachable={status.reachable ? 'true' : 'false'}
      className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`${id}-region`} className="font-mono text-sm font-semibold">
          <span className="sr-only">{t('regionOf', names)}: </span>
          <span aria-hidden="true">{status.region}</span>
        </h3>
        <Badge tone={status.reachable ? 'success' : 'danger'}>
          {status.reachable ? t('reachable') : t('unreachable')}
        </Badge>
      </div>
      {status.reachable ? null : (
        <p data-testid="account-error" className="text-sm text-red-800 dark:text-red-200">
          {status.error ?? t('unknownDetail')}
        </p>
      )}
      <dl className="grid grid-cols-3 gap-2 text-sm">
        <div className="min-w-0">
          <dt className="text-xs text-slate-600 dark:text-slate-400">{t('activeExport')}</dt>
          <dd className="truncate" data-testid="account-active">
            {status.activeTaskId ? (
              <Link
                href={placeLinks.task(scope, status.activeTaskId)}
                prefetch={false}
                className={`${link} font-mono text-xs`}
                aria-label={t('openTask', { taskId: status.activeTaskId })}
              >
                {status.activeTaskId.slice(0, 8)}…
              </Link>
            ) : (
              t('noActiveExport')
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600 dark:text-slate-400">{t('queued')}</dt>
          <dd data-testid="account-queued">
            <Link
              href={placeLinks.queue(scope)}
              prefetch={false}
              className={link}
              aria-label={`${t('queued')}: ${format.number(status.queued)}. ${t('openQueue', names)}`}
            >
              {format.number(status.queued)}
            </Link>
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600 dark:text-slate-400">{t('failed24h')}</dt>
          <dd data-testid="account-failed">
            <Link
              href={placeLinks.queue(scope)}
              prefetch={false}
              className={`${link} ${status.failed24h > 0 ? 'text-red-700 dark:text-red-300' : ''}`}
              aria-label={`${t('failed24h')}: ${format.number(status.failed24h)}. ${t('openQueue', names)}`}
            >
              {format.number(status.failed24h)}
            </Link>
          </dd>
        </div>
      </dl>
      <div className="text-sm">
        <h4 className="text-xs text-slate-600 dark:text-slate-400">{t('rules')}</h4>
        {status.rules.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">{t('noRules')}</p>
        ) : (
          <ul className="mt-1 space-y-1" data-testid="account-rules">
            {status.rules.map((rule) => (
              <li key={rule.id} className="flex items-baseline justify-between gap-3">
                <Link
                  href={placeLinks.coverage(scope, rule.id)}
                  prefetch={false}
                  className={`${link} min-w-0 break-words`}
                  aria-label={t('openCoverage', { ...names, rule: rule.name })}
                >
                  {rule.name}
                </Link>
                <span className="whitespace-nowrap tabular-nums">
                  {rule.coveragePct === null
                    ? t('coverageNone')
                    : format.number(rule.coveragePct / 100, { style: 'percent', maximumFractionDigits: 1 })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="text-sm">
        <Link
          href={placeLinks.history(scope)}
          prefetch={false}
          className={link}
          aria-label={t('openHistoryLabel', names)}
        >
          {t('openHistory')}
        </Link>
      </p>
    </li>
  );
}
