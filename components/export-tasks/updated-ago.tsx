'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/** "Updated N seconds ago", ticking each second; not announced (it would talk every second). */
export function UpdatedAgo({ at }: { at: number }) {
  const t = useTranslations('common');
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  // Rendered as "just now" on the server and first paint, so server and browser agree.
  const seconds = now === null || at === 0 ? 0 : Math.max(0, Math.floor((now - at) / 1000));
  return (
    <span className="text-sm text-slate-600 tabular-nums dark:text-slate-400" data-testid="updated-ago">
      {t('updatedAgo', { seconds })}
    </span>
  );
}
