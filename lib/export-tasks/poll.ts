/**
 * The history's polling pace, shared by the server (which decides when every open tab should poll next)
 * and the browser (which falls back to it when the server did not say).
 */
export const POLL_BASE_MS = 3_000;
export const POLL_MAX_MS = 15_000;
export const POLL_BACKOFF = 1.5;

/** A few seconds, growing while polls change nothing, back to the base as soon as something changes. */
export function pollBackoffMs(unchanged: number): number {
  return Math.min(POLL_MAX_MS, Math.round(POLL_BASE_MS * POLL_BACKOFF ** unchanged));
}
