import { expect, request as playwrightRequest, test } from '@playwright/test';
import { apiSignIn } from './support/api-session';
import { type Door, findDoors, isPublic } from './support/doors';
import { E2E } from './support/env';
import { actionResult, findServerAction } from './support/server-actions';

/**
 * Access per account (issue 16): an admin limited to `staging` (users file) is refused every route and every
 * action for `prod`, with AWS never asked for prod, whatever the door. Doors are found from the source, so a
 * new route or action that forgets the account check fails here.
 */
const doors = findDoors().filter((d) => !isPublic(d));
const PROD = { account: 'prod', region: E2E.region };
/** Actions that may answer ok with these inputs without touching an account (they are about the caller). */
const ALLOWED_OK = new Set<string>([]);

async function prodTasks(): Promise<number> {
  const state = (await (await fetch(`${E2E.emulatorUrl}/_emulator/state?accountId=111111111111`)).json()) as {
    regions: Record<string, { taskCount: number }>;
  };
  return Object.values(state.regions).reduce((n, r) => n + r.taskCount, 0);
}

function withProd(door: Door): string {
  const url = new URL(door.path ?? '/', E2E.appUrl);
  url.searchParams.set('account', PROD.account);
  url.searchParams.set('region', PROD.region);
  return `${url.pathname}${url.search}`;
}

test.describe('a user limited to one account', () => {
  test('every route and action refuses the other accounts, and AWS is never asked for them', async () => {
    test.setTimeout(120_000);
    const ctx = await playwrightRequest.newContext({ baseURL: E2E.appUrl });
    expect((await apiSignIn(ctx, E2E.limitedUser)).ok()).toBe(true);
    // Their own account works.
    const own = await ctx.get(`/api/export-tasks?account=staging&region=${E2E.region}`);
    expect(own.status()).toBe(200);
    const before = await prodTasks();
    const admitted: string[] = [];
    for (const door of doors) {
      if (door.kind === 'route') {
        const res = await ctx.fetch(withProd(door), {
          method: door.name,
          headers: { Origin: E2E.appUrl, 'Content-Type': 'application/json' },
          data:
            door.name === 'GET' || door.name === 'HEAD'
              ? undefined
              : JSON.stringify({ ...PROD, bucket: 'central-archive-use2' }),
          failOnStatusCode: false,
          maxRedirects: 0,
        });
        // Refused, or answered with nothing of prod (routes about the caller, or lists filtered to staging).
        const body = await res.text();
        if (res.status() >= 400) continue;
        if (body.includes('111111111111') || /"account":"prod"/.test(body))
          admitted.push(`${door.name} ${door.path}: ${res.status()} shows prod`);
      } else {
        const ref = findServerAction(door.file, door.name);
        const res = await ctx.post(ref.page, {
          headers: {
            'Next-Action': ref.id,
            'Content-Type': 'text/plain;charset=UTF-8',
            Accept: 'text/x-component',
            Origin: E2E.appUrl,
          },
          data: JSON.stringify([{ ...PROD, bucket: 'central-archive-use2', items: [] }]),
          failOnStatusCode: false,
          maxRedirects: 0,
        });
        const text = await res.text();
        const result = actionResult(text);
        if (result && result.ok === true && (text.includes('111111111111') || /"account":"prod"/.test(text)))
          admitted.push(`${door.file} ${door.name}: ok, shows prod`);
        else if (result && result.ok === true && !ALLOWED_OK.has(door.name))
          admitted.push(`${door.file} ${door.name}: ok`);
      }
    }
    expect(admitted).toEqual([]);
    // The refusals came before any AWS call in prod: no task was made there.
    expect(await prodTasks()).toBe(before);

    // Named explicitly, prod is refused with the account's own refusal, not as a missing thing.
    const list = await ctx.get(`/api/export-tasks?account=prod&region=${E2E.region}`);
    expect(list.status()).toBe(403);
    expect(await list.json()).toEqual({ error: 'accountForbidden' });
    const accounts = (await (await ctx.get('/api/accounts')).json()) as { accounts: { name: string }[] };
    expect(accounts.accounts.map((a) => a.name)).toEqual(['staging']);
    await ctx.dispose();
  });

  test('a shared link to another account shows theirs with a plain notice, never the other account', async ({
    browser,
  }) => {
    const context = await browser.newContext({ baseURL: E2E.appUrl });
    const page = await context.newPage();
    await page.goto('/signin?callbackUrl=%2Fexports');
    await page.getByLabel('User name').fill(E2E.limitedUser);
    await page.getByLabel('Password').fill(E2E.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/exports/);
    await page.goto(`/exports?account=prod&region=${E2E.region}`);
    await expect(page.getByTestId('account-refused')).toContainText('“prod”');
    // The switcher offers only what this user may reach (one account: no account menu at all).
    await expect(page.getByTestId('account-switcher')).toHaveCount(0);
    await context.close();
  });
});
