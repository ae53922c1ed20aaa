import { expect, type Page, request as playwrightRequest, test } from '@playwright/test';
import { upsertUser } from '../lib/auth/users-admin';
import { apiSignIn } from './support/api-session';
import { E2E } from './support/env';

// Repeated wrong passwords are slowed down, then locked (issue 14.2). Every test uses user names and client
// addresses (X-Forwarded-For, trusted in the e2e server as behind a proxy) of its own, so no other spec waits.
const REAL = 'lockout-real';

test.beforeAll(async () => {
  // A real user the other specs never use; the server notices the users file's change by itself.
  await upsertUser(E2E.usersFile, REAL, { role: 'viewer', password: E2E.password }, 'upsert');
});

/** The page's message box (not Next's empty route announcer, which is an alert too). */
function alertOf(page: Page) {
  return page.getByRole('alert').filter({ hasText: /\S/ });
}

async function client(address: string) {
  return playwrightRequest.newContext({
    baseURL: E2E.appUrl,
    extraHTTPHeaders: { 'X-Forwarded-For': address },
  });
}

test.describe('sign-in limits', () => {
  test('6 wrong passwords: the 5th says to wait, the button waits, and the server answers 429 with Retry-After', async ({
    browser,
  }) => {
    const context = await browser.newContext({
      baseURL: E2E.appUrl,
      extraHTTPHeaders: { 'X-Forwarded-For': '192.0.2.61' },
    });
    const page = await context.newPage();
    await page.goto('/signin');
    const button = page.getByRole('button', { name: 'Sign in', exact: true });
    await page.getByLabel('User name').fill(REAL);
    for (let i = 1; i <= 4; i++) {
      await page.getByLabel('Password').fill(`wrong-password-${i}`);
      // Each answer awaited: the previous attempt's message is still shown while the next one is on its way.
      const wrong = page.waitForResponse('**/api/auth/callback/credentials');
      await button.click();
      expect((await wrong).status()).toBe(401);
      await expect(alertOf(page)).toHaveText(
        'The user name or password is not right. Check both and try again.',
      );
      await expect(button).toBeEnabled();
    }
    await page.getByLabel('Password').fill('wrong-password-5');
    const answer = page.waitForResponse('**/api/auth/callback/credentials');
    await button.click();
    expect((await answer).status()).toBe(429);
    await expect(alertOf(page)).toContainText(
      'Too many failed sign-in attempts. Wait 5 seconds, then try again.',
    );
    await expect(button).toBeDisabled();

    // The 6th, sent anyway (a script does not wait for the button): refused before any password check.
    const sixth = await context.request.post('/api/auth/callback/credentials', {
      form: {
        username: REAL,
        password: E2E.password, // even the right one
        csrfToken: ((await (await context.request.get('/api/auth/csrf')).json()) as { csrfToken: string })
          .csrfToken,
        json: 'true',
      },
      headers: { Origin: E2E.appUrl, 'X-Auth-Return-Redirect': '1' },
      failOnStatusCode: false,
    });
    expect(sixth.status()).toBe(429);
    expect(Number(sixth.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(sixth.headers()['retry-after'])).toBeLessThanOrEqual(5);
    expect(await sixth.json()).toMatchObject({ error: 'signInLocked', wrongPassword: false });
    // Refused, so no session either.
    expect((await context.request.get('/api/identity')).status()).toBe(401);

    // After the wait the button is back, and the right password signs in (and clears the count).
    await expect(button).toBeEnabled({ timeout: 10_000 });
    await page.getByLabel('Password').fill(E2E.password);
    await button.click();
    await expect(page).toHaveURL(/\/exports$/);
    await context.close();
  });

  test('an unknown user name gets exactly the answers a real one gets, attempt after attempt', async () => {
    const answers: Record<
      string,
      Array<{ status: number; retryAfter?: string; body: Record<string, unknown> }>
    > = {};
    for (const [name, address] of [
      [REAL.replace('real', 'real2'), '192.0.2.71'],
      ['nobody-at-all', '192.0.2.72'],
    ] as const) {
      if (name !== 'nobody-at-all')
        await upsertUser(E2E.usersFile, name, { role: 'viewer', password: E2E.password }, 'upsert');
      const ctx = await client(address);
      answers[name] = [];
      for (let i = 1; i <= 6; i++) {
        const res = await apiSignIn(ctx, name, `wrong-${i}`);
        const body = (await res.json()) as Record<string, unknown>;
        // The seconds left may differ by one between the two runs (time passes); everything else may not.
        const retryAfter = res.headers()['retry-after'];
        if (retryAfter) expect(Number(retryAfter)).toBeGreaterThanOrEqual(4);
        if (typeof body.retryAfter === 'number') body.retryAfter = retryAfter ? 'n' : 'missing';
        if (typeof body.url === 'string') body.url = body.url.replace(/retryAfter=\d+/, 'retryAfter=n');
        answers[name].push({ status: res.status(), retryAfter: retryAfter ? 'n' : undefined, body });
      }
      await ctx.dispose();
    }
    const [real, unknown] = Object.values(answers);
    expect(real?.map((a) => a.status)).toEqual([401, 401, 401, 401, 429, 429]);
    expect(unknown).toEqual(real);
  });

  test('the wait is per client address too: another address trying many names is slowed', async () => {
    const ctx = await client('192.0.2.81');
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++)
      statuses.push((await apiSignIn(ctx, `sprayed-${i}`, 'Winter2025!')).status());
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    // Another client (address) is not held by it.
    const elsewhere = await client('192.0.2.82');
    expect((await apiSignIn(elsewhere, REAL)).status()).toBe(200);
    expect((await elsewhere.get('/api/identity')).status()).toBe(200);
    await elsewhere.dispose();
    await ctx.dispose();
  });

  test('the lock message in both languages (a link to the sign-in page with a 15-minute wait)', async ({
    browser,
  }) => {
    for (const [locale, text] of [
      [
        'en-US',
        'Sign-in is locked after too many failed attempts. Try again in 15 minutes, or ask an administrator.',
      ],
      [
        'ja-JP',
        '失敗が多すぎるため、サインインをロックしています。15 分後にもう一度お試しいただくか、管理者に連絡してください。',
      ],
    ] as const) {
      const context = await browser.newContext({ baseURL: E2E.appUrl, locale });
      const page = await context.newPage();
      await page.goto('/signin?error=SignInLocked&retryAfter=900');
      await expect(alertOf(page)).toHaveText(text);
      await context.close();
    }
  });

  test('the slow-down message in Japanese', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: E2E.appUrl, locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto('/signin?error=SignInLocked&retryAfter=10');
    await expect(alertOf(page)).toHaveText(
      'サインインの失敗が続いています。10 秒待ってから、もう一度お試しください。',
    );
    await context.close();
  });
});
