import { expect, request as playwrightRequest, test } from '@playwright/test';
import { apiSignIn, apiSignOut, sessionCookies } from './support/api-session';
import { asRole } from './support/as-role';
import { E2E } from './support/env';
import { signIn } from './support/sign-in';

// Sessions kept on the server (issue 14.3): a replayed cookie, an admin ending another browser's session.
// Each browser here has an address of its own (X-Forwarded-For, trusted in the e2e server as behind a proxy).

test.describe('server-side sessions', () => {
  test('after sign-out, the old cookie replayed gets 401 from the API and the sign-in page for a page', async ({
    browser,
  }) => {
    const context = await browser.newContext({ baseURL: E2E.appUrl });
    const page = await context.newPage();
    await signIn(page, 'operator');
    const saved = (await context.cookies()).filter((c) => c.name.includes('next-auth.session-token'));
    expect(saved.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByText('You are signed out.')).toBeVisible();

    // Someone kept the cookie (a copy from the browser, a proxy log): it opens nothing any more.
    const replay = await browser.newContext({ baseURL: E2E.appUrl });
    await replay.addCookies(saved);
    const api = await replay.request.get('/api/identity');
    expect(api.status()).toBe(401);
    expect(await api.json()).toEqual({ error: 'unauthenticated' });
    expect((await replay.request.get('/api/export-tasks?region=us-east-2')).status()).toBe(401);
    const replayed = await replay.newPage();
    await replayed.goto('/queue');
    await expect(replayed).toHaveURL(/\/signin\?callbackUrl=%2Fqueue&error=SessionRequired/);
    await expect(replayed.getByText('Your session ended. Sign in again to continue.')).toBeVisible();
    await replay.close();
    await context.close();
  });

  test('an admin sees who is signed in and ends another browser’s session; that browser goes to sign-in', async ({
    browser,
  }) => {
    const address = '198.51.100.23';
    const other = await browser.newContext({
      baseURL: E2E.appUrl,
      extraHTTPHeaders: { 'X-Forwarded-For': address },
    });
    const victim = await other.newPage();
    await signIn(victim, 'viewer');
    await expect(victim.getByTestId('current-user')).toContainText('viewer');

    const admin = await browser.newContext(asRole('admin'));
    const page = await admin.newPage();
    await page.goto('/exports');
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole('heading', { name: 'Sessions' })).toBeVisible();
    const row = page.getByTestId('session-row').filter({ hasText: address });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('viewer');
    await expect(row).toContainText('Viewer');
    await expect(row).toContainText('Chrome');
    await expect(row).toContainText(/Signed in .+ · last seen .+/);
    // The admin's own session is marked, and has no End button (sign out ends it).
    const mine = page.getByTestId('session-row').filter({ hasText: 'This session' });
    await expect(mine).toHaveCount(1);
    await expect(mine).toContainText('admin');
    await expect(mine.getByRole('button')).toHaveCount(0);

    await row.getByRole('button', { name: /End the session of viewer/ }).click();
    await expect(page.getByRole('status').filter({ hasText: "viewer's session was ended" })).toBeVisible();
    await expect(page.getByTestId('session-row').filter({ hasText: address })).toHaveCount(0);

    // The other browser: its next page is the sign-in page, its API calls are refused.
    await victim.getByRole('link', { name: 'Queue' }).click();
    await expect(victim).toHaveURL(/\/signin/);
    await expect(victim.getByText('Your session ended. Sign in again to continue.')).toBeVisible();
    expect((await other.request.get('/api/identity')).status()).toBe(401);

    // Recorded: who ended whose session.
    await page.goto('/activity');
    const entry = page.getByTestId('activity-row').filter({ hasText: 'Session ended' }).first();
    await expect(entry).toContainText('admin');
    await expect(entry).toContainText('viewer');
    await other.close();
    await admin.close();
  });

  test('the settings page and its action are an admin’s only', async ({ browser }) => {
    for (const role of ['viewer', 'operator'] as const) {
      const context = await browser.newContext(asRole(role));
      const page = await context.newPage();
      await page.goto('/exports');
      await expect(page.getByTestId('current-user')).toContainText(role);
      await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);
      await page.goto('/settings');
      await expect(page.getByText('This needs the Admin role')).toBeVisible();
      await expect(page.getByTestId('sessions-section')).toHaveCount(0);
      await context.close();
    }
  });

  test('the Sessions section reads in Japanese', async ({ browser }) => {
    const context = await browser.newContext(asRole('admin', { locale: 'ja-JP' }));
    const page = await context.newPage();
    await page.goto('/settings');
    await expect(page.getByRole('heading', { name: '設定', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'セッション' })).toBeVisible();
    await expect(page.getByTestId('session-row').filter({ hasText: 'このセッション' })).toHaveCount(1);
    await context.close();
  });

  test('a session signed out over the API is refused at once, by pages and routes alike', async () => {
    const ctx = await playwrightRequest.newContext({ baseURL: E2E.appUrl });
    expect((await apiSignIn(ctx, 'operator')).status()).toBe(200);
    expect((await ctx.get('/api/identity')).status()).toBe(200);
    const saved = await sessionCookies(ctx);
    await apiSignOut(ctx);
    const replay = await playwrightRequest.newContext({
      baseURL: E2E.appUrl,
      storageState: { cookies: saved, origins: [] },
    });
    expect((await replay.get('/api/identity')).status()).toBe(401);
    const page = await replay.get('/exports', { maxRedirects: 0 });
    expect(page.status()).toBe(307);
    expect(page.headers().location).toContain('/signin?callbackUrl=%2Fexports');
    await replay.dispose();
    await ctx.dispose();
  });
});
