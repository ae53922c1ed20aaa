/**
 * Time left for the queue, from how long recent exports took. The median, not the mean: one export of a
 * huge range should not make every estimate jump. Null until at least one export has finished.
 */
export function estimateRemainingMs(input: {
  /** Durations (ms) of recently completed jobs, from submission to completion. */
  recentDurations: number[];
  /** Jobs waiting to be submitted (queued or submitting). */
  waiting: number;
  /** How long the running job has been running (ms), or null when none runs. */
  runningElapsedMs: number | null;
}): number | null {
  const durations = input.recentDurations.filter((d) => Number.isFinite(d) && d >= 0);
  if (durations.length === 0) return null;
  const typical = median(durations);
  const running = input.runningElapsedMs === null ? 0 : Math.max(0, typical - input.runningElapsedMs);
  return Math.round(input.waiting * typical + running);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (i: number) => sorted[i] ?? 0;
  return sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}
