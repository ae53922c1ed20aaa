'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useScope } from '@/components/shell/scope-context';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import {
  appendPage,
  exportTaskHeadOptions,
  exportTaskKeys,
  exportTaskListOptions,
  fetchTaskPage,
  ListError,
  type ListFilter,
  type TaskListData,
} from '@/lib/export-tasks/queries';
import { isActiveStatus } from '@/lib/export-tasks/status';
import {
  awsTaskId,
  DEFAULT_SORT,
  EMPTY_VIEW,
  filterRows,
  hasLocalFilter,
  isFiltered,
  partialTaskId,
  sortRows,
  taskLabel,
} from '@/lib/export-tasks/table-state';
import type { ExportTask } from '@/lib/export-tasks/types';
import { CancelDialog } from './cancel-dialog';
import { FiltersBar } from './filters-bar';
import { TaskList } from './task-list';
import { UpdatedAgo } from './updated-ago';
import { useNow } from './use-now';
import { useTableView } from './use-table-view';

export function errorCode(err: unknown): string {
  return err instanceof ListError ? err.code : 'internal';
}

/** The export history: live, filterable, paged on demand. The first page arrives prefetched from the server. */
export function TaskTable({ region, canCancel }: { region: string; canCancel: boolean }) {
  const { account } = useScope();
  const t = useTranslations('exports');
  const te = useTranslations('errors');
  const client = useQueryClient();
  const [view, setView] = useTableView();
  // Only a whole task id goes to AWS (it matches ids exactly); part of one filters the loaded rows.
  const exactId = awsTaskId(view);
  const idPart = partialTaskId(view);
  const filter: ListFilter = useMemo(
    () => ({ account, region, status: view.status, taskId: exactId }),
    [account, region, view.status, exactId],
  );
  const query = useQuery(exportTaskListOptions(filter));
  const data = query.data;
  const anyActive = data?.tasks.some((task) => isActiveStatus(task.status)) ?? false;
  const now = useNow(1_000, anyActive);

  // Nothing loaded can change: watch only the newest row for a task started elsewhere (CLI, a teammate).
  const head = useQuery(
    exportTaskHeadOptions(filter, Boolean(data) && !anyActive && !exactId, {
      taskId: data?.tasks[0]?.taskId ?? null,
      at: data?.fetchedAt ?? 0,
    }),
  );
  const headId = head.data;
  const headAt = head.dataUpdatedAt;
  const refetch = query.refetch;
  const knowsHead = !headId || Boolean(data?.tasks.some((task) => task.taskId === headId));
  // Checked again after every head poll: the list's shared answer may be a moment older than the head's.
  useEffect(() => {
    if (headAt && !knowsHead) void refetch();
  }, [headAt, knowsHead, refetch]);

  // Status changes are announced politely; the rows flash (see TaskRow).
  const [announcement, setAnnouncement] = useState('');
  const lastAnnounced = useRef(0);
  useEffect(() => {
    if (!data || data.changed.length === 0 || lastAnnounced.current === query.dataUpdatedAt) return;
    lastAnnounced.current = query.dataUpdatedAt;
    const byId = new Map(data.tasks.map((task) => [task.taskId, task]));
    setAnnouncement(
      data.changed
        .map((id) => byId.get(id))
        .filter((task): task is ExportTask => task !== undefined)
        .map((task) => t('announceStatus', { name: taskLabel(task), status: t(`status.${task.status}`) }))
        .join(' '),
    );
  }, [data, query.dataUpdatedAt, t]);

  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);
  async function loadMore() {
    const token = data?.nextToken;
    if (!token) return;
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      const page = await fetchTaskPage(filter, { nextToken: token });
      client.setQueryData<TaskListData>(exportTaskKeys.list(filter), (prev) =>
        prev ? appendPage(prev, page) : prev,
      );
    } catch (err) {
      setLoadMoreError(errorCode(err));
    } finally {
      setLoadingMore(false);
    }
  }
  // AWS forgets a page position after 24 hours: the list starts again from the newest export.
  async function startOver() {
    setLoadMoreError(null);
    await client.resetQueries({ queryKey: exportTaskKeys.list(filter), exact: true });
  }

  const [cancelling, setCancelling] = useState<ExportTask | null>(null);
  const [cancelNote, setCancelNote] = useState('');
  const rows = useMemo(() => (data ? sortRows(filterRows(data.tasks, view), view.sort) : []), [data, view]);
  const changed = new Set(data?.changed ?? []);
  const reason = (err: unknown) => {
    const code = errorCode(err);
    return te.has(code) ? te(code) : te('internal');
  };
  const partial = Boolean(data?.nextToken);
  // Set once the table responds to input (hydrated): tests and scripts wait for it rather than guess.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  return (
    <div className="space-y-4" data-testid="task-history" data-ready={ready ? 'true' : undefined}>
      <FiltersBar view={view} onChange={setView} />

      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          size="sm"
          onClick={() => void refetch()}
          disabled={query.isFetching}
          data-testid="refresh"
        >
          {query.isFetching ? t('refreshing') : t('refresh')}
        </Button>
        {data ? <UpdatedAgo at={query.dataUpdatedAt} /> : null}
        {data ? (
          <span className="text-sm text-slate-600 dark:text-slate-400" data-testid="live-state">
            {anyActive ? t('liveActive') : t('liveIdle')}
          </span>
        ) : null}
      </div>

      <div aria-live="polite" className="sr-only" data-testid="task-announcer">
        {announcement} {cancelNote}
      </div>

      {data && query.isError ? (
        <Alert tone="warning" className="flex flex-wrap items-center justify-between gap-2">
          <span data-testid="refresh-failed">{t('couldNotRefresh', { reason: reason(query.error) })}</span>
        </Alert>
      ) : null}
      {!data && query.isError ? (
        <Alert tone="danger" title={t('loadFailed', { reason: reason(query.error) })}>
          <Button size="sm" className="mt-2" onClick={() => void refetch()} disabled={query.isFetching}>
            {t('refresh')}
          </Button>
        </Alert>
      ) : null}

      {data && idPart ? (
        <p
          className="text-sm text-slate-700 dark:text-slate-300"
          data-testid="task-id-hint"
          aria-live="polite"
        >
          {t('filters.partialIdHint', { count: data.tasks.length })}
        </p>
      ) : null}
      {data && partial && (hasLocalFilter(view) || view.sort !== DEFAULT_SORT) ? (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="partial-hint">
          {hasLocalFilter(view)
            ? t('filters.localHint', { count: data.tasks.length })
            : t('filters.sortHint', { count: data.tasks.length })}
        </p>
      ) : null}

      {!data && !query.isError ? <TableSkeleton /> : null}

      {data && rows.length === 0 ? (
        <div
          className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700"
          data-testid="no-tasks"
        >
          {isFiltered(view) ? (
            <>
              <p className="font-medium" role="status">
                {exactId && !hasLocalFilter(view) && !view.status
                  ? t('noMatchId', { id: exactId, region })
                  : idPart
                    ? t('noMatchIdPart', {
                        part: idPart,
                        count: data.tasks.length,
                        more: partial ? 'yes' : 'no',
                      })
                    : partial && hasLocalFilter(view)
                      ? t('noMatchLocal')
                      : t('noMatch')}
              </p>
              <Button
                variant="secondary"
                className="mt-3"
                onClick={() => setView({ ...EMPTY_VIEW, sort: view.sort })}
              >
                {t('noMatchBack')}
              </Button>
            </>
          ) : (
            <>
              <p className="font-medium">{t('empty', { region })}</p>
              {canCancel ? (
                <Link href="/exports/new" className={buttonClass('primary', 'md', 'mt-3')}>
                  {t('emptyAction')}
                </Link>
              ) : null}
            </>
          )}
        </div>
      ) : null}

      {data && rows.length > 0 ? (
        <TaskList
          rows={rows}
          region={region}
          sort={view.sort}
          onSort={(sort) => setView({ sort })}
          now={now}
          changed={changed}
          version={query.dataUpdatedAt}
          busy={query.isFetching}
          canCancel={canCancel}
          onCancel={setCancelling}
        />
      ) : null}

      {data ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span className="text-slate-600 dark:text-slate-400" data-testid="loaded-count">
            {t('loadedCount', { count: data.tasks.length })}
          </span>
          {data.nextToken ? (
            <Button variant="secondary" onClick={loadMore} disabled={loadingMore} data-testid="load-more">
              {loadingMore ? t('loadingMore') : t('loadMore')}
            </Button>
          ) : (
            <span className="text-slate-600 dark:text-slate-400" data-testid="all-loaded">
              {t('allLoaded')}
            </span>
          )}
          {loadMoreError === 'pageTokenExpired' ? (
            <span role="alert" className="flex flex-wrap items-center gap-2" data-testid="token-expired">
              <span className="text-amber-900 dark:text-amber-200">{te('pageTokenExpired')}</span>
              <Button size="sm" onClick={() => void startOver()} data-testid="start-over">
                {t('startOver')}
              </Button>
            </span>
          ) : loadMoreError ? (
            <span role="alert" className="text-red-700 dark:text-red-300">
              {t('loadMoreFailed', { reason: te.has(loadMoreError) ? te(loadMoreError) : te('internal') })}
            </span>
          ) : null}
        </div>
      ) : null}

      <CancelDialog
        task={cancelling}
        region={region}
        onClose={() => setCancelling(null)}
        onDone={(task) => setCancelNote(t('cancel.done', { name: taskLabel(task) }))}
      />
    </div>
  );
}

function TableSkeleton() {
  return (
    <div
      aria-busy="true"
      className="animate-pulse space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800"
    >
      {Array.from({ length: 8 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders.
        <div key={i} className="h-9 rounded bg-slate-200 dark:bg-slate-800" />
      ))}
    </div>
  );
}
