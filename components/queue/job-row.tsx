'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { StatusBadge } from '@/components/export-tasks/status-badge';
import { TimeRangeCell } from '@/components/export-tasks/time-range-cell';
import { Button } from '@/components/ui/button';
import { canCancel, canRetry } from '@/lib/queue/transitions';
import type { QueueJob } from '@/lib/queue/types';
import { JobStateBadge } from './job-state-badge';

/** One job: what it exports, where it stands (and why it waits or failed), and what an operator can do. */
export function JobRow({
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
  return (
    <tr
      data-testid="queue-job"
      data-state={job.state}
      data-highlight={highlight ? 'true' : undefined}
      className={`border-t border-slate-200 align-top dark:border-slate-800 ${job.state === 'running' ? 'bg-brand-50/60 dark:bg-brand-700/10' : ''} ${highlight ? 'outline outline-2 -outline-offset-2 outline-brand-500' : ''}`}
    >
      <td className="px-3 py-2 tabular-nums text-slate-500">{number}</td>
      <td className="px-3 py-2">
        <span className="break-words font-medium">{job.logGroupName}</span>
        {job.logStreamNamePrefix ? (
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            {t('streamPrefix', { prefix: job.logStreamNamePrefix })}
          </span>
        ) : null}
      </td>
      <td className="px-3 py-2 text-sm">
        <TimeRangeCell from={job.from} to={job.to} />
      </td>
      <td className="px-3 py-2 text-sm">
        <span className="block break-all font-mono text-xs" data-testid="job-task-name">
          {job.taskName}
        </span>
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
      </td>
      <td className="px-3 py-2 text-sm">
        <JobStateBadge state={job.state} />
        {waiting ? (
          <p className="mt-1 max-w-56 text-xs text-slate-600 dark:text-slate-400">{t(`wait.${waiting}`)}</p>
        ) : null}
        {job.cancelRequested && !['completed', 'failed', 'cancelled'].includes(job.state) ? (
          <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">{t('cancelRequested')}</p>
        ) : null}
        {job.state === 'failed' ? (
          <div className="mt-1 max-w-72 text-xs text-red-800 dark:text-red-300">
            {job.errorCode && te.has(job.errorCode) ? (
              <p>{te(job.errorCode, { bucket: job.destination, logGroup: job.logGroupName })}</p>
            ) : null}
            {job.awsMessage ? (
              <p className="mt-0.5 break-words">{t('awsSaid', { message: job.awsMessage })}</p>
            ) : null}
          </div>
        ) : null}
      </td>
      <td className="px-3 py-2 text-sm">{job.awsStatus ? <StatusBadge status={job.awsStatus} /> : '—'}</td>
      {canAct ? (
        <td className="px-3 py-2 text-right">
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
        </td>
      ) : null}
    </tr>
  );
}
