import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Failed sign-ins counted in the database (issue 14.2), on both engines (also in the `postgres` project).
process.env.LOGPORT_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'logport-signin-'));
const { beginAttempt, finishAttempt, failuresOf } = await import('./signin-guard');
const { signinLimits } = await import('./signin-limits');
const { listActivity } = await import('@/lib/audit');

const limits = signinLimits({});
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
let unique = 0;
/** A user name and an address no other test uses. */
function fresh() {
  unique += 1;
  return {
    user: `user-${unique}-${Math.random().toString(36).slice(2, 6)}`,
    address: `198.51.100.${unique}`,
  };
}

/** One wrong password at `now`: the wait it leaves (ms), or the refusal's wait when it was not even taken. */
async function fail(user: string, address: string, now: number) {
  const gate = await beginAttempt(user, address, now, limits);
  if (!gate.allowed) return { taken: false, wait: gate.retryAfterMs };
  const { retryAfterMs } = await finishAttempt(gate.keys, 'failure', now, limits);
  return { taken: true, wait: retryAfterMs };
}

describe('sign-in limits', () => {
  it('takes 4 failures at full speed, then waits 5 s after the 5th, twice as long after each next one', async () => {
    const { user, address } = fresh();
    let now = Date.now();
    for (let i = 1; i <= 4; i++) expect(await fail(user, address, now)).toEqual({ taken: true, wait: 0 });
    expect(await fail(user, address, now)).toEqual({ taken: true, wait: 5 * SECOND });
    // Too early: refused without counting, and told how long is left.
    expect(await fail(user, address, now + 1 * SECOND)).toEqual({ taken: false, wait: 4 * SECOND });
    expect(await failuresOf('user', user)).toBe(5);
    const waits: number[] = [];
    for (let i = 6; i <= 12; i++) {
      now += (waits.at(-1) ?? 5 * SECOND) + 1;
      const result = await fail(user, address, now);
      expect(result.taken).toBe(true);
      waits.push(result.wait);
    }
    expect(waits).toEqual([10, 20, 40, 80, 160, 300, 300].map((s) => s * SECOND));
  });

  it('locks for 15 minutes at 20 failures, records it, and the lock expires', async () => {
    const { user, address } = fresh();
    let now = Date.now();
    let wait = 0;
    for (let i = 1; i <= 20; i++) {
      now += wait + 1;
      const result = await fail(user, address, now);
      expect(result.taken, `attempt ${i}`).toBe(true);
      wait = result.wait;
    }
    expect(wait).toBe(15 * MINUTE);
    const locked = await listActivity({ action: 'auth.locked', text: user });
    expect(locked).toHaveLength(2); // the user name, and the address it came from
    expect(locked.map((e) => e.detail?.scope).sort()).toEqual(['address', 'user']);
    expect(locked[0]).toMatchObject({ actor: 'logport', role: 'system', outcome: 'ok' });

    const during = await beginAttempt(user, address, now + 14 * MINUTE, limits);
    expect(during).toMatchObject({ allowed: false, retryAfterMs: MINUTE });
    // After the lock: one more try is taken; a right password then clears the user name's counter.
    const after = await beginAttempt(user, address, now + 15 * MINUTE, limits);
    expect(after.allowed).toBe(true);
    await finishAttempt(after.keys, 'success', now + 15 * MINUTE, limits);
    expect(await failuresOf('user', user)).toBe(0);
    expect(await failuresOf('address', address)).toBe(20);
  });

  it('a failure after a lock has expired locks again at once', async () => {
    const { user, address } = fresh();
    let now = Date.now();
    let wait = 0;
    for (let i = 1; i <= 20; i++) {
      now += wait + 1;
      wait = (await fail(user, address, now)).wait;
    }
    now += 15 * MINUTE;
    expect(await fail(user, address, now)).toEqual({ taken: true, wait: 15 * MINUTE });
  });

  it('counts per user name and per address: either one waiting holds the attempt', async () => {
    const a = fresh();
    const b = fresh();
    const now = Date.now();
    for (let i = 1; i <= 5; i++) await fail(a.user, a.address, now);
    // The user name waits from any address…
    expect(await fail(a.user, b.address, now + SECOND)).toMatchObject({ taken: false });
    // …and the address waits for any user name (password spraying).
    expect(await fail(b.user, a.address, now + SECOND)).toMatchObject({ taken: false });
    // Neither touched: at full speed.
    expect(await fail(b.user, b.address, now + SECOND)).toEqual({ taken: true, wait: 0 });
  });

  it('an address trying many user names waits after 5, whatever the names', async () => {
    const { address } = fresh();
    const now = Date.now();
    for (let i = 1; i <= 4; i++) expect((await fail(fresh().user, address, now)).wait).toBe(0);
    expect((await fail(fresh().user, address, now)).wait).toBe(5 * SECOND);
    expect(await fail(fresh().user, address, now + SECOND)).toMatchObject({ taken: false });
  });

  it('a success clears the user name and takes its own count back from the address', async () => {
    const { user, address } = fresh();
    const now = Date.now();
    for (let i = 1; i <= 3; i++) await fail(user, address, now);
    const gate = await beginAttempt(user, address, now, limits);
    expect(gate.allowed).toBe(true);
    await finishAttempt(gate.keys, 'success', now, limits);
    expect(await failuresOf('user', user)).toBe(0);
    expect(await failuresOf('address', address)).toBe(3);
  });

  it('Logport’s own trouble (a broken users file) counts against nobody', async () => {
    const { user, address } = fresh();
    const gate = await beginAttempt(user, address, Date.now(), limits);
    await finishAttempt(gate.keys, 'error', Date.now(), limits);
    expect(await failuresOf('user', user)).toBe(0);
    expect(await failuresOf('address', address)).toBe(0);
  });

  it('user names are counted regardless of case and spaces', async () => {
    const { user, address } = fresh();
    const now = Date.now();
    await fail(user.toUpperCase(), address, now);
    await fail(`  ${user} `, address, now);
    expect(await failuresOf('user', user)).toBe(2);
  });

  it('takes attempts sent at once one after another: of 12, only 5 are checked', async () => {
    const { user } = fresh();
    const now = Date.now();
    // Different addresses: only the user name's counter holds them.
    const gates = await Promise.all(
      Array.from({ length: 12 }, (_, i) => beginAttempt(user, `203.0.113.${i + 1}`, now, limits)),
    );
    expect(gates.filter((g) => g.allowed)).toHaveLength(5);
    expect(await failuresOf('user', user)).toBe(5);
  });

  it('forgets a counter a day after its last failure', async () => {
    const { user, address } = fresh();
    const now = Date.now();
    for (let i = 1; i <= 5; i++) await fail(user, address, now);
    expect(await fail(user, address, now + 24 * 60 * MINUTE)).toEqual({ taken: true, wait: 0 });
    expect(await failuresOf('user', user)).toBe(1);
  });
});
