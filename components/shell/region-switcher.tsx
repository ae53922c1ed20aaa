'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { setPreferenceCookie } from '@/lib/client-cookie';

// Must match REGION_COOKIE in lib/aws/regions.ts (server-only, so not importable here). The server
// checks the value against LOGPORT_REGIONS on every read, so the cookie is only a preference.
const REGION_COOKIE = 'logport-region';

export function RegionSwitcher({ regions, region }: { regions: string[]; region: string }) {
  const t = useTranslations('shell');
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-1.5">
      <span className="text-slate-600 dark:text-slate-300">{t('region')}</span>
      <select
        value={region}
        disabled={pending || regions.length < 2}
        title={t('regionHelp')}
        data-testid="region-switcher"
        onChange={(e) => {
          setPreferenceCookie(REGION_COOKIE, e.target.value);
          startTransition(() => {
            queryClient.clear();
            router.refresh();
          });
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm disabled:opacity-80 dark:border-slate-600 dark:bg-slate-800"
      >
        {regions.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </label>
  );
}
