'use client';

import { useSyncExternalStore } from 'react';

// Tailwind's `sm` breakpoint: tables from there up, cards below (a phone cannot fit a wide table).
const WIDE = '(min-width: 40rem)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(WIDE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/**
 * true: wide enough for a table, false: cards, null: not known yet (the server render and hydration show both
 * and let CSS pick, so a phone never sees the table flash first).
 */
export function useWide(): boolean | null {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(WIDE).matches,
    () => null,
  );
}

/** Class names for the table's and the cards' wrappers while `useWide` is (or is not yet) known. */
export function wideClasses(wide: boolean | null): { table: string; cards: string } {
  if (wide === null) return { table: 'hidden sm:block', cards: 'sm:hidden' };
  return wide ? { table: '', cards: 'hidden' } : { table: 'hidden', cards: '' };
}
