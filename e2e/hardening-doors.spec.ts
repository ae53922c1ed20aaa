import { readFileSync } from 'node:fs';
import { type APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test';
import { apiSignIn, apiSignOut, sessionCookies } from './support/api-session';
import { type Door, findDoors, isPublic, isWrite, type Role } from './support/doors';
import { E2E } from './support/env';
import { actionResult, findServerAction } from './support/server-actions';
import { bearer, expireToken, makeToken, revokeMadeToken } from './support/tokens';

const ORDER: Role[] = ['viewer', 'operator', 'admin'];
const doors = findDoors();

/** Counts of every CloudWatch Logs and S3 call the emulator has seen (STS identity lookups excluded). */
async function awsCalls(): Promise<number> {
  const stats = (await (await fetch(`${E2E.emulatorUrl}/_emulator/stats`)).json()) as Record<string, number>;
  return Object.entries(stats)
    .filter(([op]) => op.startsWith('logs:') || op.startsWith('s3:'))
    .reduce((sum, [, n]) => sum + n, 0);
}

async function contextFor(role: Role | 'anonymous'): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: E2E.appUrl,
    storageState: role === 'anonymous' ? undefined : E2E.storageState(role),
  });
}

const FOREIGN = 'https://evil.example';
/** Larger than any body Logport takes, and than the 20 MB preflight accepted before issue 14. */
const OVERSIZED_BYTES = 21 * 1024 * 1024;

function errorOf(text: string): string | null {
  try {
    return (JSON.parse(text) as { error?: string }).error ?? null;
  } catch {
    return null;
  }
}

/**
 * An oversized body with its Content-Length. The server may answer 413 and close before the client has written
 * it all: the client then sees EPIPE instead of the answer, so it is sent again (at most three times).
 */
async function sendOversized(ctx: APIRequestContext, door: Door, headers: Record<string, string>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.fetch(door.path ?? '/', {
        method: door.name,
        headers,
        data: Buffer.alloc(OVERSIZED_BYTES, 'a'),
        failOnStatusCode: false,
        maxRedirects: 0,
      });
    } catch (err) {
      if (attempt >= 3 || !/EPIPE|ECONNRESET/.test(String(err))) throw err;
    }
  }
}

/** Calls a door as a caller, from a Logport page unless `origin` says otherwise; returns how it answered. */
async function knock(
  ctx: APIRequestContext,
  door: Door,
  origin: string | null = E2E.appUrl,
  extra: Record<string, string> = {},
): Promise<{ status: number; error: string | null }> {
  if (door.kind === 'route') {
    const res = await ctx.fetch(door.path ?? '/', {
      method: door.name,
      headers: { ...(origin ? { Origin: origin } : {}), ...extra },
      failOnStatusCode: false,
      maxRedirects: 0,
    });
    return { status: res.status(), error: errorOf(await res.text()) };
  }
  const ref = findServerAction(door.file, door.name);
  const res = await ctx.post(ref.page, {
    headers: {
      'Next-Action': ref.id,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      ...(origin ? { Origin: origin } : {}),
      ...extra,
    },
    data: JSON.stringify([{}]),
    failOnStatusCode: false,
    maxRedirects: 0,
  });
  const text = await res.text();
  const result = actionResult(text);
  // An action's own refusal is in its result; the proxy's (Origin, size) is plain JSON.
  return { status: res.status(), error: typeof result?.error === 'string' ? result.error : errorOf(text) };
}

test.describe('every door is locked', () => {
  test('the source has doors to check (actions and routes)', () => {
    expect(doors.filter((d) => d.kind === 'action').length).toBeGreaterThan(0);
    expect(doors.filter((d) => d.kind === 'route').length).toBeGreaterThan(2);
  });

  test('every action and route handler calls requireRole before anything else', () => {
    const unchecked = doors.filter((d) => !isPublic(d) && (d.role === null || !d.checkedFirst));
    expect(unchecked.map((d) => `${d.file} ${d.name}`)).toEqual([]);
  });

  test('anonymous, viewer and operator are refused where their role is too low, and AWS is never touched', async () => {
    const before = await awsCalls();
    const failures: string[] = [];
    for (const caller of ['anonymous', ...ORDER] as const) {
      const ctx = await contextFor(caller);
      for (const door of doors) {
        if (isPublic(door) || !door.role) continue;
        const allowed = caller !== 'anonymous' && ORDER.indexOf(caller) >= ORDER.indexOf(door.role);
        if (allowed) continue;
        const { status, error } = await knock(ctx, door);
        const label = `${caller} → ${door.kind} ${door.file} ${door.name}`;
        if (door.kind === 'route') {
          const expected = caller === 'anonymous' ? 401 : 403;
          if (status !== expected) failures.push(`${label}: HTTP ${status}, expected ${expected}`);
        } else if (caller === 'anonymous') {
          // The proxy sends anonymous page POSTs to sign-in before any action runs; an action reached anyway must refuse.
          const refused = (status >= 300 && status < 400) || error === 'unauthenticated';
          if (!refused) failures.push(`${label}: HTTP ${status}, error ${error}`);
        } else if (error !== 'forbidden') {
          failures.push(`${label}: HTTP ${status}, error ${error}, expected forbidden`);
        }
      }
      await ctx.dispose();
    }
    expect(failures).toEqual([]);
    expect(await awsCalls()).toBe(before);
  });

  test('a revoked session (signed out, its cookie replayed) is refused by every action and route, and AWS is never touched', async () => {
    // An admin's session: whatever refuses it, it is not the role.
    const live = await playwrightRequest.newContext({ baseURL: E2E.appUrl });
    expect((await apiSignIn(live, 'admin')).status()).toBe(200);
    expect((await live.get('/api/identity')).status()).toBe(200);
    const cookies = await sessionCookies(live);
    expect(cookies.length).toBeGreaterThan(0);
    await apiSignOut(live);
    await live.dispose();
    const ctx = await playwrightRequest.newContext({
      baseURL: E2E.appUrl,
      storageState: { cookies, origins: [] },
    });
    const before = await awsCalls();
    const failures: string[] = [];
    let knocked = 0;
    for (const door of doors) {
      if (isPublic(door) || !door.role) continue;
      knocked += 1;
      const { status, error } = await knock(ctx, door);
      const label = `revoked admin session → ${door.kind} ${door.file} ${door.name}`;
      if (door.kind === 'route') {
        if (status !== 401 || error !== 'unauthenticated')
          failures.push(`${label}: HTTP ${status} ${error}, expected 401 unauthenticated`);
      } else {
        // The proxy sends a page POST with an ended session to sign-in; an action reached anyway must refuse.
        const refused = (status >= 300 && status < 400) || error === 'unauthenticated';
        if (!refused) failures.push(`${label}: HTTP ${status}, error ${error}`);
      }
    }
    expect(knocked).toBeGreaterThan(5);
    expect(failures).toEqual([]);
    expect(await awsCalls()).toBe(before);
    await ctx.dispose();
  });

  test('every route handler that is not a plain GET calls the write guard before anything else', () => {
    const writes = doors.filter(isWrite);
    expect(writes.length, 'non-GET route handlers found in the source').toBeGreaterThan(0);
    expect(writes.filter((d) => !d.guarded).map((d) => `${d.file} ${d.name}`)).toEqual([]);
  });

  test('every non-GET route and every action refuses a foreign Origin (or none), and AWS is never touched', async () => {
    const before = await awsCalls();
    const failures: string[] = [];
    for (const caller of ['admin', 'anonymous'] as const) {
      const ctx = await contextFor(caller);
      for (const door of doors) {
        if (door.kind === 'route' && !isWrite(door)) continue;
        // Routes refuse in their guard, actions in the proxy (Next's own check lets a missing Origin through).
        for (const origin of [FOREIGN, 'null', null]) {
          const { status, error } = await knock(ctx, door, origin);
          const label = `${caller} → ${door.kind} ${door.file} ${door.name} from ${origin ?? 'no Origin'}`;
          if (status !== 403 || error !== 'crossOrigin')
            failures.push(`${label}: HTTP ${status} ${error}, expected 403 crossOrigin`);
        }
      }
      await ctx.dispose();
    }
    expect(failures).toEqual([]);
    expect(await awsCalls()).toBe(before);
  });

  test('every non-GET route refuses an oversized body with 413, announced or streamed', async () => {
    const ctx = await contextFor('admin');
    const cookie = (
      JSON.parse(readFileSync(E2E.storageState('admin'), 'utf8')) as {
        cookies: Array<{ name: string; value: string }>;
      }
    ).cookies
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    const before = await awsCalls();
    const failures: string[] = [];
    for (const door of doors.filter(isWrite)) {
      const label = `${door.file} ${door.name}`;
      for (const type of ['application/json', 'application/x-www-form-urlencoded']) {
        const res = await sendOversized(ctx, door, { Origin: E2E.appUrl, 'Content-Type': type });
        const error = errorOf(await res.text());
        if (res.status() !== 413 || error !== 'payloadTooLarge')
          failures.push(`${label} (${type}, Content-Length): HTTP ${res.status()} ${error}`);
      }
      // No Content-Length (chunked): the handler must stop reading at its limit, not buffer 21 MB.
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= OVERSIZED_BYTES) return controller.close();
          sent += 64 * 1024;
          controller.enqueue(new Uint8Array(64 * 1024).fill(97));
        },
      });
      const res = await fetch(`${E2E.appUrl}${door.path ?? '/'}`, {
        method: door.name,
        headers: { Origin: E2E.appUrl, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
        body: stream,
        duplex: 'half',
      } as RequestInit).catch((err: unknown) => err as Error);
      if (res instanceof Error) failures.push(`${label} (chunked): ${res.message}`);
      else {
        const error = errorOf(await res.text());
        if (res.status !== 413 || error !== 'payloadTooLarge')
          failures.push(`${label} (chunked): HTTP ${res.status} ${error}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await awsCalls()).toBe(before);
    await ctx.dispose();
  });

  test('a server action with an oversized body is refused with 413 and changes nothing', async () => {
    const action = doors.find((d) => d.kind === 'action' && d.role === 'operator');
    test.skip(!action, 'no operator action in this build');
    if (!action) return;
    const ref = findServerAction(action.file, action.name);
    const ctx = await contextFor('admin');
    const before = await awsCalls();
    const res = await ctx.post(ref.page, {
      headers: {
        'Next-Action': ref.id,
        'Content-Type': 'text/plain;charset=UTF-8',
        Accept: 'text/x-component',
        Origin: E2E.appUrl,
      },
      data: JSON.stringify([{ taskName: 'x'.repeat(OVERSIZED_BYTES) }]),
      failOnStatusCode: false,
      maxRedirects: 0,
    });
    expect(res.status()).toBe(413);
    expect(errorOf(await res.text())).toBe('payloadTooLarge');
    expect(await awsCalls()).toBe(before);
    await ctx.dispose();
  });

  test.describe('with API tokens (issue 13)', () => {
    const stamp = Date.now().toString(36);
    const tokens = { viewer: '', admin: '', revoked: '', expired: '' };
    let adminId = '';

    test.beforeAll(async () => {
      tokens.viewer = (await makeToken({ name: `doors-viewer-${stamp}`, role: 'viewer' })).token;
      const admin = await makeToken({ name: `doors-admin-${stamp}`, role: 'admin' });
      tokens.admin = admin.token;
      adminId = admin.id;
      const revoked = await makeToken({ name: `doors-revoked-${stamp}`, role: 'admin' });
      await revokeMadeToken(revoked.id);
      tokens.revoked = revoked.token;
      const expired = await makeToken({ name: `doors-expired-${stamp}`, role: 'admin', expiresInDays: 1 });
      expireToken(expired.id);
      tokens.expired = expired.token;
    });

    test.afterAll(async () => {
      if (adminId) await revokeMadeToken(adminId);
    });

    test('a viewer token is refused (403) by every route that needs more, from any Origin, and AWS is never touched', async () => {
      const ctx = await contextFor('anonymous');
      const before = await awsCalls();
      const failures: string[] = [];
      let knocked = 0;
      for (const door of doors) {
        if (door.kind !== 'route' || isPublic(door) || !door.role || door.role === 'viewer') continue;
        // A token carries no ambient credential: another site's Origin (or none) is not what refuses it.
        for (const origin of [E2E.appUrl, FOREIGN, null]) {
          knocked += 1;
          const { status, error } = await knock(ctx, door, origin, bearer(tokens.viewer));
          if (status !== 403 || error !== 'forbidden')
            failures.push(`viewer token → ${door.file} ${door.name} from ${origin}: HTTP ${status} ${error}`);
        }
      }
      expect(knocked).toBeGreaterThan(5);
      expect(failures).toEqual([]);
      expect(await awsCalls()).toBe(before);
      await ctx.dispose();
    });

    test('a revoked and an expired token are refused (401) by every route, even with an admin session along, and AWS is never touched', async () => {
      // The admin's cookie comes along: the token alone decides, so nothing may fall back to the session.
      const ctx = await contextFor('admin');
      const before = await awsCalls();
      const failures: string[] = [];
      let knocked = 0;
      for (const [kind, token] of [
        ['revoked', tokens.revoked],
        ['expired', tokens.expired],
        ['malformed', 'lpt_not-a-token'],
      ] as const) {
        for (const door of doors) {
          if (door.kind !== 'route' || isPublic(door) || !door.role) continue;
          knocked += 1;
          const { status, error } = await knock(ctx, door, FOREIGN, bearer(token));
          if (status !== 401 || error !== 'unauthenticated')
            failures.push(`${kind} token → ${door.file} ${door.name}: HTTP ${status} ${error}, expected 401`);
        }
      }
      expect(knocked).toBeGreaterThan(15);
      expect(failures).toEqual([]);
      expect(await awsCalls()).toBe(before);
      await ctx.dispose();
    });

    test('server actions ignore Bearer tokens: alone they open nothing, and an admin token does not lift a viewer session', async () => {
      const anonymous = await contextFor('anonymous');
      const viewer = await contextFor('viewer');
      const before = await awsCalls();
      const failures: string[] = [];
      for (const door of doors) {
        if (door.kind !== 'action' || isPublic(door) || !door.role) continue;
        // An admin's token and no cookie: anonymous (the proxy sends it to sign-in, or the action refuses).
        const alone = await knock(anonymous, door, E2E.appUrl, bearer(tokens.admin));
        if (!((alone.status >= 300 && alone.status < 400) || alone.error === 'unauthenticated'))
          failures.push(`admin token alone → ${door.file} ${door.name}: HTTP ${alone.status} ${alone.error}`);
        if (door.role === 'viewer') continue;
        // A viewer's session with an admin's token: still the viewer.
        const lifted = await knock(viewer, door, E2E.appUrl, bearer(tokens.admin));
        if (lifted.error !== 'forbidden')
          failures.push(
            `viewer session + admin token → ${door.file} ${door.name}: HTTP ${lifted.status} ${lifted.error}`,
          );
      }
      expect(failures).toEqual([]);
      expect(await awsCalls()).toBe(before);
      await anonymous.dispose();
      await viewer.dispose();
    });

    test('every non-GET route keeps its body cap for a token', async () => {
      const ctx = await contextFor('anonymous');
      const failures: string[] = [];
      for (const door of doors.filter(isWrite)) {
        if (isPublic(door)) continue;
        const res = await sendOversized(ctx, door, {
          ...bearer(tokens.admin),
          Origin: FOREIGN,
          'Content-Type': 'application/json',
        });
        const error = errorOf(await res.text());
        if (res.status() !== 413 || error !== 'payloadTooLarge')
          failures.push(`${door.file} ${door.name}: HTTP ${res.status()} ${error}`);
      }
      expect(failures).toEqual([]);
      await ctx.dispose();
    });
  });
});
