/** Time ranges with both ends inclusive, like CreateExportTask's `from` and `to`. */
export type Interval = { from: number; to: number };

/**
 * True when the intervals together cover every millisecond of [from, to] (inclusive). Several exports may
 * cover a window between them: 24 hourly exports of a day, or an export split in two by a rule edit.
 */
export function covers(intervals: readonly Interval[], from: number, to: number): boolean {
  if (from > to) return true;
  const sorted = intervals.filter((i) => i.to >= from && i.from <= to).sort((a, b) => a.from - b.from);
  let next = from; // the first millisecond not yet covered
  for (const i of sorted) {
    if (i.from > next) return false;
    if (i.to >= next) next = i.to + 1;
    if (next > to) return true;
  }
  return false;
}

/** True when some interval shares at least one millisecond with [from, to]. */
export function overlapsAny(intervals: readonly Interval[], from: number, to: number): boolean {
  return intervals.some((i) => i.from <= to && i.to >= from);
}
