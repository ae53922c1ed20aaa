'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef } from 'react';
import { useWide, wideClasses } from '@/components/export-tasks/use-wide';
import { Button } from '@/components/ui/button';
import { useFormat } from '@/lib/format/use-format';
import type { QueueBatch, QueueJob } from '@/lib/queue/types';
import { batchProgress, cancellableOf } from './format';
import { JobCard } from './job-card';
import { JobRow } from './job-row';

/** A batch (what one person queued at once): its progress "N of M" and its jobs in queue order. */
export function BatchCard({
  batch,
  highlight = false,
  canAct,
  busy,
  highlightJob = null,
  onCancel,
  onRetry,
  onCancelBatch,
}: {
  batch: QueueBatch;
  highlight?: boolean;
  /** A job to point at (an activity entry's "show this job in the queue"). */
  highlightJob?: string | null;
  canAct: boolean;
  busy: boolean;
  onCancel: (job: QueueJob) => void;
  onRetry: (job: QueueJob) => void;
  onCancelBatch: (batch: QueueBatch) => void;
}) {
  const t = useTranslations('queue');
  const f = useFormat();
  const id = useId();
  const p = batchProgress(batch.jobs.map((j) => j.state));
  const cancellable = cancellableOf(batch.jobs);
  const ref = useRef<HTMLElement>(null);
  // A table on wide screens, cards on a phone; before hydration both are there and CSS picks.
  const wide = useWide();
  const classes = wideClasses(wide);
  useEffect(() => {
    if (highlight) ref.current?.scrollIntoView({ block: 'start' });
  }, [highlight]);
  // An article, not a section: one person queues many batches under the same title, and named sections are
  // landmarks, which must be told apart.
  return (
    <article
      ref={ref}
      aria-labelledby={`${id}-title`}
      data-testid="queue-batch"
      data-batch={batch.id}
      data-highlight={highlight ? 'true' : undefined}
      className={`scroll-mt-4 rounded-lg border bg-white dark:bg-slate-900 ${highlight ? 'border-brand-500 ring-2 ring-brand-500/40' : 'border-slate-200 dark:border-slate-800'}`}
    >
      <header className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div>
          <h2 id={`${id}-title`} className="font-semibold">
            {t('batchTitle', { name: batch.createdBy })}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {t('batchMeta', {
              when: f.dateTime(batch.createdAt, 'short'),
              count: p.total,
            })}
          </p>
        </div>
        <div className="min-w-48 text-sm">
          <p className="flex flex-wrap gap-x-3">
            <span className="font-medium tabular-nums" data-testid="batch-progress">
              {t('batchProgress', { done: p.done, total: p.total })}
            </span>
            {p.failed > 0 ? (
              <span className="text-red-700 dark:text-red-300">{t('batchFailed', { count: p.failed })}</span>
            ) : null}
            {p.cancelled > 0 ? (
              <span className="text-slate-600 dark:text-slate-400">
                {t('batchCancelled', { count: p.cancelled })}
              </span>
            ) : null}
          </p>
          <progress
            className="mt-1 h-2 w-full accent-brand-600"
            value={p.done}
            max={p.total}
            aria-label={t('batchProgress', { done: p.done, total: p.total })}
          />
        </div>
        {canAct && cancellable.total > 0 ? (
          <Button
            variant="ghost"
            size="sm"
            disabled={busy}
            onClick={() => onCancelBatch(batch)}
            aria-label={t('cancelBatchLabel', { name: batch.createdBy })}
            data-testid="queue-cancel-batch"
          >
            {t('cancelBatch')}
          </Button>
        ) : null}
      </header>
      <div className={`overflow-x-auto ${classes.table}`}>
        {wide === false ? null : (
          <table className="w-full text-left">
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800/60 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('colNumber')}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('colLogGroup')}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('colRange')}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('colTask')}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('colState')}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('colAws')}
                </th>
                {canAct ? (
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    {t('colActions')}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {batch.jobs.map((job, i) => (
                <JobRow
                  key={job.id}
                  job={job}
                  highlight={job.id === highlightJob}
                  number={i + 1}
                  canAct={canAct}
                  busy={busy}
                  onCancel={onCancel}
                  onRetry={onRetry}
                />
              ))}
            </tbody>
          </table>
        )}
      </div>
      {wide === true ? null : (
        <ul className={classes.cards} aria-label={t('batchTitle', { name: batch.createdBy })}>
          {batch.jobs.map((job, i) => (
            <JobCard
              key={job.id}
              job={job}
              highlight={job.id === highlightJob}
              number={i + 1}
              canAct={canAct}
              busy={busy}
              onCancel={onCancel}
              onRetry={onRetry}
            />
          ))}
        </ul>
      )}
    </article>
  );
}
