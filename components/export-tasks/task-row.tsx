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

export type RowProps = {
  task: ExportTask;
  /** Position in the whole loaded list (0-based): only the rows on screen are rendered. */
  index: number;
  now: number | null;
  highlight: boolean;
  canCancel: boolean;
  onCancel: (task: ExportTask) => void;
  measureRef?: Ref<HTMLTableRowElement>;
};

/**
 * One task. Its links do not prefetch: a fling through thousands of rows would otherwise watch every link
 * that passes the screen and ask the server for each task's page.
 *
 * Memoised: polls and "Load more" keep unchanged task objects, so only new or changed rows render
 * again. `aria-rowindex` tells screen readers where the row sits among all loaded rows (the rest are not in
 * the page while off screen).
 */
export const TaskRow = memo(function TaskRow({
  task,
  index,
  now,
  highlight,
  canCancel,
  onCancel,
  measureRef,
}: RowProps) {
  const t = useTranslations('exports');
  const label = taskLabel(task);
  return (
    <tr
      ref={measureRef}
      data-index={index}
      aria-rowindex={index + 2}
      data-testid="task-row"
      data-task-id={task.taskId}
      data-status={task.status}
      className={`border-t border-slate-200 align-top dark:border-slate-800 ${highlight ? 'animate-flash' : ''}`}
    >
      <td className="px-3 py-2">
        <StatusBadge status={task.status} />
      </td>
      <td className="px-3 py-2">
        <Link
          href={`/exports/${encodeURIComponent(task.taskId)}`}
          prefetch={false}
          className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-300"
          aria-label={t('detailsOf', { name: label })}
        >
          {task.taskName ?? <span className="italic">{t('unnamed')}</span>}
        </Link>
        <span
          className="block break-all font-mono text-xs text-slate-600 dark:text-slate-400"
          data-testid="task-id"
        >
          {task.taskId}
        </span>
      </td>
      <td className="px-3 py-2 font-mono text-xs [overflow-wrap:anywhere]">
        {task.logGroupName || <Unknown />}
      </td>
      <td className="px-3 py-2 text-sm">
        <TimeRangeCell from={task.from} to={task.to} />
      </td>
      <td className="px-3 py-2 font-mono text-xs [overflow-wrap:anywhere]">
        <Destination task={task} />
      </td>
      <td className="px-3 py-2 text-sm">
        <When ms={task.createdAt} />
      </td>
      <td className="px-3 py-2 text-sm">
        <Timing task={task} now={now} />
      </td>
      <td className="px-3 py-2">
        <div className="flex flex-wrap gap-1.5">
          <Link
            href={`/exports/${encodeURIComponent(task.taskId)}`}
            prefetch={false}
            className="inline-flex h-8 items-center rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-200/70 dark:text-slate-200 dark:hover:bg-slate-800"
            tabIndex={-1}
            aria-hidden="true"
          >
            {t('details')}
          </Link>
          {canCancel && isCancellable(task.status) ? (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => onCancel(task)}
              aria-label={t('cancel.buttonLabel', { name: label })}
            >
              {t('cancel.button')}
            </Button>
          ) : null}
        </div>
      </td>
    </tr>
  );
});
