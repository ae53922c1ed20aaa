import type { createFormatter } from 'next-intl';
import { formatBytes } from './bytes';
import type { DateStyle } from './formats';
import { exclusiveEnd, utcText } from './time';

type Formatter = ReturnType<typeof createFormatter>;

export type AppFormat = {
  /**
   * A moment in the viewer's time zone (or `timeZone`), in one of the named styles; `auto` shows seconds
   * only when the moment is not on a whole minute.
   */
  dateTime(ms: number, style?: DateStyle | 'auto', timeZone?: string): string;
  /** An export's range `from`..`to` (AWS's inclusive `to`), shown with its exclusive end. */
  range(from: number, to: number, timeZone?: string): string;
  /** A range whose end is already exclusive (the wizard's). */
  span(start: number, end: number, timeZone?: string): string;
  bytes(bytes: number): string;
  utc(ms: number): string;
  locale: string;
};

/** Logport's formatting over next-intl's formatter (its formats carry the hour cycle: lib/format/formats). */
export function makeFormat(format: Formatter, locale: string): AppFormat {
  const zone = (timeZone?: string) => (timeZone ? { timeZone } : undefined);
  const span = (start: number, end: number, timeZone?: string) =>
    `${format.dateTime(start, 'short', zone(timeZone))} – ${format.dateTime(end, 'short', zone(timeZone))}`;
  return {
    dateTime: (ms, style = 'medium', timeZone) =>
      format.dateTime(
        ms,
        style === 'auto' ? (ms % 60_000 === 0 ? 'short' : 'medium') : style,
        zone(timeZone),
      ),
    range: (from, to, timeZone) => span(from, exclusiveEnd(to), timeZone),
    span,
    bytes: (bytes) => formatBytes(bytes, locale),
    utc: utcText,
    locale,
  };
}
