'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseView, type TableView, viewToSearch } from '@/lib/export-tasks/table-state';

/**
 * The table's view, read from and written to the address bar. Writing uses history.replaceState, which Next
 * folds into useSearchParams without a server round trip: filters over loaded rows apply at once, and the
 * server-side ones (status, task id) change the query key, so the list route is asked.
 */
export function useTableView(): [TableView, (next: Partial<TableView>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const view = useMemo(() => parseView(new URLSearchParams(params.toString())), [params]);
  const setView = useCallback(
    (next: Partial<TableView>) => {
      const merged = { ...parseView(new URLSearchParams(window.location.search)), ...next };
      window.history.replaceState(null, '', `${pathname}${viewToSearch(merged)}`);
    },
    [pathname],
  );
  return [view, setView];
}
