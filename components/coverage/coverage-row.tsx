'use client';

import { useTranslations } from 'next-intl';
import { memo } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { CoverageRow, Segment } from '@/lib/coverage/types';
import { useFormat } from '@/lib/format/use-format';
import { isFillable } from './gap-selection';
import { countUnit, rowCounts, windowsIn } from './row-summary';
import { Timeline } from './timeline';

/** One log group as one rule archives it: name, percent, retention, the timeline and its text summary. */
export const CoverageRowItem = memo(function CoverageRowItem({
  row,
  unit,
  from,
  end,
  selected,
  canAct,
  onToggle,
  onSelectRow,
  index,
  measureRef,
}: {
  row: CoverageRow;
  unit: 'day' | 'hour';
  from: number;
  end: number;
  selected: ReadonlySet<string>;
  canAct: boolean;
  onToggle: (key: string) => void;
  onSelectRow: (row: CoverageRow) => void;
  index: number;
  measureRef: (el: Element | null) => void;
}) {
  const t = useTranslations('coverage');
  const f = useFormat();
  const counts = rowCounts(row, unit);
  const u = countUnit(row.every, unit);
  const span = (s: Segment) => {
    if (u === 'hour') return f.span(s.start, s.end, row.timeZone);
    const a = f.dateTime(s.start, 'date', row.timeZone);
    const b = f.dateTime(s.end - 1, 'date', row.timeZone);
    return a === b ? a : `${a} – ${b}`;
  };
  const labelOf = (s: Segment) =>
    t(isFillable(s) && canAct ? 'barLabelFill' : 'barLabel', {
      state: t(`state.${s.state}`),
      range: span(s),
      count: t(`units.${u}`, { count: windowsIn(s, u) }),
    });
  const parts = [
    t('rowArchived', { archived: counts.archived, total: t(`units.${u}`, { count: counts.total }) }),
    counts.gap ? t('rowGaps', { count: counts.gap }) : null,
    counts.failed ? t('rowFailed', { count: counts.failed }) : null,
    counts.running ? t('rowRunning', { count: counts.running }) : null,
    counts.queued ? t('rowQueued', { count: counts.queued }) : null,
    counts['not-due'] ? t('rowNotDue', { count: counts['not-due'] }) : null,
    counts.expired ? t('rowExpired', { count: counts.expired }) : null,
  ].filter(Boolean);
  const fillable = counts.gap + counts.failed > 0;
  return (
    <li
      ref={measureRef}
      data-index={index}
      data-testid="coverage-row"
      data-group={row.logGroup}
      data-rule={row.ruleId}
      data-at-risk={row.atRisk > 0 ? 'true' : undefined}
      className={`border-t border-slate-200 px-3 py-2.5 first:border-t-0 dark:border-slate-800 ${row.atRisk > 0 ? 'bg-amber-50/60 dark:bg-amber-950/30' : ''}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
        <div className="min-w-0 flex-1">
          <h3 className="break-all font-mono text-sm font-medium">{row.logGroup}</h3>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {t('rowMeta', {
              rule: row.ruleName,
              retention:
                row.retentionDays === null
                  ? t('retentionNever')
                  : t('retention', { days: row.retentionDays }),
            })}
          </p>
        </div>
        <div className="flex items-center gap-2">
          {row.atRisk > 0 ? (
            <Badge tone="warning">
              <span aria-hidden="true">⚠</span>
              {t('atRiskBadge', { count: row.atRisk })}
            </Badge>
          ) : null}
          <span className="text-lg font-semibold tabular-nums" data-testid="coverage-percent">
            {row.percent === null
              ? t('percentNone')
              : t('percent', { value: Math.round(row.percent * 10) / 10 })}
          </span>
        </div>
      </div>
      <div className="mt-1.5">
        <Timeline
          row={row}
          from={from}
          end={end}
          selected={selected}
          canSelect={canAct}
          labelOf={labelOf}
          onToggle={onToggle}
        />
      </div>
      <div className="mt-1 flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <p className="text-xs text-slate-700 dark:text-slate-300" data-testid="coverage-summary">
          {parts.join(t('listSeparator'))}
        </p>
        {canAct && fillable ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => onSelectRow(row)}
            aria-label={t('selectRowLabel', { logGroup: row.logGroup, rule: row.ruleName })}
          >
            {t('selectRow')}
          </Button>
        ) : null}
      </div>
    </li>
  );
});
