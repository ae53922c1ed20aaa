import { expect, test } from '@playwright/test';
import { E2E, ROLES_UNDER_TEST } from './support/env';
import { signIn } from './support/sign-in';

const PAGES = ['/', '/exports', '/exports/new', '/bucket-policy', '/queue', '/activity'];

test.describe('anonymous visitor', () => {
  for (const path of PAGES) {
    test(`${path} leads to sign-in`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
      await expect(page.getByRole('heading', { name: 'Sign in to Logport' })).toBeVisible();
    });
  }

  test('API routes answer 401, not a page', async ({ request }) => {
    const res = await request.get('/api/identity');
    expect(res.status()).toBe(401);
    expect(await res.json()).toEqual({ error: 'unauthenticated' });
  });

  test('health is public and says whether AWS answers', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.aws.reachable).toBe(true);
    // A readiness answer: the store answers at the schema version this build knows.
    expect(body.database).toMatchObject({ engine: 'sqlite', reachable: true });
    expect(body.database.version).toBe(body.database.latest);
  });

  test('a wrong password shows an error and gives no session', async ({ page }) => {
    await page.goto('/signin');
    await page.getByLabel('User name').fill('operator');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'The user name or password is not right' }),
    ).toBeVisible();
    // Only the password needs typing again.
    await expect(page.getByLabel('User name')).toHaveValue('operator');
    await page.goto('/exports');
    await expect(page).toHaveURL(/\/signin/);
  });

  test('an unknown user gets the same error as a wrong password', async ({ page }) => {
    await page.goto('/signin');
    await page.getByLabel('User name').fill('nobody-here');
    await page.getByLabel('Password').fill(E2E.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'The user name or password is not right' }),
    ).toBeVisible();
  });

  test('after sign-in the user lands where they were going', async ({ page }) => {
    await page.goto('/queue');
    await expect(page).toHaveURL(/callbackUrl=%2Fqueue/);
    await page.getByLabel('User name').fill('viewer');
    await page.getByLabel('Password').fill(E2E.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/queue$/);
  });
});

test.describe('no open redirect after sign-in (issue 14.1)', () => {
  // A foreign site answers instantly here, so a test that fails shows where the browser went.
  test.beforeEach(async ({ context }) => {
    await context.route(/^https?:\/\/(evil\.com|evil\.example)(:\d+)?\//, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>evil</h1>' }),
    );
  });

  const onLogport = (url: URL) => url.origin === E2E.appUrl;

  test('signing in with callbackUrl=/%09/evil.com lands on Logport', async ({ page }) => {
    await page.goto('/signin?callbackUrl=/%09/evil.com');
    await page.getByLabel('User name').fill('viewer');
    await page.getByLabel('Password').fill(E2E.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL((url) => onLogport(url) && url.pathname === '/exports');
    await expect(page.getByTestId('current-user')).toContainText('viewer');
  });

  test('opening such links while signed in lands on Logport, never a 500', async ({ browser }) => {
    const context = await browser.newContext({ storageState: E2E.storageState('viewer') });
    await context.route(/^https?:\/\/(evil\.com|evil\.example)(:\d+)?\//, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>evil</h1>' }),
    );
    const page = await context.newPage();
    for (const value of [
      '/%09/evil.com',
      '/%0d/evil.com',
      '/%0a/evil.com',
      '%0a',
      '/%5Cevil.com',
      '//evil.com',
      '/.//evil.com',
      'https://evil.example/',
      '//evil%E3%80%82com',
      '/%E2%80%AEmoc.live',
      'javascript:alert(1)',
    ]) {
      const res = await page.goto(`/signin?callbackUrl=${value}`);
      expect(res?.status() ?? 0, value).toBeLessThan(500);
      await expect(page, value).toHaveURL(onLogport);
    }
    await page.goto('/signin?callbackUrl=/%09/evil.com');
    await expect(page).toHaveURL((url) => onLogport(url) && url.pathname === '/exports');
    await expect(page.getByTestId('current-user')).toContainText('viewer');
    await context.close();
  });
});

test.describe('each role', () => {
  for (const role of ROLES_UNDER_TEST) {
    test(`${role} signs in and sees name, role, Region and the sandbox account`, async ({ page }) => {
      await signIn(page, role);
      const user = page.getByTestId('current-user');
      await expect(user).toContainText(role);
      await expect(user).toContainText(role.charAt(0).toUpperCase() + role.slice(1));
      await expect(page.getByTestId('region-switcher')).toHaveValue(E2E.region);
      await expect(page.getByTestId('aws-identity')).toContainText(E2E.accountId);
      await expect(page.getByTestId('aws-identity')).toContainText('Local sandbox');
      await expect(page.getByTestId('aws-endpoint')).toHaveText(`Endpoint 127.0.0.1:${E2E.emulatorPort}`);
    });
  }

  test('sign-out ends the session', async ({ page }) => {
    await signIn(page, 'operator');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByText('You are signed out.')).toBeVisible();
    await page.goto('/exports');
    await expect(page).toHaveURL(/\/signin/);
    const res = await page.request.get('/api/identity');
    expect(res.status()).toBe(401);
  });
});

test.describe('shell', () => {
  test.use({ storageState: E2E.storageState('viewer') });

  test('the language switch shows Japanese and back', async ({ page }) => {
    await page.goto('/exports');
    await page.getByTestId('language-switcher').selectOption('ja');
    await expect(page.getByRole('link', { name: 'エクスポート', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await page.getByTestId('language-switcher').selectOption('en');
    await expect(page.getByRole('link', { name: 'Exports', exact: true })).toBeVisible();
  });

  test('a Japanese browser gets Japanese without choosing', async ({ browser }) => {
    const context = await browser.newContext({ storageState: E2E.storageState('viewer'), locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto('/exports');
    // (A viewer's menu has no New export: roles see only what they may use.)
    await expect(page.getByRole('link', { name: 'アクティビティ', exact: true })).toBeVisible();
    await context.close();
  });

  test('the Region switch changes the Region in use', async ({ page }) => {
    await page.goto('/exports');
    await page.getByTestId('region-switcher').selectOption(E2E.otherRegion);
    await page.reload();
    await expect(page.getByTestId('region-switcher')).toHaveValue(E2E.otherRegion);
    await page.getByTestId('region-switcher').selectOption(E2E.region);
    await expect(page.getByTestId('region-switcher')).toHaveValue(E2E.region);
  });

  test('every response carries the security headers', async ({ request }) => {
    for (const path of ['/exports', '/signin', '/api/health']) {
      const res = await request.get(path);
      const h = res.headers();
      expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(h['content-security-policy'], path).not.toContain('unsafe-eval');
      expect(h['x-content-type-options'], path).toBe('nosniff');
      expect(h['referrer-policy'], path).toBeTruthy();
      expect(h['permissions-policy'], path).toBeTruthy();
    }
  });
});
