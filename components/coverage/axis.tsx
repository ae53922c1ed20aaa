'use client';

import { useFormat } from '@/lib/format/use-format';
import { windowsBetween } from '@/lib/rules/windows';
import { place } from './timeline';

/** Unit boundaries (the viewer's midnights, or hours) between from and end, as percent of the axis. */
export function tickPositions(from: number, end: number, unit: 'day' | 'hour', timeZone: string): number[] {
  return windowsBetween(from, end, unit, timeZone, 2_000)
    .map((w) => place({ start: w.start, end: w.start }, from, end).left)
    .filter((x) => x > 0 && x < 100);
}

/**
 * The ticks every row's timeline reuses (`<use href="#cov-ticks">`: percentages resolve in each row's own
 * SVG), and the axis's first, middle and last moments above the rows.
 */
export function TimelineAxis({
  from,
  end,
  unit,
  timeZone,
}: {
  from: number;
  end: number;
  unit: 'day' | 'hour';
  timeZone: string;
}) {
  const f = useFormat();
  const ticks = tickPositions(from, end, unit, timeZone);
  const label = (ms: number) =>
    unit === 'hour' ? f.dateTime(ms, 'short', timeZone) : f.dateTime(ms, 'date', timeZone);
  return (
    <>
      <svg aria-hidden="true" width="0" height="0" className="absolute">
        <defs>
          <g id="cov-ticks" stroke="#ffffff" strokeOpacity="0.55" strokeWidth="1">
            {ticks.map((x) => (
              <line key={x} x1={`${x}%`} x2={`${x}%`} y1="0" y2="100%" />
            ))}
          </g>
        </defs>
      </svg>
      <div
        className="flex justify-between gap-2 px-3 text-xs text-slate-600 dark:text-slate-400"
        data-testid="coverage-axis"
      >
        <span>{label(from)}</span>
        <span className="hidden sm:inline">{label(from + (end - from) / 2)}</span>
        <span>{label(end - 1)}</span>
      </div>
    </>
  );
}
