import { createHmac } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { type Receiver, startReceiver } from '../lib/alerts/test-receiver';
import { asRole } from './support/as-role';
import { E2E } from './support/env';

// Webhooks as an admin sets them up and an operator reads their log (issue 13): a receiver started by the test
// on this machine gets what the production server sends; the secret never comes back to any browser.

const SECRET = 'e2e-webhook-secret-0123456789';
let receiver: Receiver;

test.beforeAll(async () => {
  receiver = await startReceiver(() => ({ status: 200, body: '<script>alert(1)</script> thanks' }));
});
test.afterAll(async () => {
  await receiver.close();
});

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function noSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth);
}

test.describe
  .serial('webhooks', () => {
    const hookPath = `/hooks/e2e-${Date.now()}`;
    const hookUrl = () => `${receiver.url}${hookPath}`;

    test('an admin adds a webhook, sends a test and sees it delivered, signed', async ({ browser }) => {
      const context = await browser.newContext(asRole('admin'));
      const page = await context.newPage();
      await page.goto('/settings');
      const section = page.getByTestId('webhooks-section');
      await expect(section.getByRole('heading', { name: 'Webhooks' })).toBeVisible();
      const form = section.getByTestId('webhook-form');

      // A scheme other than http(s) is refused with what to fix, and nothing is lost.
      await form.getByLabel('URL').fill('ftp://example.com/hook');
      await form.getByRole('button', { name: 'Add webhook' }).click();
      await expect(form).toContainText('Only http:// and https:// URLs can be used.');
      await expect(form.getByLabel('URL')).toHaveValue('ftp://example.com/hook');

      await form.getByLabel('URL').fill(hookUrl());
      await form.getByLabel(/^Secret/).fill(SECRET);
      await expect(form.getByRole('checkbox')).toHaveCount(4);
      for (const box of await form.getByRole('checkbox').all()) await expect(box).toBeChecked();
      await form.getByRole('button', { name: 'Add webhook' }).click();
      await expect(form.getByRole('status')).toContainText('Webhook added');
      await expect(form.getByLabel(/^Secret/)).toHaveValue('');

      const row = section.getByTestId('webhook-row').filter({ hasText: hookPath });
      await expect(row).toContainText('JSON');
      await expect(row).toContainText('Signed');
      await expect(row).toContainText('Nothing sent yet.');
      await row.getByRole('button', { name: 'Send a test' }).click();
      await expect(row.getByTestId('webhook-notice')).toContainText(
        /Test delivered: the receiver answered 200 in \d+ ms\./,
      );
      await expect(row.getByTestId('webhook-last')).toContainText('Delivered');

      const hit = receiver.hits.find((h) => h.path === hookPath);
      expect(hit?.headers['x-logport-event']).toBe('test');
      expect(hit?.headers['x-logport-signature']).toBe(
        `sha256=${createHmac('sha256', SECRET)
          .update(hit?.body ?? '')
          .digest('hex')}`,
      );
      const body = JSON.parse(hit?.body ?? '{}');
      expect(body).toMatchObject({ event: 'test', account: E2E.accountId, url: `${E2E.appUrl}/settings` });

      // The secret is in no page and no answer the browser can get.
      expect(await page.content()).not.toContain(SECRET);
      const listed = await page.request.get('/api/alerts/webhooks');
      expect(await listed.text()).not.toContain(SECRET);
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: `test-results/${E2E.appPort}/alerts-settings-en.png`, fullPage: true });
      await context.close();
    });

    test('an operator reads the delivery log without the receiver answer or the full URL; an admin sees both', async ({
      browser,
    }) => {
      const operator = await browser.newContext(asRole('operator'));
      const page = await operator.newPage();
      await page.goto('/exports');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
      const log = page.getByTestId('delivery-log').filter({ hasText: receiver.url });
      await expect(log).toContainText(`${receiver.url}/…`);
      await expect(log).not.toContainText(hookPath);
      const delivered = log.getByTestId('delivery-row').first();
      await expect(delivered).toContainText('Test message');
      await expect(delivered).toContainText('Delivered');
      await expect(delivered).toContainText('HTTP 200');
      await expect(delivered).toContainText('1 try');
      await expect(log.getByTestId('delivery-answer')).toHaveCount(0);
      expect(await page.content()).not.toContain('thanks');
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: `test-results/${E2E.appPort}/alerts-log-en.png`, fullPage: true });
      // Settings stay an admin's.
      await page.goto('/settings');
      await expect(page.getByTestId('webhooks-section')).toHaveCount(0);
      await operator.close();

      const admin = await browser.newContext(asRole('admin'));
      const adminPage = await admin.newPage();
      await adminPage.goto('/alerts');
      const adminLog = adminPage.getByTestId('delivery-log').filter({ hasText: hookPath });
      await adminLog.getByTestId('delivery-answer').first().locator('summary').click();
      // The receiver's answer is shown as text: its markup is not run.
      await expect(adminLog.getByTestId('delivery-answer').first()).toContainText(
        '<script>alert(1)</script> thanks',
      );
      await admin.close();

      const viewer = await browser.newContext(asRole('viewer'));
      const viewerPage = await viewer.newPage();
      await viewerPage.goto('/alerts');
      await expect(viewerPage.getByRole('main').getByRole('alert')).toContainText(
        'This needs the Operator role',
      );
      await expect(viewerPage.getByTestId('delivery-log')).toHaveCount(0);
      await viewer.close();
    });

    test('the JSON API: 201 with the id and no secret, 400 with the field key, hasSecret in the list, DELETE', async ({
      browser,
    }) => {
      const admin = await browser.newContext(asRole('admin'));
      const api = admin.request;
      const write = { headers: { Origin: E2E.appUrl } };
      const refused = await api.post('/api/alerts/webhooks', {
        ...write,
        data: { url: 'file:///etc/passwd' },
      });
      expect(refused.status()).toBe(400);
      expect(await refused.json()).toEqual({
        error: 'invalidInput',
        fieldErrors: { url: ['alerts.errors.urlScheme'] },
      });
      const crossSite = await api.post('/api/alerts/webhooks', {
        headers: { Origin: 'https://evil.example' },
        data: { url: `${receiver.url}/x` },
      });
      expect(crossSite.status()).toBe(403);

      const created = await api.post('/api/alerts/webhooks', {
        ...write,
        data: { url: `${receiver.url}/api-made`, format: 'slack', secret: SECRET, events: ['export.failed'] },
      });
      expect(created.status()).toBe(201);
      const text = await created.text();
      expect(text).not.toContain(SECRET);
      const { webhook } = JSON.parse(text);
      expect(webhook).toMatchObject({ format: 'slack', events: ['export.failed'], hasSecret: true });
      expect(webhook.id).toMatch(/^[0-9a-f]{32}$/);

      const operator = await browser.newContext(asRole('operator'));
      const list = await (await operator.request.get('/api/alerts/webhooks')).json();
      const seen = list.webhooks.find((w: { id: string }) => w.id === webhook.id);
      expect(seen).toMatchObject({ url: `${receiver.url}/…`, hasSecret: true, format: 'slack' });
      expect(JSON.stringify(list)).not.toContain(SECRET);
      expect((await operator.request.delete(`/api/alerts/webhooks/${webhook.id}`, write)).status()).toBe(403);
      await operator.close();

      expect((await api.delete(`/api/alerts/webhooks/${webhook.id}`, write)).status()).toBe(200);
      expect((await api.delete(`/api/alerts/webhooks/${webhook.id}`, write)).status()).toBe(404);
      await admin.close();
    });

    test('in Japanese and on a 390 px phone; removing asks first', async ({ browser }) => {
      const context = await browser.newContext({
        ...asRole('admin', { locale: 'ja-JP' }),
        viewport: { width: 390, height: 844 },
      });
      await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ja', url: E2E.appUrl }]);
      const page = await context.newPage();
      await page.goto('/settings');
      const section = page.getByTestId('webhooks-section');
      await expect(section.getByRole('heading', { name: 'Webhook', exact: true })).toBeVisible();
      const row = section.getByTestId('webhook-row').filter({ hasText: hookPath });
      await expect(row.getByRole('button', { name: /にテストメッセージを送信/ })).toHaveText('テストを送信');
      await expect(row).toContainText('署名あり');
      await noSidewaysScroll(page);
      await page.screenshot({
        path: `test-results/${E2E.appPort}/alerts-settings-ja-390.png`,
        fullPage: true,
      });
      await page.goto('/alerts');
      await expect(page.getByRole('heading', { level: 1, name: 'アラート' })).toBeVisible();
      await expect(page.getByTestId('delivery-row').first()).toContainText('配信済み');
      await noSidewaysScroll(page);
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: `test-results/${E2E.appPort}/alerts-log-ja-390.png`, fullPage: true });

      await page.goto('/settings');
      await section
        .getByTestId('webhook-row')
        .filter({ hasText: hookPath })
        .getByRole('button', { name: '削除' })
        .click();
      const dialog = page.getByRole('dialog', { name: 'この Webhook を削除しますか？' });
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: 'キャンセル' }).click();
      await expect(section.getByTestId('webhook-row').filter({ hasText: hookPath })).toHaveCount(1);
      await section
        .getByTestId('webhook-row')
        .filter({ hasText: hookPath })
        .getByRole('button', { name: '削除' })
        .click();
      await dialog.getByRole('button', { name: 'Webhook を削除' }).click();
      await expect(section.getByRole('status').first()).toContainText('Webhook を削除しました。');
      await expect(section.getByTestId('webhook-row').filter({ hasText: hookPath })).toHaveCount(0);
      await context.close();
    });
  });
