import 'server-only';
import { getFormatter, getLocale } from 'next-intl/server';
import { type AppFormat, makeFormat } from './make-format';

/** The one way server components format times and sizes (see lib/format). */
export async function getFormat(): Promise<AppFormat> {
  const [format, locale] = await Promise.all([getFormatter(), getLocale()]);
  return makeFormat(format, locale);
}
