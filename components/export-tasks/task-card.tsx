'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { memo, type Ref } from 'react';
import { Button } from '@/components/ui/button';
import { isCancellable } from '@/lib/export-tasks/status';
import { taskLabel } from '@/lib/export-tasks/table-state';
import type { ExportTask } from '@/lib/export-tasks/types';
import { StatusBadge } from './status-badge';
import { Destination, Timing, Unknown, When } from './task-cells';
import { TimeRangeCell } from './time-range-cell';

/** One task as a card: the history on a narrow screen, where an eight-column table cannot fit. */
export const TaskCard = memo(function TaskCard({
  task,
  index,
  total,
  now,
  highlight,
  canCancel,
  onCancel,
  measureRef,
}: {
  task: ExportTask;
  index: number;
  total: number;
  now: number | null;
  highlight: boolean;
  canCancel: boolean;
  onCancel: (task: ExportTask) => void;
  measureRef?: Ref<HTMLLIElement>;
}) {
  const t = useTranslations('exports');
  const tc = useTranslations('exports.columns');
  const label = taskLabel(task);
  const field = 'grid grid-cols-[6.5rem_minmax(0,1fr)] gap-2 py-1';
  return (
    <li
      ref={measureRef}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={total}
      data-testid="task-card"
      data-task-id={task.taskId}
      data-status={task.status}
      className="pb-3"
    >
      <article
        aria-label={label}
        className={`rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900 ${highlight ? 'animate-flash' : ''}`}
      >
        <div className="flex items-start justify-between gap-2">
          <div className="min-w-0">
            <Link
              href={`/exports/${encodeURIComponent(task.taskId)}`}
              prefetch={false}
              className="break-words font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-300"
              aria-label={t('detailsOf', { name: label })}
            >
              {task.taskName ?? <span className="italic">{t('unnamed')}</span>}
            </Link>
            <span className="block break-all font-mono text-xs text-slate-600 dark:text-slate-400">
              {task.taskId}
            </span>
          </div>
          <StatusBadge status={task.status} />
        </div>
        <dl className="mt-2 divide-y divide-slate-100 dark:divide-slate-800">
          <div className={field}>
            <dt className="text-slate-600 dark:text-slate-400">{tc('logGroup')}</dt>
            <dd className="break-all font-mono text-xs">{task.logGroupName || <Unknown />}</dd>
          </div>
          <div className={field}>
            <dt className="text-slate-600 dark:text-slate-400">{tc('range')}</dt>
            <dd>
              <TimeRangeCell from={task.from} to={task.to} />
            </dd>
          </div>
          <div className={field}>
            <dt className="text-slate-600 dark:text-slate-400">{tc('destination')}</dt>
            <dd className="break-all font-mono text-xs">
              <Destination task={task} />
            </dd>
          </div>
          <div className={field}>
            <dt className="text-slate-600 dark:text-slate-400">{tc('created')}</dt>
            <dd>
              <When ms={task.createdAt} />
            </dd>
          </div>
          <div className={field}>
            <dt className="text-slate-600 dark:text-slate-400">{tc('finished')}</dt>
            <dd>
              <Timing task={task} now={now} />
            </dd>
          </div>
        </dl>
        {canCancel && isCancellable(task.status) ? (
          <div className="mt-2 flex justify-end">
            <Button
              variant="secondary"
              size="sm"
              onClick={() => onCancel(task)}
              aria-label={t('cancel.buttonLabel', { name: label })}
            >
              {t('cancel.button')}
            </Button>
          </div>
        ) : null}
      </article>
    </li>
  );
});
