import type { Formats } from 'next-intl';

/**
 * Logport's one set of date and time formats, used by server and client components alike (next-intl hands the
 * request's formats to the browser, so both render the same text). Japanese reads 24 h; English follows the
 * browser's own locale (Accept-Language): `en-US` 12 h, `en-GB` or a Japanese browser set to English 24 h.
 */
export type HourCycle = 'h12' | 'h23';

/** The browser's preferred locale tags from an Accept-Language header, best first. */
function preferredTags(acceptLanguage: string | null | undefined): string[] {
  if (!acceptLanguage) return [];
  return acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0 && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(entry.tag))
    .sort((a, b) => b.q - a.q)
    .map((entry) => entry.tag);
}

function cycleOf(tag: string): HourCycle {
  try {
    const cycle = new Intl.DateTimeFormat(tag, { hour: 'numeric' }).resolvedOptions().hourCycle;
    return cycle === 'h11' || cycle === 'h12' ? 'h12' : 'h23';
  } catch {
    return 'h12';
  }
}

/** 24 h in Japanese; in English the hour cycle of the browser's English locale (else its first locale). */
export function hourCycleFor(locale: string, acceptLanguage?: string | null): HourCycle {
  if (locale === 'ja') return 'h23';
  const tags = preferredTags(acceptLanguage);
  const tag = tags.find((t) => t.toLowerCase().startsWith('en')) ?? tags[0] ?? 'en-US';
  return cycleOf(tag);
}

/**
 * The named formats: `short` (to the minute, for ranges and lists), `medium` (to the second, for when something
 * happened), `full` (the details page), `date` (a day). Each carries the hour cycle, so no page picks its own.
 */
export function appFormats(hourCycle: HourCycle): Formats {
  return {
    dateTime: {
      short: {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        hourCycle,
      },
      medium: {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        second: '2-digit',
        hourCycle,
      },
      full: {
        weekday: 'long',
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        second: '2-digit',
        timeZoneName: 'short',
        hourCycle,
      },
      date: { year: 'numeric', month: 'short', day: 'numeric' },
    },
  };
}

export type DateStyle = 'short' | 'medium' | 'full' | 'date';
