import { describe, expect, it } from 'vitest';
import { blockedUntil, signinLimits, waitAfter } from './signin-limits';

describe('sign-in limits settings', () => {
  it('defaults to a wait from 5 failures and a 15-minute lock at 20', () => {
    const limits = signinLimits({});
    expect(limits).toMatchObject({ slowAfter: 5, lockAfter: 20, lockMs: 15 * 60_000 });
    expect([0, 4, 5, 6, 7, 19, 20, 25].map((n) => waitAfter(n, limits) / 1000)).toEqual([
      0, 0, 5, 10, 20, 300, 900, 900,
    ]);
  });

  it('reads LOGPORT_SIGNIN_* and ignores nonsense', () => {
    expect(
      signinLimits({
        LOGPORT_SIGNIN_SLOW_AFTER: '2',
        LOGPORT_SIGNIN_LOCK_AFTER: '4',
        LOGPORT_SIGNIN_LOCK_MINUTES: '1',
      }),
    ).toMatchObject({ slowAfter: 2, lockAfter: 4, lockMs: 60_000 });
    expect(signinLimits({ LOGPORT_SIGNIN_SLOW_AFTER: '-1', LOGPORT_SIGNIN_LOCK_AFTER: 'x' })).toMatchObject({
      slowAfter: 5,
      lockAfter: 20,
    });
    // A lock never comes before the slow-down.
    expect(signinLimits({ LOGPORT_SIGNIN_SLOW_AFTER: '10', LOGPORT_SIGNIN_LOCK_AFTER: '3' }).lockAfter).toBe(
      10,
    );
  });

  it('a counter quiet for a day no longer holds anyone', () => {
    const limits = signinLimits({});
    const row = { failures: 25, last_at: 1_000 };
    expect(blockedUntil(row, 2_000, limits)).toBe(1_000 + 15 * 60_000);
    expect(blockedUntil(row, 1_000 + 24 * 3_600_000, limits)).toBe(0);
  });
});
