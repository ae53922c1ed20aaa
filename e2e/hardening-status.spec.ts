import { DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import { expect, type Page, test } from '@playwright/test';
import { emulator, rawErrorsIn } from './support/emulator-admin';
import { E2E } from './support/env';
import { logs } from './support/export-tasks';

/**
 * Issue 14 point 9: a page says in its HTTP status what it shows, even though it streams. An export id AWS does
 * not know answers 404, a page shown while AWS fails answers 503 (with Retry-After), and the not-found and
 * error views are still what a person sees. Status codes are read from the document response Chromium got.
 */
test.use({ storageState: E2E.storageState('viewer') });

const UNKNOWN_ID = '00000000-dead-4bad-8bad-000000000000';

async function anyTaskId(): Promise<string> {
  const out = await logs().send(new DescribeExportTasksCommand({ limit: 1 }));
  const id = out.exportTasks?.[0]?.taskId;
  if (!id) throw new Error('the emulator has no export task');
  return id;
}

async function open(page: Page, path: string): Promise<{ status: number; retryAfter: string | null }> {
  const res = await page.goto(path);
  if (!res) throw new Error(`no response for ${path}`);
  return { status: res.status(), retryAfter: res.headers()['retry-after'] ?? null };
}

test.describe('hardening: the status says what the page shows', () => {
  test.afterEach(async () => {
    await emulator.clearFaults();
  });

  test('an unknown export id answers 404 with the not-found view; a known one 200', async ({ page }) => {
    expect((await open(page, `/exports/${UNKNOWN_ID}`)).status).toBe(404);
    await expect(page.getByTestId('task-not-found')).toContainText('No such export');
    await expect(page.locator('meta[name="robots"][content*="noindex"]').first()).toBeAttached();

    for (const odd of ['%20', 'a%20b', 'x'.repeat(600)])
      expect((await open(page, `/exports/${odd}`)).status, odd).toBe(404);

    const known = await anyTaskId();
    expect((await open(page, `/exports/${known}`)).status).toBe(200);
    await expect(page.getByText(known).first()).toBeVisible();
    // The wizard is not an export id (a viewer sees its notice, still a 200).
    expect((await open(page, '/exports/new')).status).toBe(200);
  });

  test('a client-side navigation to an unknown id still shows the not-found view', async ({ page }) => {
    await page.goto('/exports');
    await page.evaluate((id) => {
      const a = document.createElement('a');
      a.href = `/exports/${id}`;
      a.textContent = 'go';
      a.id = 'go-unknown';
      document.body.append(a);
    }, UNKNOWN_ID);
    await page.locator('#go-unknown').click();
    await expect(page.getByTestId('task-not-found')).toBeVisible();
  });

  test('an anonymous visitor learns nothing from the status: sign-in first', async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const res = await page.goto(`/exports/${UNKNOWN_ID}`);
    expect(res?.status()).toBe(200);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await context.close();
  });

  test('while AWS fails, the details page and the history answer 503 with Retry-After, and say so plainly', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const known = await anyTaskId();
    await emulator.setFaults({ errorRate: 1, operations: ['DescribeExportTasks'] });
    // Shared answers live two seconds: let any fresh success expire.
    await page.waitForTimeout(2_500);

    const details = await open(page, `/exports/${known}`);
    expect(details.status).toBe(503);
    expect(Number(details.retryAfter)).toBeGreaterThan(0);
    await expect(page.getByRole('alert').first()).toBeVisible();
    // biome-ignore lint/performance/useDomNodeTextContent: what a person sees, not the scripts' RSC payload.
    expect(rawErrorsIn(await page.locator('body').innerText())).toEqual([]);

    const history = await open(page, '/exports?status=FAILED');
    expect(history.status).toBe(503);
    await expect(page.getByRole('heading', { level: 1, name: 'Export history' })).toBeVisible();

    // Pages that do not need AWS keep answering 200.
    expect((await open(page, '/bucket-policy')).status).toBe(200);
    expect((await open(page, '/activity')).status).toBe(200);

    await emulator.clearFaults();
    await expect
      .poll(async () => (await open(page, `/exports/${known}`)).status, { timeout: 20_000 })
      .toBe(200);
    await expect(page.getByText(known).first()).toBeVisible();
  });
});
