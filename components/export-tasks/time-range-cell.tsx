'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId } from 'react';
import { utcText } from './duration';

/**
 * A time range in the viewer's time zone; hovering or focusing it shows the same range in UTC and in the
 * epoch milliseconds AWS stores (what the CLI's --from/--to take).
 */
export function TimeRangeCell({ from, to }: { from: number; to: number }) {
  const t = useTranslations('exports');
  const format = useFormatter();
  const id = useId();
  const local = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <span className="group relative inline-block">
      <span
        // biome-ignore lint/a11y/noNoninteractiveTabindex: focus shows the UTC/epoch tooltip for keyboard users.
        tabIndex={0}
        aria-describedby={id}
        className="cursor-help underline decoration-dotted underline-offset-2"
      >
        {local(from)} – {local(to)}
      </span>
      <span
        id={id}
        role="tooltip"
        className="invisible absolute left-0 top-full z-20 mt-1 w-max max-w-xs rounded-md bg-slate-900 px-2 py-1 text-xs text-white opacity-0 shadow-lg transition-opacity group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100 dark:bg-slate-100 dark:text-slate-900"
      >
        <span className="block">{t('rangeUtc', { from: utcText(from), to: utcText(to) })}</span>
        <span className="block font-mono">{t('rangeEpoch', { from, to })}</span>
      </span>
    </span>
  );
}
