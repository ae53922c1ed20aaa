'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { overCapacity } from '@/lib/coverage/capacity';
import type { CoverageOverview } from '@/lib/coverage/types';

function Figure({
  label,
  value,
  testId,
  tone,
}: {
  label: string;
  value: string;
  testId: string;
  tone?: string;
}) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className={`text-xl font-semibold tabular-nums ${tone ?? ''}`} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The whole picture: covered share, what is at risk, gaps and failures; and whether the rules fit the day. */
export function CoverageSummary({ overview }: { overview: CoverageOverview }) {
  const t = useTranslations('coverage');
  const { totals, capacity } = overview;
  const share = Math.min(1, capacity.utilisation);
  const warn = overCapacity(capacity);
  // Under an hour a day reads in minutes ("12 min", not "0 h"); the share keeps a decimal below 1%.
  const percent =
    capacity.utilisation < 0.01 ? round1(capacity.utilisation * 100) : Math.round(capacity.utilisation * 100);
  const text =
    capacity.neededHoursPerDay < 1
      ? t('capacity.valueMinutes', {
          minutes: Math.round(capacity.neededHoursPerDay * 60),
          available: capacity.availableHoursPerDay,
          percent,
        })
      : t('capacity.value', {
          needed: round1(capacity.neededHoursPerDay),
          available: capacity.availableHoursPerDay,
          percent,
        });
  return (
    <section
      aria-labelledby="coverage-summary-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="coverage-summary-heading" className="sr-only">
        {t('summaryHeading')}
      </h2>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
        <Figure
          label={t('totals.covered')}
          value={
            totals.percent === null
              ? t('percentNone')
              : t('percent', { value: Math.round(totals.percent * 10) / 10 })
          }
          testId="coverage-total"
        />
        <Figure
          label={t('totals.atRisk')}
          value={String(totals.atRisk)}
          testId="coverage-at-risk"
          tone={totals.atRisk > 0 ? 'text-amber-800 dark:text-amber-300' : undefined}
        />
        <Figure label={t('totals.gaps')} value={String(totals.gaps)} testId="coverage-gaps" />
        <Figure
          label={t('totals.failed')}
          value={String(totals.failed)}
          testId="coverage-failed"
          tone={totals.failed > 0 ? 'text-red-700 dark:text-red-300' : undefined}
        />
        <Figure label={t('totals.groups')} value={String(totals.groups)} testId="coverage-groups" />
      </dl>
      <div className="space-y-1" data-testid="coverage-capacity">
        <p className="flex flex-wrap justify-between gap-2 text-sm">
          <span className="font-medium" id="coverage-capacity-label">
            {t('capacity.label')}
          </span>
          <span className="tabular-nums">{text}</span>
        </p>
        {/* The native meter for assistive technology; the bar beside it is drawn for the eye. */}
        <meter
          className="sr-only"
          aria-labelledby="coverage-capacity-label"
          min={0}
          max={capacity.availableHoursPerDay}
          high={capacity.availableHoursPerDay * 0.8}
          value={round1(Math.min(capacity.neededHoursPerDay, capacity.availableHoursPerDay))}
        >
          {text}
        </meter>
        <div
          aria-hidden="true"
          className="relative h-3 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
        >
          <div
            className={`h-full ${warn ? 'bg-amber-500' : 'bg-brand-600'}`}
            style={{ width: `${Math.max(share * 100, capacity.neededHoursPerDay > 0 ? 1 : 0)}%` }}
          />
          {/* The 80% mark: above it the backlog may stop shrinking. */}
          <div className="absolute inset-y-0 left-[80%] w-0.5 bg-slate-500" />
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {capacity.sampled > 0 ? t('capacity.sampled', { count: capacity.sampled }) : t('capacity.assumed')}
        </p>
      </div>
      {warn ? (
        <Alert tone="warning" title={t('capacity.warnTitle')}>
          {t('capacity.warnBody', { percent: Math.round(capacity.utilisation * 100) })}
        </Alert>
      ) : null}
    </section>
  );
}
