'use client';

import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';

/**
 * Rows rendered only while near the screen, the page itself scrolling: the export history's virtualiser
 * (components/export-tasks/task-list.tsx), same settings. With 1,000 log groups the page holds a few dozen
 * rows; the server and the first paint render the first rows of a tall window.
 */
export function useWindowRows(count: number, estimate: number) {
  const anchor = useRef<HTMLElement | null>(null);
  const [margin, setMargin] = useState(0);
  // Where the list starts on the page moves when the summary or filters above it change; measured each render.
  useLayoutEffect(() => {
    const el = anchor.current;
    if (!el) return;
    const top = Math.round(el.getBoundingClientRect().top + window.scrollY);
    if (top !== margin) setMargin(top);
  });
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => estimate,
    overscan: 5,
    scrollMargin: margin,
    initialRect: { width: 1280, height: 1200 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const before = first ? first.start - margin : 0;
  const after = last ? virtualizer.getTotalSize() - (last.end - margin) : 0;
  return { anchor, virtualizer, items, before: Math.max(0, before), after: Math.max(0, after) };
}
