import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { appFormats, hourCycleFor } from '@/lib/format/formats';
import { isLocale, isTimeZone, LOCALE_COOKIE, localeFromAcceptLanguage, TIME_ZONE_COOKIE } from './config';
import { loadMessages } from './messages';

// No locale in the URL: the language follows the user's choice (cookie) or the browser (Accept-Language).
export default getRequestConfig(async () => {
  const jar = await cookies();
  const chosen = jar.get(LOCALE_COOKIE)?.value;
  const acceptLanguage = (await headers()).get('accept-language');
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage(acceptLanguage);
  const tz = jar.get(TIME_ZONE_COOKIE)?.value;
  return {
    locale,
    messages: await loadMessages(locale),
    // The browser reports its zone in a cookie (see TimeZoneSync); until then the server renders in UTC.
    timeZone: isTimeZone(tz) ? tz : 'UTC',
    // One set of date formats for every page (24 h in Japanese, the browser's own hour cycle in English).
    formats: appFormats(hourCycleFor(locale, acceptLanguage)),
    // A missing or broken message is never silent: the server log names it, and the page shows the key
    // itself (`namespace.key`), which the e2e walk of every page (e2e/i18n-no-raw-keys.spec.ts) fails on.
    onError(error) {
      console.error(`[i18n] ${locale}: ${error.code}: ${error.message}`);
    },
    getMessageFallback({ namespace, key }) {
      return [namespace, key].filter(Boolean).join('.');
    },
  };
});
