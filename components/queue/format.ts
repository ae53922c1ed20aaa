/** A time-left figure as a message key under `queue.` and its values; rounded up so "0 s" never shows. */
export function durationParts(ms: number): {
  key: 'durationSeconds' | 'durationMinutes' | 'durationHours';
  values: Record<string, number>;
} {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return { key: 'durationSeconds', values: { seconds } };
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return { key: 'durationMinutes', values: { minutes } };
  return { key: 'durationHours', values: { hours: Math.floor(minutes / 60), minutes: minutes % 60 } };
}

/** Progress of a batch: done = completed; failed and cancelled are counted apart, never as done. */
export function batchProgress(states: readonly string[]) {
  const count = (s: string) => states.filter((x) => x === s).length;
  return {
    total: states.length,
    done: count('completed'),
    failed: count('failed'),
    cancelled: count('cancelled'),
    open: count('queued') + count('submitting') + count('running'),
  };
}

/**
 * What "Cancel batch" would cancel: jobs that never reached AWS (cancelled at once) and jobs that may have a
 * task in AWS (submitting, running, or queued after an interrupted submission: stopped in AWS). Jobs whose
 * cancellation is already requested are not counted again.
 */
export function cancellableOf(
  jobs: ReadonlyArray<{ state: string; intentAt: number | null; cancelRequested: boolean }>,
) {
  const open = jobs.filter(
    (j) => !j.cancelRequested && (j.state === 'queued' || j.state === 'submitting' || j.state === 'running'),
  );
  const queued = open.filter((j) => j.state === 'queued' && j.intentAt === null).length;
  return { total: open.length, queued, inAws: open.length - queued };
}
