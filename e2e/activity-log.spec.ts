import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { E2E } from './support/env';

/**
 * /activity: entries in words (never a raw key) in English and Japanese, a date range in the viewer's zone,
 * a CSV download of exactly what the filters show, and ids that link to their pages.
 */
const HOUR = 3_600_000;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** One export put in the queue directly (as the wizard would), so the log has a launch with a task id. */
function enqueueOne(): string {
  const start = Date.now() - 70 * HOUR;
  const job = {
    region: E2E.region,
    logGroupName: '/aws/lambda/orders-api',
    from: start,
    to: start + HOUR,
    destination: 'logport-exports',
    destinationPrefix: 'exportedlogs',
    taskName: `e2e-activity-${Date.now().toString(36)}`,
  };
  const code = `const m = await import('./lib/queue/enqueue.ts');
    const { enqueueJobs } = m.enqueueJobs ? m : m.default;
    await enqueueJobs({ name: 'operator', role: 'operator' }, [JSON.parse(process.argv[1])]);`;
  execFileSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '-e', code, JSON.stringify(job)],
    { env: { ...process.env, LOGPORT_DATA_DIR: E2E.dataDir, NODE_NO_WARNINGS: '1' }, encoding: 'utf8' },
  );
  return job.taskName;
}

test.describe.configure({ mode: 'serial' });

test.describe('activity as an admin', () => {
  test.use({ storageState: E2E.storageState('admin') });

  test('a setting change reads as a sentence in English and Japanese, never as its key', async ({
    page,
    context,
  }) => {
    await page.goto('/queue');
    const select = page.getByLabel('When an export fails');
    // Each save's answer awaited: the first one's "Setting saved." is still shown while the second is sent.
    const saved = () =>
      page.waitForResponse((r) => r.request().method() === 'POST' && !!r.request().headers()['next-action']);
    let answer = saved();
    await select.selectOption('pause');
    await answer;
    await expect(page.getByText('Setting saved.')).toBeVisible();
    answer = saved();
    await select.selectOption('continue');
    await answer;

    await page.goto('/activity?action=settings.change');
    const rows = page.getByTestId('activity-row');
    await expect(rows.first()).toContainText(
      'When an export fails: pause the queue → continue with the next export',
    );
    await expect(rows.nth(1)).toContainText(
      'When an export fails: continue with the next export → pause the queue',
    );
    await expect(page.locator('main')).not.toContainText('queue.onFailure');

    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ja', url: E2E.appUrl }]);
    await page.reload();
    await expect(rows.first()).toContainText(
      'エクスポートが失敗したとき: キューを一時停止する → 次のエクスポートに進む',
    );
    await expect(rows.first()).toContainText('設定を変更');
    await expect(page.locator('main')).not.toContainText('queue.onFailure');
    await context.clearCookies({ name: 'NEXT_LOCALE' });
  });
});

test.describe('activity as an operator', () => {
  test.use({ storageState: E2E.storageState('operator') });

  test('a launch links to its export and to its job in the queue', async ({ page }) => {
    test.setTimeout(90_000);
    const taskName = enqueueOne();
    await page.goto(`/activity?action=export.launch&q=${taskName}`);
    const row = page.getByTestId('activity-row').filter({ hasText: taskName }).first();
    await expect(async () => {
      await page.reload();
      await expect(row).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(row).toContainText('Log group /aws/lambda/orders-api');
    await expect(row).toContainText('to logport-exports');
    // The page mixes every account the reader may reach: each row names its account and Region.
    await expect(row).toContainText(`Account default · Region ${E2E.region}`);
    const task = row.getByRole('link', { name: /^Export task / });
    const taskId = ((await task.textContent()) ?? '').replace('Export task ', '').trim();
    expect(taskId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(row.getByRole('link', { name: 'Show this job in the queue' })).toHaveAttribute(
      'href',
      /^\/queue\?job=[0-9a-f-]{36}$/,
    );
    await task.click();
    await expect(page).toHaveURL(new RegExp(`/exports/${taskId}$`));
    await expect(page.getByText(taskName).first()).toBeVisible();

    await page.goBack();
    await row.getByRole('link', { name: 'Show this job in the queue' }).click();
    await expect(page).toHaveURL(/\/queue\?job=/);
    await expect(page.locator('[data-testid="queue-job"][data-highlight="true"]')).toContainText(taskName);
  });

  test('a date range in the viewer’s zone, in the address; an end before the start is refused and said', async ({
    page,
  }) => {
    await page.goto('/activity');
    await page.getByLabel('From').fill(day(0));
    await page.getByLabel('To').fill(day(0));
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(new RegExp(`from=${day(0)}&to=${day(0)}`));
    await expect(page.getByTestId('activity-row').first()).toBeVisible();
    await expect(page.getByText('Days in your time zone (UTC), both included.')).toBeVisible();

    await page.goto(`/activity?from=${day(1)}`);
    await expect(page.getByText('No activity matches these filters.')).toBeVisible();
    await page.goto(`/activity?to=${day(-400)}`);
    await expect(page.getByText('No activity matches these filters.')).toBeVisible();

    await page.goto(`/activity?from=${day(0)}&to=${day(-1)}`);
    await expect(page.getByTestId('activity-filter-refused')).toHaveText(
      'The end date is before the start date, so the dates were not applied. Choose an end on or after the start.',
    );
    await expect(page.getByTestId('activity-row').first()).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations).toEqual([]);
  });

  test('the CSV holds exactly what the filters show, with a BOM for Excel, in the viewer’s language', async ({
    page,
    context,
  }) => {
    await page.goto(`/activity?action=settings.change&from=${day(0)}`);
    const shown = await page.getByTestId('activity-row').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(50);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('activity-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^logport-activity-\d{8}-\d{4}\.csv$/);
    const bytes = readFileSync((await download.path()) ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      '"ID","Time (UTC)","Time (UTC)","Who","Role","Action code","Action","Account","Region","Target","Outcome","What","Details (JSON)"',
    );
    expect(lines).toHaveLength(shown + 1);
    expect(lines[1]).toContain('"settings.change","Setting changed"');
    expect(lines[1]).toContain('When an export fails: pause the queue → continue with the next export');

    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ja', url: E2E.appUrl }]);
    const res = await page.request.get(`/api/activity/csv?action=settings.change&from=${day(0)}`);
    await context.clearCookies({ name: 'NEXT_LOCALE' });
    expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers()['cache-control']).toContain('no-store');
    const ja = (await res.text()).replace(/^\uFEFF/, '');
    expect(ja.split('\r\n')[0]).toContain('"実行者","ロール","操作コード","操作"');
    expect(ja).toContain('エクスポートが失敗したとき: キューを一時停止する → 次のエクスポートに進む');
  });
});

test('the CSV needs a signed-in user; a viewer may download it', async () => {
  const anonymous = await playwrightRequest.newContext({ baseURL: E2E.appUrl });
  const refused = await anonymous.get('/api/activity/csv', { failOnStatusCode: false, maxRedirects: 0 });
  expect(refused.status()).toBe(401);
  await anonymous.dispose();
  const viewer = await playwrightRequest.newContext({
    baseURL: E2E.appUrl,
    storageState: E2E.storageState('viewer'),
  });
  const ok = await viewer.get('/api/activity/csv?action=queue.pause');
  expect(ok.status()).toBe(200);
  expect(await ok.text()).toMatch(/^\uFEFF"ID",/);
  await viewer.dispose();
});
