'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { exclusiveEnd } from '@/lib/format/time';
import { useFormat } from '@/lib/format/use-format';

/**
 * A time range in the viewer's time zone, its end exclusive ("9:00 – 9:00" for a day, never "9:00 – 8:59");
 * hovering or focusing it shows the same range in UTC and AWS's epoch milliseconds (its `to` is inclusive).
 * The tooltip is out of the layout until shown (display, not visibility: a hidden box still widened a phone's
 * page) and opens leftwards from the cell's right edge, within the screen's width.
 */
export function TimeRangeCell({ from, to }: { from: number; to: number }) {
  const t = useTranslations('exports');
  const f = useFormat();
  const id = useId();
  return (
    <span className="group relative inline-block">
      <span
        // biome-ignore lint/a11y/noNoninteractiveTabindex: focus shows the UTC/epoch tooltip for keyboard users.
        tabIndex={0}
        aria-describedby={id}
        className="cursor-help underline decoration-dotted underline-offset-2"
      >
        {f.range(from, to)}
      </span>
      <span
        id={id}
        role="tooltip"
        className="absolute right-0 top-full z-20 mt-1 hidden w-max max-w-[min(20rem,calc(100vw-2rem))] rounded-md bg-slate-900 px-2 py-1 text-xs text-white shadow-lg group-focus-within:block group-hover:block dark:bg-slate-100 dark:text-slate-900"
      >
        <span className="block">{t('rangeUtc', { from: f.utc(from), to: f.utc(exclusiveEnd(to)) })}</span>
        <span className="block font-mono">{t('rangeEpoch', { from, to })}</span>
      </span>
    </span>
  );
}
