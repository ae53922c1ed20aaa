'use client';

import { useRouter } from 'next/navigation';
import { useTimeZone } from 'next-intl';
import { useEffect } from 'react';
import { setPreferenceCookie } from '@/lib/client-cookie';
import { TIME_ZONE_COOKIE } from '@/lib/i18n/config';

/** Tells the server the browser's time zone once, so server-rendered dates match what the viewer expects. */
export function TimeZoneSync() {
  const serverZone = useTimeZone();
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // Refresh at most once per tab, so a zone the server cannot use never causes a refresh loop.
    if (zone && zone !== serverZone && sessionStorage.getItem('logport-tz-synced') !== zone) {
      sessionStorage.setItem('logport-tz-synced', zone);
      setPreferenceCookie(TIME_ZONE_COOKIE, zone);
      router.refresh();
    }
  }, [serverZone, router]);
  return null;
}
