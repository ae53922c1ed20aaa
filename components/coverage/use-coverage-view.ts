'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { type CoverageView, parseView, viewToSearch } from './view-params';

/**
 * The page's view, read from and written to the address bar (history.replaceState, which Next folds into
 * useSearchParams without a server round trip): the new view's query key asks the overview route.
 */
export function useCoverageView(): [CoverageView, (next: Partial<CoverageView>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const view = useMemo(() => parseView(new URLSearchParams(params.toString())), [params]);
  const setView = useCallback(
    (next: Partial<CoverageView>) => {
      const merged = { ...parseView(new URLSearchParams(window.location.search)), ...next };
      window.history.replaceState(null, '', `${pathname}${viewToSearch(merged)}`);
    },
    [pathname],
  );
  return [view, setView];
}
