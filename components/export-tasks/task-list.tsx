'use client';

import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useTranslations } from 'next-intl';
import { useLayoutEffect, useRef, useState } from 'react';
import { isActiveStatus } from '@/lib/export-tasks/status';
import type { Sort } from '@/lib/export-tasks/table-state';
import type { ExportTask } from '@/lib/export-tasks/types';
import { TableHead } from './table-head';
import { TaskCard } from './task-card';
import { TaskRow } from './task-row';
import { useWide, wideClasses } from './use-wide';

/**
 * Rows are rendered only while on screen (the page itself scrolls, as before): with 20,000 exports loaded the
 * page holds a few dozen rows, and "Load more" costs the rows it adds to the screen, not the whole list.
 * The server and the first paint render the first rows of a tall window.
 */
function useRows(count: number, enabled: boolean, estimate: number) {
  const anchor = useRef<HTMLElement | null>(null);
  const [margin, setMargin] = useState(0);
  // Where the list starts on the page moves when filters or hints above it change; measured each render.
  useLayoutEffect(() => {
    const el = anchor.current;
    if (!el) return;
    const top = Math.round(el.getBoundingClientRect().top + window.scrollY);
    if (top !== margin) setMargin(top);
  });
  const virtualizer = useWindowVirtualizer({
    count: enabled ? count : 0,
    estimateSize: () => estimate,
    // A few rows beyond each edge: enough for a wheel's next step, few enough that a fast fling stays cheap.
    overscan: 5,
    scrollMargin: margin,
    initialRect: { width: 1280, height: 1200 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const before = first ? first.start - margin : 0;
  const after = last ? virtualizer.getTotalSize() - (last.end - margin) : 0;
  return { anchor, virtualizer, items, before: Math.max(0, before), after: Math.max(0, after) };
}

export type TaskListProps = {
  rows: ExportTask[];
  region: string;
  sort: Sort;
  onSort: (sort: Sort) => void;
  now: number | null;
  changed: Set<string>;
  version: number;
  busy: boolean;
  canCancel: boolean;
  onCancel: (task: ExportTask) => void;
};

/** The loaded tasks: a table on wide screens, cards on narrow ones; either way only what is on screen. */
export function TaskList(props: TaskListProps) {
  const wide = useWide();
  const classes = wideClasses(wide);
  return (
    <>
      <div className={classes.table}>
        <TaskTableView {...props} enabled={wide !== false} />
      </div>
      <div className={classes.cards}>
        <TaskCards {...props} enabled={wide !== true} />
      </div>
    </>
  );
}

function rowKey(task: ExportTask, changed: Set<string>, version: number): string {
  // A changed row gets a new key, so it mounts again and flashes.
  return changed.has(task.taskId) ? `${task.taskId}-${version}` : task.taskId;
}

function TaskTableView({
  rows,
  region,
  sort,
  onSort,
  now,
  changed,
  version,
  busy,
  canCancel,
  onCancel,
  enabled,
}: TaskListProps & { enabled: boolean }) {
  const t = useTranslations('exports');
  const { anchor, virtualizer, items, before, after } = useRows(rows.length, enabled, 88);
  return (
    <div
      ref={(el) => {
        anchor.current = el;
      }}
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <table
        className="w-full min-w-[80rem] table-fixed text-left text-sm"
        data-testid="task-table"
        aria-busy={busy}
        aria-rowcount={rows.length + 1}
      >
        <caption className="sr-only">{t('columns.caption', { region })}</caption>
        <TableHead sort={sort} onSort={onSort} />
        <tbody>
          {before > 0 ? (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row standing for the rows above the screen.
            <tr aria-hidden="true">
              <td colSpan={8} style={{ height: before, padding: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const task = rows[item.index];
            if (!task) return null;
            return (
              <TaskRow
                key={rowKey(task, changed, version)}
                task={task}
                index={item.index}
                // Only active rows tick; finished rows keep their props and skip rendering.
                now={isActiveStatus(task.status) ? now : null}
                highlight={changed.has(task.taskId)}
                canCancel={canCancel}
                onCancel={onCancel}
                measureRef={virtualizer.measureElement}
              />
            );
          })}
          {after > 0 ? (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row standing for the rows below the screen.
            <tr aria-hidden="true">
              <td colSpan={8} style={{ height: after, padding: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

function TaskCards({
  rows,
  region,
  now,
  changed,
  version,
  busy,
  canCancel,
  onCancel,
  enabled,
}: TaskListProps & { enabled: boolean }) {
  const t = useTranslations('exports');
  const { anchor, virtualizer, items, before, after } = useRows(rows.length, enabled, 230);
  return (
    <ul
      ref={(el) => {
        anchor.current = el;
      }}
      aria-label={t('columns.caption', { region })}
      aria-busy={busy}
      data-testid="task-cards"
      style={{ paddingTop: before, paddingBottom: after }}
    >
      {items.map((item) => {
        const task = rows[item.index];
        if (!task) return null;
        return (
          <TaskCard
            key={rowKey(task, changed, version)}
            task={task}
            index={item.index}
            total={rows.length}
            now={isActiveStatus(task.status) ? now : null}
            highlight={changed.has(task.taskId)}
            canCancel={canCancel}
            onCancel={onCancel}
            measureRef={virtualizer.measureElement}
          />
        );
      })}
    </ul>
  );
}
