'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { exclusiveEnd } from '@/lib/format/time';
import { useFormat } from '@/lib/format/use-format';

/**
 * A time range in the viewer's time zone, its end exclusive ("9:00 – 9:00" for a day, never "9:00 – 8:59");
 * hovering or focusing it shows the same range in UTC and AWS's epoch milliseconds (its `to` is inclusive).
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
        className="invisible absolute left-0 top-full z-20 mt-1 w-max max-w-xs rounded-md bg-slate-900 px-2 py-1 text-xs text-white opacity-0 shadow-lg transition-opacity group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100 dark:bg-slate-100 dark:text-slate-900"
      >
        <span className="block">{t('rangeUtc', { from: f.utc(from), to: f.utc(exclusiveEnd(to)) })}</span>
        <span className="block font-mono">{t('rangeEpoch', { from, to })}</span>
      </span>
    </span>
  );
}
