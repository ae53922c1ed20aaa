'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { exportAgainHref } from '@/components/export-wizard/state';
import { useScope } from '@/components/shell/scope-context';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { taskFolderText } from '@/lib/export-tasks/folder';
import { exportTaskListOptions } from '@/lib/export-tasks/queries';
import { isActiveStatus, isCancellable } from '@/lib/export-tasks/status';
import { taskLabel } from '@/lib/export-tasks/table-state';
import type { ExportTask } from '@/lib/export-tasks/types';
import { exclusiveEnd } from '@/lib/format/time';
import { useFormat } from '@/lib/format/use-format';
import { generatorHref } from '@/lib/policy/generator-href';
import { shortId } from '@/lib/time-range/plan';
import { CancelDialog } from './cancel-dialog';
import { CliCommands } from './cli-commands';
import { durationMessage } from './duration';
import { ObjectList } from './object-list';
import { StatusBadge } from './status-badge';
import { Destination, Unknown } from './task-cells';
import { useNow } from './use-now';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[12rem_1fr]">
      <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 break-words text-sm">{children}</dd>
    </div>
  );
}

/** One export task, kept live while it is active (the list query filtered by task id, polled the same way). */
export function TaskDetails({
  region,
  taskId,
  canCancel,
  created,
}: {
  region: string;
  taskId: string;
  canCancel: boolean;
  created: boolean;
}) {
  const t = useTranslations('exports');
  const td = useTranslations('exports.detail');
  const te = useTranslations('errors');
  const f = useFormat();
  const { account } = useScope();
  const query = useQuery(exportTaskListOptions({ account, region, status: null, taskId }));
  const task = query.data?.tasks[0];
  const now = useNow(1_000, task ? isActiveStatus(task.status) : false);
  const [cancelling, setCancelling] = useState<ExportTask | null>(null);
  // The new task's name gets a random part, made in the browser after the page is shown (a name made while
  // rendering would differ between server and browser), so every "again" is a task of its own.
  const [againSuffix, setAgainSuffix] = useState<string | null>(null);
  useEffect(() => setAgainSuffix(shortId(4)), []);

  const [announcement, setAnnouncement] = useState('');
  const lastStatus = useRef(task?.status);
  useEffect(() => {
    if (!task || lastStatus.current === task.status) return;
    lastStatus.current = task.status;
    setAnnouncement(t('announceStatus', { name: taskLabel(task), status: t(`status.${task.status}`) }));
  }, [task, t]);

  if (!task) {
    return (
      <Alert tone="warning" title={td('notFoundTitle')}>
        {td('notFoundBody')}
      </Alert>
    );
  }
  const when = (ms: number | null, epoch: ReactNode = td('epoch', { value: ms ?? 0 })) =>
    ms === null ? (
      <Unknown />
    ) : (
      <>
        <time dateTime={new Date(ms).toISOString()}>{f.dateTime(ms, 'full')}</time>
        <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">
          {f.utc(ms)} · {epoch}
        </span>
      </>
    );
  const folder = taskFolderText(task);
  const end = task.completedAt ?? now;
  const duration = task.createdAt !== null && end !== null ? durationMessage(end - task.createdAt) : null;
  const code = (query.error as { code?: string } | null)?.code ?? 'internal';

  return (
    <div className="space-y-6">
      <div aria-live="polite" className="sr-only" data-testid="task-announcer">
        {announcement}
      </div>
      {created ? (
        isActiveStatus(task.status) ? (
          <Alert tone="success">{td('started')}</Alert>
        ) : (
          <Alert tone={task.status === 'COMPLETED' ? 'success' : 'warning'}>
            {td('ended', { status: t(`status.${task.status}`) })}
          </Alert>
        )
      ) : null}
      {query.isError ? (
        <Alert tone="warning">
          {t('couldNotRefresh', { reason: te.has(code) ? te(code) : te('internal') })}
        </Alert>
      ) : null}

      <section
        aria-labelledby="summary-title"
        className={`rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900 ${created ? 'animate-flash' : ''}`}
        data-testid="task-summary"
        data-status={task.status}
      >
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="summary-title" className="text-lg font-semibold">
            {td('summary')}
          </h2>
          <div className="flex items-center gap-2">
            {canCancel && !isActiveStatus(task.status) && againSuffix && task.destinationPrefix !== null ? (
              <Link
                href={exportAgainHref({ ...task, destinationPrefix: task.destinationPrefix }, againSuffix)}
                className={buttonClass('secondary', 'sm')}
              >
                {td('again')}
              </Link>
            ) : null}
            {canCancel && isCancellable(task.status) ? (
              <Button variant="secondary" size="sm" onClick={() => setCancelling(task)}>
                {t('cancel.buttonLabel', { name: taskLabel(task) })}
              </Button>
            ) : null}
          </div>
        </div>
        <dl className="mt-2 divide-y divide-slate-200 dark:divide-slate-800">
          <Row label={td('status')}>
            <StatusBadge status={task.status} />
          </Row>
          <Row label={td('statusMessage')}>{task.statusMessage ?? <Unknown />}</Row>
          <Row label={td('taskId')}>
            <span className="font-mono">{task.taskId}</span>
          </Row>
          <Row label={td('taskName')}>{task.taskName ?? t('unnamed')}</Row>
          <Row label={td('region')}>{region}</Row>
          <Row label={td('logGroup')}>
            <span className="font-mono">{task.logGroupName || <Unknown />}</span>
          </Row>
          <Row label={td('from')}>{when(task.from)}</Row>
          {/* AWS's `to` is the last millisecond included; people read the end as exclusive. */}
          <Row label={td('until')}>{when(exclusiveEnd(task.to), td('toEpoch', { value: task.to }))}</Row>
          <Row label={td('destination')}>
            <span className="font-mono">
              <Destination task={task} />
            </span>
          </Row>
          <Row label={td('folder')}>{folder ? <span className="font-mono">{folder}</span> : <Unknown />}</Row>
        </dl>
      </section>

      <section
        aria-labelledby="timings-title"
        className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="timings-title" className="text-lg font-semibold">
          {td('timings')}
        </h2>
        <dl className="mt-2 divide-y divide-slate-200 dark:divide-slate-800">
          <Row label={td('createdAt')}>{when(task.createdAt)}</Row>
          <Row label={td('completedAt')}>
            {task.completedAt === null ? t('notFinished') : when(task.completedAt)}
          </Row>
          <Row label={td('duration')}>
            {duration ? (
              task.completedAt === null ? (
                t('runningFor', { duration: t(duration.key, duration.values) })
              ) : (
                t(duration.key, duration.values)
              )
            ) : (
              <Unknown />
            )}
          </Row>
        </dl>
      </section>

      <CliCommands region={region} task={task} />

      {task.status === 'COMPLETED' && task.destinationPrefix !== null ? (
        <ObjectList region={region} taskId={task.taskId} />
      ) : task.status === 'COMPLETED' ? (
        <section aria-labelledby="objects-title" className="space-y-2">
          <h2 id="objects-title" className="text-lg font-semibold">
            {t('objects.title')}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">{te('folderUnknown')}</p>
        </section>
      ) : (
        <section aria-labelledby="objects-title" className="space-y-2">
          <h2 id="objects-title" className="text-lg font-semibold">
            {t('objects.title')}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {isActiveStatus(task.status)
              ? t('objects.notCompleted')
              : t('objects.noneEnded', { status: t(`status.${task.status}`) })}
          </p>
          {task.status === 'FAILED' && /GetBucketAcl|PutObject|bucket/i.test(task.statusMessage ?? '') ? (
            <p className="text-sm">
              {t('objects.policyHint')}{' '}
              <Link
                href={generatorHref(task.destination, region, null, task.destinationPrefix ?? '')}
                className="font-medium underline"
              >
                {t('objects.openGenerator')}
              </Link>
            </p>
          ) : null}
        </section>
      )}

      <CancelDialog
        task={cancelling}
        region={region}
        onClose={() => setCancelling(null)}
        onDone={(done) => setAnnouncement(t('cancel.done', { name: taskLabel(done) }))}
      />
    </div>
  );
}
