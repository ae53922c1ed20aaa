import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { isLocale, isTimeZone, LOCALE_COOKIE, localeFromAcceptLanguage, TIME_ZONE_COOKIE } from './config';
import { loadMessages } from './messages';

// No locale in the URL: the language follows the user's choice (cookie) or the browser (Accept-Language).
export default getRequestConfig(async () => {
  const jar = await cookies();
  const chosen = jar.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen)
    ? chosen
    : localeFromAcceptLanguage((await headers()).get('accept-language'));
  const tz = jar.get(TIME_ZONE_COOKIE)?.value;
  return {
    locale,
    messages: await loadMessages(locale),
    // The browser reports its zone in a cookie (see TimeZoneSync); until then the server renders in UTC.
    timeZone: isTimeZone(tz) ? tz : 'UTC',
  };
});
