import { createHash } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { asRole } from './support/as-role';
import { E2E } from './support/env';
import { bearer, expireToken, makeToken, revokeMadeToken, scriptContext } from './support/tokens';

// API tokens as an admin makes them and a script uses them (issue 13), against the production build: shown
// once, stored as a hash, their role and nothing more, refused at once when revoked or expired, never taken
// from a cookie that came along, and free of the Origin rule because they carry no ambient credential.

const TOKEN = /^lpt_[0-9a-f]{16}_[0-9A-Za-z]{43}$/;
const FOREIGN = 'https://evil.example';
const stamp = Date.now().toString(36);

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .include('[data-testid="tokens-section"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe
  .serial('API tokens', () => {
    let made = { name: `e2e-ui-${stamp}`, token: '' };

    test('an admin creates a token and sees it only once; the page keeps only its name', async ({
      browser,
    }) => {
      const context = await browser.newContext(asRole('admin'));
      const page = await context.newPage();
      await page.goto('/settings');
      const section = page.getByTestId('tokens-section');
      await expect(section.getByRole('heading', { name: 'API tokens' })).toBeVisible();
      const form = section.getByTestId('token-form');

      // A name with a space is refused with what to fix, and nothing is lost.
      await form.getByLabel('Name').fill('has space');
      await form.getByRole('button', { name: 'Create token' }).click();
      await expect(form).toContainText('Use only letters, digits, dots, dashes and underscores');
      await expect(form.getByLabel('Name')).toHaveValue('has space');

      await form.getByLabel('Name').fill(made.name);
      await expect(form.getByRole('radio', { name: /Viewer/ })).toBeChecked();
      await expect(form.getByRole('checkbox', { name: /Every account/ })).toBeChecked();
      await expect(form.getByLabel('Expires')).toHaveValue('90');
      await form.getByRole('button', { name: 'Create token' }).click();

      const shown = section.getByTestId('token-created');
      await expect(shown).toContainText(`Token ${made.name} created`);
      const token = (await shown.getByTestId('token-value').textContent()) ?? '';
      expect(token).toMatch(TOKEN);
      made = { ...made, token };
      await expect(shown.getByRole('button', { name: 'Copy token' })).toBeVisible();
      const row = section.getByTestId('token-row').filter({ hasText: made.name });
      await expect(row).toHaveAttribute('data-state', 'active');
      await expect(row).toContainText(`${token.slice(0, 21)}…`);
      await expect(row).toContainText('Never used');
      expect(await axe(page)).toEqual([]);

      // "I have copied it": gone from the page.
      await shown.getByRole('button', { name: 'I have copied it' }).click();
      await expect(section.getByTestId('token-created')).toHaveCount(0);
      expect(await page.content()).not.toContain(token.slice(21));

      // Reload: only its name and public start, never the token or its hash, in the HTML or the RSC payload.
      const html = await (await page.request.get('/settings')).text();
      expect(html).toContain(made.name);
      expect(html).not.toContain(token.slice(21));
      expect(html).not.toContain(createHash('sha256').update(token).digest('hex'));
      await page.reload();
      await expect(section.getByTestId('token-row').filter({ hasText: made.name })).toBeVisible();
      await expect(section.getByTestId('token-created')).toHaveCount(0);
      expect(await page.content()).not.toContain(token.slice(21));
      await context.close();
    });

    test('a viewer token reads coverage and the JSON API, and is refused a rule write (403)', async ({
      browser,
    }) => {
      const script = await scriptContext();
      const auth = { headers: bearer(made.token) };
      const overview = await script.get('/api/coverage/overview', auth);
      expect(overview.status()).toBe(200);
      expect(await overview.json()).toHaveProperty('rows');
      for (const url of [
        '/api/accounts',
        '/api/rules',
        '/api/queue',
        '/api/identity',
        `/api/export-tasks?region=${E2E.region}`,
      ])
        expect((await script.get(url, auth)).status(), url).toBe(200);
      // Every write needs its role: a viewer's token gets 403, whatever Origin it names (or none).
      const write = await script.post('/api/rules', {
        headers: { ...bearer(made.token), 'Content-Type': 'application/json' },
        data: { name: 'token-made-rule' },
      });
      expect(write.status()).toBe(403);
      expect(await write.json()).toEqual({ error: 'forbidden' });
      await script.dispose();

      // Its last use, with the address it came from, is on the list.
      const context = await browser.newContext(asRole('admin'));
      const page = await context.newPage();
      await page.goto('/settings');
      await expect(
        page.getByTestId('token-row').filter({ hasText: made.name }).getByTestId('token-last-used'),
      ).toContainText(/Last used .* from 127\.0\.0\.1/);
      await context.close();
    });

    test('a token limited to staging reaches staging only', async () => {
      const limited = await makeToken({
        name: `e2e-staging-${stamp}`,
        role: 'operator',
        accounts: ['staging'],
      });
      const script = await scriptContext();
      const auth = { headers: bearer(limited.token) };
      const accounts = (await (await script.get('/api/accounts', auth)).json()) as {
        accounts: { name: string }[];
      };
      expect(accounts.accounts.map((a) => a.name)).toEqual(['staging']);
      expect((await script.get('/api/queue?account=staging', auth)).status()).toBe(200);
      const prod = await script.get('/api/export-tasks?account=prod&region=us-east-2', auth);
      expect(prod.status()).toBe(403);
      expect(await prod.json()).toMatchObject({ error: 'accountForbidden' });
      await script.dispose();
      await revokeMadeToken(limited.id);
    });

    test('a Bearer request from another Origin is accepted; a cookie request from there is still refused', async ({
      browser,
    }) => {
      const admin = await makeToken({ name: `e2e-ci-${stamp}`, role: 'admin' });
      const script = await scriptContext();
      // A rules import as CI runs it: the exported file, checked (dryRun), from no Logport page at all.
      const file = await script.get('/api/rules/export', { headers: bearer(admin.token) });
      expect(file.status()).toBe(200);
      for (const origin of [FOREIGN, null]) {
        const res = await script.post('/api/rules/import', {
          headers: {
            ...bearer(admin.token),
            'Content-Type': 'application/json',
            ...(origin ? { Origin: origin } : {}),
          },
          data: { ...(await file.json()), dryRun: true },
        });
        expect(res.status(), `from ${origin ?? 'no Origin'}`).toBe(200);
        expect(await res.json()).toMatchObject({ dryRun: true, applied: false, added: [], removed: [] });
      }
      await script.dispose();

      // The same write with an admin's session cookie from that Origin: refused, as before tokens.
      const context = await browser.newContext(asRole('admin'));
      const page = await context.newPage();
      const res = await page.request.post('/api/rules/import', {
        headers: { Origin: FOREIGN, 'Content-Type': 'application/json' },
        data: { rules: [], dryRun: true },
        failOnStatusCode: false,
      });
      expect(res.status()).toBe(403);
      expect(await res.json()).toEqual({ error: 'crossOrigin' });
      // The body cap still holds for a token.
      const big = await page.request.post('/api/rules', {
        headers: { ...bearer(admin.token), 'Content-Type': 'application/json', Origin: FOREIGN },
        data: Buffer.alloc(200 * 1024, 'a'),
        failOnStatusCode: false,
      });
      expect(big.status()).toBe(413);
      await context.close();
      await revokeMadeToken(admin.id);
    });

    test('writes made with a token are in the activity log under its name, never the token', async ({
      browser,
    }) => {
      const admin = await makeToken({ name: `e2e-hooks-${stamp}`, role: 'admin' });
      const script = await scriptContext();
      const created = await script.post('/api/alerts/webhooks', {
        headers: { ...bearer(admin.token), 'Content-Type': 'application/json' },
        data: { url: 'https://hooks.example.com/from-a-token' },
      });
      expect(created.status()).toBe(201);
      const { webhook } = (await created.json()) as { webhook: { id: string } };
      const removed = await script.delete(`/api/alerts/webhooks/${webhook.id}`, {
        headers: bearer(admin.token),
      });
      expect(removed.status()).toBe(200);
      await script.dispose();

      const context = await browser.newContext(asRole('admin'));
      const page = await context.newPage();
      await page.goto(`/activity?actor=${encodeURIComponent(`token:${admin.name}`)}`);
      await expect(page.getByRole('main')).toContainText('Webhook added');
      await expect(page.getByRole('main')).toContainText('Webhook removed');
      await expect(page.getByRole('main')).toContainText(`token:${admin.name}`);
      expect(await page.content()).not.toContain(admin.token.slice(21));
      const csv = await page.request.get('/api/activity/csv');
      expect(await csv.text()).not.toContain(admin.token.slice(21));
      await context.close();
      await revokeMadeToken(admin.id);
    });

    test('an admin revokes a token after a confirmation; it is refused at once (401), cookie or not', async ({
      browser,
    }) => {
      const script = await scriptContext();
      expect((await script.get('/api/coverage/overview', { headers: bearer(made.token) })).status()).toBe(
        200,
      );

      const context = await browser.newContext(asRole('admin'));
      const page = await context.newPage();
      await page.goto('/settings');
      const row = page.getByTestId('token-row').filter({ hasText: made.name });
      await row.getByRole('button', { name: `Revoke the token ${made.name}` }).click();
      const dialog = page.getByRole('dialog', { name: 'Revoke this token?' });
      await expect(dialog).toContainText(made.name);
      await dialog.getByRole('button', { name: 'Revoke token' }).click();
      await expect(page.getByText(`The token ${made.name} was revoked.`)).toBeVisible();
      await expect(row).toHaveAttribute('data-state', 'revoked');
      await expect(row).toContainText('Revoked by admin');

      // At once, although the server had just answered for this token (remembered for a few seconds).
      const refused = await script.get('/api/coverage/overview', { headers: bearer(made.token) });
      expect(refused.status()).toBe(401);
      expect(await refused.json()).toEqual({ error: 'unauthenticated' });
      expect(refused.headers()['www-authenticate']).toBe('Bearer error="invalid_token"');
      // An admin's session cookie that came along changes nothing: the token alone decides.
      const withCookie = await page.request.get('/api/coverage/overview', {
        headers: bearer(made.token),
        failOnStatusCode: false,
      });
      expect(withCookie.status()).toBe(401);
      expect((await page.request.get('/api/coverage/overview')).status()).toBe(200);
      await script.dispose();
      await context.close();
    });

    test('an expired token, a malformed one and an unknown one are refused (401)', async () => {
      const short = await makeToken({ name: `e2e-short-${stamp}`, role: 'admin', expiresInDays: 1 });
      expireToken(short.id);
      const script = await scriptContext();
      for (const value of [
        short.token,
        'Bearer',
        `${short.token.slice(0, 21)}${'A'.repeat(43)}`,
        `lpt_ffffffffffffffff_${'b'.repeat(43)}`,
        'not-a-token',
      ]) {
        const res = await script.get('/api/identity', { headers: bearer(value) });
        expect(res.status(), value).toBe(401);
      }
      await script.dispose();
    });

    test('the Tokens section in Japanese and on a 390 px phone', async ({ browser }) => {
      const context = await browser.newContext({
        ...asRole('admin', { locale: 'ja-JP' }),
        viewport: { width: 390, height: 844 },
      });
      await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ja', url: E2E.appUrl }]);
      const page = await context.newPage();
      await page.goto('/settings');
      const section = page.getByTestId('tokens-section');
      await expect(section.getByRole('heading', { name: 'API トークン' })).toBeVisible();
      await section.getByLabel('名前').fill(`e2e-ja-${stamp}`);
      await section.getByRole('checkbox', { name: /すべてのアカウント/ }).uncheck();
      await section.getByRole('button', { name: 'トークンを作成' }).click();
      await expect(section).toContainText('アカウントを 1 つ以上選ぶか');
      await section.getByRole('checkbox', { name: 'staging' }).check();
      await section.getByRole('button', { name: 'トークンを作成' }).click();
      await expect(section.getByTestId('token-created')).toContainText('作成しました');
      const row = section.getByTestId('token-row').filter({ hasText: `e2e-ja-${stamp}` });
      await expect(row.getByTestId('token-accounts')).toHaveText('staging');
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth);
      expect(await axe(page)).toEqual([]);
      await section.screenshot({ path: `test-results/${E2E.appPort}/tokens-settings-ja-390.png` });
      await context.close();
    });
  });
