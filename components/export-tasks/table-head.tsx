'use client';

import { useTranslations } from 'next-intl';
import { nextSort, type Sort } from '@/lib/export-tasks/table-state';

/** Column headers; Created and Time range sort (over loaded rows) and say their order to screen readers. */
export function TableHead({ sort, onSort }: { sort: Sort; onSort: (sort: Sort) => void }) {
  const t = useTranslations('exports.columns');
  const th = 'whitespace-nowrap px-3 py-2 font-semibold text-slate-700 dark:text-slate-200';
  const sortable = (column: 'created' | 'range', label: string) => {
    const active = sort.startsWith(column);
    const ascending = sort.endsWith('-asc');
    return (
      <th scope="col" className={th} aria-sort={active ? (ascending ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          onClick={() => onSort(nextSort(sort, column))}
          className="inline-flex items-center gap-1 rounded hover:underline"
          data-testid={`sort-${column}`}
        >
          {label}
          <span aria-hidden="true" className={active ? '' : 'opacity-30'}>
            {active && ascending ? '▲' : '▼'}
          </span>
          {active ? (
            <span className="sr-only">({ascending ? t('sortAscending') : t('sortDescending')})</span>
          ) : null}
        </button>
      </th>
    );
  };
  return (
    <>
      {/* Fixed column widths: with thousands of rows loaded, the browser lays out a new page of rows without
          measuring every row again, as automatic table layout would on each Load more. */}
      <colgroup>
        <col className="w-[8.5rem]" />
        <col className="w-[12rem]" />
        <col className="w-[11rem]" />
        <col className="w-[11rem]" />
        <col className="w-[11rem]" />
        <col className="w-[9rem]" />
        <col className="w-[9rem]" />
        <col className="w-[8rem]" />
      </colgroup>
      <thead className="bg-slate-50 dark:bg-slate-800/60">
        <tr aria-rowindex={1}>
          <th scope="col" className={th}>
            {t('status')}
          </th>
          <th scope="col" className={th}>
            {t('task')}
          </th>
          <th scope="col" className={th}>
            {t('logGroup')}
          </th>
          {sortable('range', t('range'))}
          <th scope="col" className={th}>
            {t('destination')}
          </th>
          {sortable('created', t('created'))}
          <th scope="col" className={th}>
            {t('finished')}
          </th>
          <th scope="col" className={th}>
            {t('actions')}
          </th>
        </tr>
      </thead>
    </>
  );
}
