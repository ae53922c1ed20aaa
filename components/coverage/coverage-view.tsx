'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTimeZone, useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { UpdatedAgo } from '@/components/export-tasks/updated-ago';
import { useScope } from '@/components/shell/scope-context';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import type { CoverageOverview, CoverageRow } from '@/lib/coverage/types';
import { TimelineAxis } from './axis';
import { CoverageFilters, type RuleOption } from './coverage-filters';
import { CoverageLegend } from './coverage-legend';
import { CoverageRows } from './coverage-rows';
import { CoverageSummary } from './coverage-summary';
import { FillGaps } from './fill-gaps';
import { barKey, fillableKeys, isFillable, selectedItems, stillSelected } from './gap-selection';
import { CoverageLoadError, overviewOptions } from './queries';
import { isMoving } from './row-summary';
import { TimelinePatterns } from './timeline-patterns';
import { useCoverageView } from './use-coverage-view';
import { apiSearch, resolveRange } from './view-params';

/**
 * /coverage: totals and capacity, filters in the URL, the legend, and a timeline per (rule, log group), at-risk
 * rows first. Rendered on the server for the first view, then polled while anything is queued or running.
 * Operators select gap and failed bars and fill them.
 */
export function CoverageView({
  region,
  initial,
  initialSearch,
  serverNow,
  rules,
  canAct,
  canAdmin,
}: {
  region: string;
  initial: CoverageOverview;
  /** The overview API's query for the view the server rendered (its answer is `initial`). */
  initialSearch: string;
  serverNow: number;
  rules: RuleOption[];
  canAct: boolean;
  canAdmin: boolean;
}) {
  const t = useTranslations('coverage');
  const te = useTranslations('errors');
  const zone = useTimeZone() ?? 'UTC';
  const [view, setView] = useCoverageView();
  // The 90-day view counts from an hour mark: the server's clock until the page has hydrated.
  const [now, setNow] = useState(serverNow);
  useEffect(() => setNow(Date.now()), []);
  const range = useMemo(() => resolveRange(view, now, zone), [view, now, zone]);
  const { account } = useScope();
  const search = range.ok ? apiSearch({ account, region }, view, range) : null;
  const query = useQuery({
    ...overviewOptions(search ?? initialSearch),
    enabled: search !== null,
    placeholderData: keepPreviousData,
    ...(search === initialSearch || search === null
      ? { initialData: initial, initialDataUpdatedAt: serverNow }
      : {}),
  });
  const data = query.data ?? initial;
  const rows = data.rows;
  const end = data.to + 1;
  // Before the rules' first window there is nothing to draw: the axis starts there (bars stay readable on a
  // phone when a rule is younger than the range).
  const from = useMemo(() => {
    const first = data.rows.reduce(
      (m, r) => Math.min(m, r.segments[0]?.start ?? m),
      Number.POSITIVE_INFINITY,
    );
    return Number.isFinite(first) ? Math.min(Math.max(data.from, first), end - 1) : data.from;
  }, [data, end]);

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // A refresh may have filled or queued bars that were selected: they leave the selection.
  useEffect(() => {
    setSelected((prev) => {
      if (prev.size === 0) return prev;
      const live = stillSelected(rows, prev);
      return live.size === prev.size ? prev : live;
    });
  }, [rows]);
  const toggle = useCallback((key: string) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);
  const selectRow = useCallback((row: CoverageRow) => {
    setSelected((prev) => {
      const keys = row.segments.filter(isFillable).map((s) => barKey(row, s));
      const all = keys.every((k) => prev.has(k));
      const next = new Set(prev);
      for (const k of keys) {
        if (all) next.delete(k);
        else next.add(k);
      }
      return next;
    });
  }, []);
  const fillable = useMemo(() => fillableKeys(rows), [rows]);
  const moving = isMoving(rows);

  return (
    <div className="space-y-4" data-testid="coverage-view" data-moving={moving ? 'true' : 'false'}>
      <TimelinePatterns />
      {rules.length === 0 ? (
        <div
          className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700"
          data-testid="coverage-no-rules"
        >
          <p className="font-medium">{t('noRules', { region })}</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t('noRulesWhy')}</p>
          <Link href={canAdmin ? '/rules/new' : '/rules'} className={buttonClass('primary', 'md', 'mt-3')}>
            {canAdmin ? t('newRule') : t('toRules')}
          </Link>
        </div>
      ) : (
        <>
          <CoverageSummary overview={data} />
          <CoverageFilters
            view={view}
            onChange={setView}
            rules={rules}
            problem={range.ok ? null : range.problem}
          />
          <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-400">
            <UpdatedAgo at={query.dataUpdatedAt || serverNow} />
            <span data-testid="coverage-live">{moving ? t('liveMoving') : t('liveIdle')}</span>
          </div>
          {query.error ? (
            <Alert tone="warning">
              {t('loadFailed', {
                reason: te(
                  query.error instanceof CoverageLoadError && te.has(query.error.code)
                    ? query.error.code
                    : 'internal',
                ),
              })}
            </Alert>
          ) : null}
          {!canAct ? <p className="text-sm text-slate-600 dark:text-slate-400">{t('viewerNote')}</p> : null}
          <CoverageLegend />
          {canAct ? (
            <FillGaps
              scope={{ account, region }}
              selectedBars={selected.size}
              fillableBars={fillable.length}
              items={() => selectedItems(rows, selected)}
              onSelectAll={() => setSelected(new Set(fillable))}
              onClear={() => setSelected(new Set())}
            />
          ) : null}
          {rows.length === 0 ? (
            <p
              className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400"
              data-testid="coverage-no-rows"
            >
              {view.rule || view.state || view.q ? t('noRowsFiltered') : t('noRows')}
            </p>
          ) : (
            <section
              aria-labelledby="coverage-rows-heading"
              className="rounded-lg border border-slate-200 bg-white py-2 dark:border-slate-800 dark:bg-slate-900"
            >
              <h2 id="coverage-rows-heading" className="px-3 text-sm font-semibold">
                {t('rowsHeading', { count: rows.length })}
              </h2>
              <TimelineAxis from={from} end={end} unit={data.unit} timeZone={zone} />
              <CoverageRows
                rows={rows}
                unit={data.unit}
                from={from}
                end={end}
                selected={selected}
                canAct={canAct}
                busy={query.isFetching}
                onToggle={toggle}
                onSelectRow={selectRow}
              />
            </section>
          )}
        </>
      )}
    </div>
  );
}
