'use client';

import { useFormatter, useLocale } from 'next-intl';
import { useMemo } from 'react';
import { type AppFormat, makeFormat } from './make-format';

/** The one way client components format times and sizes (see lib/format). */
export function useFormat(): AppFormat {
  const format = useFormatter();
  const locale = useLocale();
  return useMemo(() => makeFormat(format, locale), [format, locale]);
}
