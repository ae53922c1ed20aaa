'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { StatusBadge } from '@/components/export-tasks/status-badge';
import { TimeRangeCell } from '@/components/export-tasks/time-range-cell';
import { Button } from '@/components/ui/button';
import { canCancel, canRetry } from '@/lib/queue/transitions';
import type { QueueJob } from '@/lib/queue/types';
import { JobStateBadge } from './job-state-badge';

/** One job as a card: the queue on a narrow screen, where the job table cannot fit. Same content as JobRow. */
export function JobCard({
  job,
  number,
  highlight = false,
  canAct,
  busy,
  onCancel,
  onRetry,
}: {
  job: QueueJob;
  number: number;
  highlight?: boolean;
  canAct: boolean;
  busy: boolean;
  onCancel: (job: QueueJob) => void;
  onRetry: (job: QueueJob) => void;
}) {
  const t = useTranslations('queue');
  const te = useTranslations('errors');
  const waiting = job.state === 'queued' || job.state === 'submitting' ? job.waitReason : null;
  const field = 'grid grid-cols-[6rem_minmax(0,1fr)] gap-2 py-1';
  return (
    <li
      data-testid="queue-job-card"
      data-state={job.state}
      data-highlight={highlight ? 'true' : undefined}
      className={`border-t border-slate-200 px-3 py-2 text-sm dark:border-slate-800 ${job.state === 'running' ? 'bg-brand-50/60 dark:bg-brand-700/10' : ''} ${highlight ? 'outline outline-2 -outline-offset-2 outline-brand-500' : ''}`}
    >
      <div className="flex items-start justify-between gap-2">
        <p className="min-w-0 break-words font-medium">
          <span className="mr-1 tabular-nums text-slate-500">{number}.</span>
          {job.logGroupName}
        </p>
        <JobStateBadge state={job.state} />
      </div>
      {waiting ? (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t(`wait.${waiting}`)}</p>
      ) : null}
      {job.cancelRequested && !['completed', 'failed', 'cancelled'].includes(job.state) ? (
        <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">{t('cancelRequested')}</p>
      ) : null}
      {job.state === 'failed' ? (
        <div className="mt-1 text-xs text-red-800 dark:text-red-300">
          {job.errorCode && te.has(job.errorCode) ? (
            <p>{te(job.errorCode, { bucket: job.destination, logGroup: job.logGroupName })}</p>
          ) : null}
          {job.awsMessage ? (
            <p className="mt-0.5 break-words">{t('awsSaid', { message: job.awsMessage })}</p>
          ) : null}
        </div>
      ) : null}
      <dl className="mt-1">
        {job.logStreamNamePrefix ? (
          <div className={field}>
            <dt className="text-slate-600 dark:text-slate-400">{t('colLogGroup')}</dt>
            <dd className="text-xs">{t('streamPrefix', { prefix: job.logStreamNamePrefix })}</dd>
          </div>
        ) : null}
        <div className={field}>
          <dt className="text-slate-600 dark:text-slate-400">{t('colRange')}</dt>
          <dd>
            <TimeRangeCell from={job.from} to={job.to} />
          </dd>
        </div>
        <div className={field}>
          <dt className="text-slate-600 dark:text-slate-400">{t('colTask')}</dt>
          <dd className="min-w-0">
            <span className="block break-all font-mono text-xs">{job.taskName}</span>
            {job.taskId ? (
              <Link
                href={`/exports?taskId=${encodeURIComponent(job.taskId)}`}
                className="text-xs underline"
                aria-label={t('openTask', { taskId: job.taskId })}
              >
                {job.taskId.slice(0, 8)}…
              </Link>
            ) : (
              <span className="text-xs text-slate-500">{t('notSubmitted')}</span>
            )}
          </dd>
        </div>
        <div className={field}>
          <dt className="text-slate-600 dark:text-slate-400">{t('colAws')}</dt>
          <dd>{job.awsStatus ? <StatusBadge status={job.awsStatus} /> : '—'}</dd>
        </div>
      </dl>
      {canAct && (canCancel(job.state) || canRetry(job.state)) ? (
        <div className="mt-1 flex justify-end gap-2">
          {canCancel(job.state) && !job.cancelRequested ? (
            <Button
              variant="ghost"
              size="sm"
              disabled={busy}
              onClick={() => onCancel(job)}
              aria-label={t('cancelJobLabel', { name: job.taskName })}
            >
              {t('cancel')}
            </Button>
          ) : null}
          {canRetry(job.state) ? (
            <Button
              variant="secondary"
              size="sm"
              disabled={busy}
              onClick={() => onRetry(job)}
              aria-label={t('retryJobLabel', { name: job.taskName })}
            >
              {t('retry')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
