import { type APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test';
import { type Door, findDoors, isPublic, type Role } from './support/doors';
import { E2E } from './support/env';
import { actionResult, findServerAction } from './support/server-actions';

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

/** Calls a door as a caller; returns whether it was refused and how. */
async function knock(ctx: APIRequestContext, door: Door): Promise<{ status: number; error: string | null }> {
  if (door.kind === 'route') {
    const res = await ctx.fetch(door.path ?? '/', {
      method: door.name,
      failOnStatusCode: false,
      maxRedirects: 0,
    });
    const text = await res.text();
    let error: string | null = null;
    try {
      error = (JSON.parse(text) as { error?: string }).error ?? null;
    } catch {
      error = null;
    }
    return { status: res.status(), error };
  }
  const ref = findServerAction(door.file, door.name);
  const res = await ctx.post(ref.page, {
    headers: {
      'Next-Action': ref.id,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: E2E.appUrl,
    },
    data: JSON.stringify([{}]),
    failOnStatusCode: false,
    maxRedirects: 0,
  });
  const result = actionResult(await res.text());
  return { status: res.status(), error: typeof result?.error === 'string' ? result.error : null };
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

  test('a server action called from a foreign Origin is refused', async () => {
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
        Origin: 'https://evil.example',
      },
      data: JSON.stringify([{}]),
      failOnStatusCode: false,
      maxRedirects: 0,
    });
    expect(res.status()).toBeGreaterThanOrEqual(400);
    expect(actionResult(await res.text())?.ok).not.toBe(true);
    expect(await awsCalls()).toBe(before);
    await ctx.dispose();
  });
});
