/**
 * How repeated failed sign-ins are slowed down and then locked (issue 14.2), counted separately per user name
 * and per client address. After `slowAfter` failures in a row, the next attempt must wait (5 s, then twice as
 * long after each further failure, at most 5 minutes); after `lockAfter`, it must wait `lockMs` (15 minutes),
 * and each failure after that locks again. A counter is forgotten a day after its last failure; a successful
 * sign-in clears the user name's counter.
 */
export type SigninLimits = {
  slowAfter: number;
  lockAfter: number;
  firstDelayMs: number;
  maxDelayMs: number;
  lockMs: number;
  forgetMs: number;
};

const MINUTE = 60_000;

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isInteger(n) && n > 0 ? n : fallback;
}

export function signinLimits(env: Record<string, string | undefined> = process.env): SigninLimits {
  const slowAfter = positiveInt(env.LOGPORT_SIGNIN_SLOW_AFTER, 5);
  const lockAfter = Math.max(positiveInt(env.LOGPORT_SIGNIN_LOCK_AFTER, 20), slowAfter);
  return {
    slowAfter,
    lockAfter,
    firstDelayMs: 5_000,
    maxDelayMs: 5 * MINUTE,
    lockMs: positiveInt(env.LOGPORT_SIGNIN_LOCK_MINUTES, 15) * MINUTE,
    forgetMs: 24 * 60 * MINUTE,
  };
}

/** How long to wait after the `failures`-th failure in a row (0: no wait). */
export function waitAfter(failures: number, limits: SigninLimits): number {
  if (failures >= limits.lockAfter) return limits.lockMs;
  if (failures < limits.slowAfter) return 0;
  return Math.min(limits.firstDelayMs * 2 ** (failures - limits.slowAfter), limits.maxDelayMs);
}

/** The failures that still count at `now` (a counter quiet for a day starts again). */
export function liveFailures(row: { failures: number; last_at: number }, now: number, limits: SigninLimits) {
  return now - row.last_at >= limits.forgetMs ? 0 : row.failures;
}

/** The time before which no attempt is taken for this counter (0: now). */
export function blockedUntil(
  row: { failures: number; last_at: number },
  now: number,
  limits: SigninLimits,
): number {
  const failures = liveFailures(row, now, limits);
  const wait = waitAfter(failures, limits);
  return wait > 0 ? row.last_at + wait : 0;
}
