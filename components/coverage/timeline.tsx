'use client';

import { memo } from 'react';
import type { CoverageRow, Segment } from '@/lib/coverage/types';
import { barKey, isFillable } from './gap-selection';
import { fillOf } from './state-style';

/** Where a bar sits on the axis [from, end): left and width in percent, clipped to the axis. */
export function place(
  s: Pick<Segment, 'start' | 'end'>,
  from: number,
  end: number,
): { left: number; width: number } {
  const span = Math.max(1, end - from);
  const a = Math.min(Math.max(s.start, from), end);
  const b = Math.min(Math.max(s.end, from), end);
  return { left: ((a - from) / span) * 100, width: ((b - a) / span) * 100 };
}

/**
 * One row's windows as an SVG bar (a fill per state, the unit ticks drawn once for the page and reused), and,
 * for operators, a button over each gap or failed bar to select it: keyboard and screen readers reach the bars
 * that can be acted on, and the row's text summary says the rest.
 */
export const Timeline = memo(function Timeline({
  row,
  from,
  end,
  selected,
  canSelect,
  labelOf,
  onToggle,
}: {
  row: CoverageRow;
  from: number;
  /** The axis end, exclusive. */
  end: number;
  selected: ReadonlySet<string>;
  canSelect: boolean;
  labelOf: (s: Segment) => string;
  onToggle: (key: string) => void;
}) {
  return (
    <div className="relative h-6" data-testid="coverage-timeline">
      <svg className="block h-6 w-full text-white dark:text-slate-900" aria-hidden="true">
        {/* The empty track: before the rule's first window (or its group's creation) there is nothing to show. */}
        <rect width="100%" height="100%" className="fill-slate-100 dark:fill-slate-800" />
        {row.segments.map((s) => {
          const p = place(s, from, end);
          if (p.width <= 0) return null;
          const on = selected.has(barKey(row, s));
          return (
            <rect
              key={s.start}
              x={`${p.left}%`}
              width={`${p.width}%`}
              y="0"
              height="100%"
              fill={fillOf(s.state)}
              stroke="currentColor"
              strokeWidth="1"
              data-state={s.state}
              className={on ? 'opacity-60' : undefined}
            >
              <title>{labelOf(s)}</title>
            </rect>
          );
        })}
        <use href="#cov-ticks" />
      </svg>
      {canSelect
        ? row.segments.filter(isFillable).map((s) => {
            const p = place(s, from, end);
            if (p.width <= 0) return null;
            const key = barKey(row, s);
            const on = selected.has(key);
            const label = labelOf(s);
            return (
              <button
                key={key}
                type="button"
                aria-pressed={on}
                aria-label={label}
                title={label}
                data-testid="coverage-bar"
                data-state={s.state}
                onClick={() => onToggle(key)}
                style={{ left: `${p.left}%`, width: `${p.width}%` }}
                className="absolute inset-y-0 min-w-2 rounded-[2px] hover:bg-slate-900/15 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 aria-pressed:outline-2 aria-pressed:outline-offset-1 aria-pressed:outline-brand-700 aria-pressed:bg-brand-700/25 dark:aria-pressed:outline-brand-100"
              />
            );
          })
        : null}
    </div>
  );
});
