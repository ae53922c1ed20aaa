import type { Selection } from '@/lib/rules/types';

/** Small wording helpers for rules: each returns a message key (under `rules.`) and its values. */

export type Parts = { key: string; values: Record<string, string | number> };

/** A settle delay in minutes as "none", "45 min", "12 h" or "1 h 30 min" (key under `rules.settle`). */
export function settleParts(minutes: number): Parts {
  if (minutes <= 0) return { key: 'none', values: {} };
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return { key: 'minutes', values: { minutes: rest } };
  if (rest === 0) return { key: 'hours', values: { hours } };
  return { key: 'hoursMinutes', values: { hours, minutes: rest } };
}

/** What a rule selects, as a key under `rules.selects` with its values. */
export function selectionParts(selection: Selection, exclude: readonly string[]): Parts {
  const except = exclude.length;
  if ('names' in selection)
    return {
      key: 'names',
      values: { count: selection.names.length, first: selection.names[0] ?? '', except },
    };
  if ('prefix' in selection) return { key: 'prefix', values: { prefix: selection.prefix, except } };
  return { key: 'tag', values: { key: selection.tag.key, value: selection.tag.value, except } };
}
