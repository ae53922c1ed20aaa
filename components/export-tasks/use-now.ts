'use client';

import { useEffect, useState } from 'react';

/** The current time, ticking; null until mounted so server and browser render the same first HTML. */
export function useNow(everyMs = 1_000, enabled = true): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    if (!enabled) return;
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs, enabled]);
  return now;
}
