/**
 * Time helpers every page shares. AWS's `to` is inclusive (the last millisecond exported); people read a range
 * with an exclusive end ("9:00 – 10:00" is one hour), so every range Logport shows ends at `to + 1 ms`, in both
 * languages. The epoch figures next to it keep AWS's own `to`.
 */
export function exclusiveEnd(to: number): number {
  return to + 1;
}

/** UTC in ISO form without the milliseconds when they are zero, beside the viewer's local time. */
export function utcText(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
