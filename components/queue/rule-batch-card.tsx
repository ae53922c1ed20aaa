'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useId, useRef } from 'react';
import { StatusBadge } from '@/components/export-tasks/status-badge';
import { TimeRangeCell } from '@/components/export-tasks/time-range-cell';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClass } from '@/components/ui/button';
import type { QueueJob, RuleBatchSummary } from '@/lib/queue/types';

/**
 * A rule's batch, compact: a rule may hold hundreds of windows, so the card shows its counts, the export that
 * moves and the next one, a way to the coverage map (every window), and "Retry failed" for operators.
 */
export function RuleBatchCard({
  rule,
  highlight = false,
  canAct,
  busy,
  onRetryFailed,
}: {
  rule: RuleBatchSummary;
  highlight?: boolean;
  canAct: boolean;
  busy: boolean;
  onRetryFailed: (rule: RuleBatchSummary) => void;
}) {
  const t = useTranslations('queue');
  const format = useFormatter();
  const id = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (highlight) ref.current?.scrollIntoView({ block: 'start' });
  }, [highlight]);
  const name = rule.ruleName ?? t('ruleDeleted');
  const counts = [
    ['waiting', rule.waiting],
    ['running', rule.running],
    ['failedRecently', rule.failedRecently],
    ['done', rule.done],
  ] as const;
  return (
    <article
      ref={ref}
      aria-labelledby={`${id}-title`}
      data-testid="queue-rule"
      data-rule={rule.ruleId}
      data-batch={rule.batchId}
      data-highlight={highlight ? 'true' : undefined}
      className={`scroll-mt-4 space-y-3 rounded-lg border bg-white p-4 text-sm dark:bg-slate-900 ${highlight ? 'border-brand-500 ring-2 ring-brand-500/40' : 'border-slate-200 dark:border-slate-800'}`}
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={`${id}-title`} className="min-w-0 break-words font-semibold">
          {rule.ruleName ? t('ruleTitle', { name }) : name}
        </h3>
        {rule.ruleName && !rule.enabled ? <Badge tone="warning">{t('rulePaused')}</Badge> : null}
      </header>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {counts.map(([key, value]) => (
          <div key={key} className="rounded-md bg-slate-50 px-2 py-1.5 dark:bg-slate-800/60">
            <dt className="text-xs text-slate-600 dark:text-slate-400">{t(`ruleCounts.${key}`)}</dt>
            <dd
              data-testid={`rule-count-${key}`}
              className={`text-lg font-semibold tabular-nums ${key === 'failedRecently' && value > 0 ? 'text-red-700 dark:text-red-300' : ''}`}
            >
              {format.number(value)}
            </dd>
          </div>
        ))}
      </dl>
      {rule.current ? (
        <JobLine
          job={rule.current}
          text={t('ruleCurrent', { state: rule.current.state, logGroup: rule.current.logGroupName })}
        />
      ) : null}
      {rule.next ? (
        <JobLine job={rule.next} text={t('ruleNext', { logGroup: rule.next.logGroupName })} muted />
      ) : null}
      {!rule.current && !rule.next ? (
        <p className="text-slate-600 dark:text-slate-400">{t('ruleIdle')}</p>
      ) : null}
      {rule.failed > rule.failedRecently ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {t('ruleFailedOlder', { count: rule.failed })}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-end gap-2">
        {rule.ruleName ? (
          <Link
            href={`/coverage?rule=${encodeURIComponent(rule.ruleId)}`}
            className={buttonClass('ghost', 'sm')}
            aria-label={t('ruleCoverageLabel', { name })}
          >
            {t('ruleCoverage')}
          </Link>
        ) : null}
        {canAct && rule.ruleName && rule.enabled && rule.failed > 0 ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={busy}
            onClick={() => onRetryFailed(rule)}
            aria-label={t('retryFailedLabel', { count: rule.failed, name })}
            data-testid="rule-retry-failed"
          >
            {t('retryFailed', { count: rule.failed })}
          </Button>
        ) : null}
      </div>
    </article>
  );
}

/** The export that moves (or is next): its group, window and AWS status, in one or two lines. */
function JobLine({ job, text, muted = false }: { job: QueueJob; text: string; muted?: boolean }) {
  return (
    <div
      data-testid={muted ? 'rule-next' : 'rule-current'}
      className={`flex flex-wrap items-center gap-x-3 gap-y-1 ${muted ? 'text-slate-600 dark:text-slate-400' : ''}`}
    >
      <span className="min-w-0 break-words font-medium">{text}</span>
      <span className="text-xs">
        <TimeRangeCell from={job.from} to={job.to} />
      </span>
      {job.awsStatus ? <StatusBadge status={job.awsStatus} /> : null}
    </div>
  );
}
