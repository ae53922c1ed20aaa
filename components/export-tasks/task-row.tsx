'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { memo } from 'react';
import { Button } from '@/components/ui/button';
import { isCancellable } from '@/lib/export-tasks/status';
import type { ExportTask } from '@/lib/export-tasks/types';
import { durationMessage, utcText } from './duration';
import { StatusBadge } from './status-badge';
import { destinationText, taskLabel } from './table-state';
import { TimeRangeCell } from './time-range-cell';

/** "Took 4 min 12 s" for a finished task, "Running for …" for an active one (needs the ticking clock). */
export function Timing({ task, now }: { task: ExportTask; now: number | null }) {
  const t = useTranslations('exports');
  const format = useFormatter();
  if (task.createdAt === null) return null;
  if (task.completedAt !== null) {
    const d = durationMessage(task.completedAt - task.createdAt);
    return (
      <>
        <time
          dateTime={new Date(task.completedAt).toISOString()}
          title={utcText(task.completedAt)}
          className="block"
        >
          {format.dateTime(new Date(task.completedAt), { dateStyle: 'medium', timeStyle: 'medium' })}
        </time>
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {t('took', { duration: t(d.key, d.values) })}
        </span>
      </>
    );
  }
  if (now === null) return <span className="text-slate-500">{t('notFinished')}</span>;
  const d = durationMessage(now - task.createdAt);
  return (
    <span className="whitespace-nowrap text-xs">{t('runningFor', { duration: t(d.key, d.values) })}</span>
  );
}

/**
 * One task. Memoised: polls and "Load more" keep unchanged task objects, so with thousands of rows loaded only
 * new or changed rows render again.
 */
export const TaskRow = memo(function TaskRow({
  task,
  now,
  highlight,
  canCancel,
  onCancel,
}: {
  task: ExportTask;
  now: number | null;
  highlight: boolean;
  canCancel: boolean;
  onCancel: (task: ExportTask) => void;
}) {
  const t = useTranslations('exports');
  const format = useFormatter();
  const label = taskLabel(task);
  return (
    <tr
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
      <td className="px-3 py-2 font-mono text-xs [overflow-wrap:anywhere]">{task.logGroupName}</td>
      <td className="px-3 py-2 text-sm">
        <TimeRangeCell from={task.from} to={task.to} />
      </td>
      <td className="px-3 py-2 font-mono text-xs [overflow-wrap:anywhere]">{destinationText(task)}</td>
      <td className="px-3 py-2 text-sm">
        {task.createdAt === null ? null : (
          <time
            dateTime={new Date(task.createdAt).toISOString()}
            title={utcText(task.createdAt)}
            className="block"
          >
            {format.dateTime(new Date(task.createdAt), { dateStyle: 'medium', timeStyle: 'medium' })}
          </time>
        )}
      </td>
      <td className="px-3 py-2 text-sm">
        <Timing task={task} now={now} />
      </td>
      <td className="px-3 py-2">
        <div className="flex flex-wrap gap-1.5">
          <Link
            href={`/exports/${encodeURIComponent(task.taskId)}`}
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
