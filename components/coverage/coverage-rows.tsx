'use client';

import { useTranslations } from 'next-intl';
import type { CoverageRow } from '@/lib/coverage/types';
import { CoverageRowItem } from './coverage-row';
import { useWindowRows } from './use-window-rows';

/** Every (rule, log group) row, at-risk ones first (the server's order), only those near the screen in the page. */
export function CoverageRows({
  rows,
  unit,
  from,
  end,
  selected,
  canAct,
  busy,
  onToggle,
  onSelectRow,
}: {
  rows: CoverageRow[];
  unit: 'day' | 'hour';
  from: number;
  end: number;
  selected: ReadonlySet<string>;
  canAct: boolean;
  busy: boolean;
  onToggle: (key: string) => void;
  onSelectRow: (row: CoverageRow) => void;
}) {
  const t = useTranslations('coverage');
  const { anchor, virtualizer, items, before, after } = useWindowRows(rows.length, 104);
  return (
    <ul
      ref={(el) => {
        anchor.current = el;
      }}
      aria-label={t('rowsLabel', { count: rows.length })}
      aria-busy={busy}
      data-testid="coverage-rows"
      data-count={rows.length}
      style={{ paddingTop: before, paddingBottom: after }}
    >
      {items.map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        return (
          <CoverageRowItem
            key={`${row.ruleId}:${row.logGroup}`}
            row={row}
            index={item.index}
            unit={unit}
            from={from}
            end={end}
            selected={selected}
            canAct={canAct}
            onToggle={onToggle}
            onSelectRow={onSelectRow}
            measureRef={virtualizer.measureElement}
          />
        );
      })}
    </ul>
  );
}
