import { DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { emulator, rawErrorsIn } from './support/emulator-admin';
import { E2E } from './support/env';
import { logs } from './support/export-tasks';

/**
 * AWS cannot be reached (issue 8): the emulator stops listening (SIGUSR2 to its process: the port refuses
 * connections and open ones are cut, state kept), exactly what Logport sees when the endpoint is down, then
 * listens again. Every page must show the plain banner meanwhile and recover without a reload.
 *
 * The shell learns about AWS from GetCallerIdentity, which the server asks at most once a minute while AWS is
 * fine (lib/aws/identity.ts), so the banner may take up to a minute to appear: hence the long timeouts below.
 * Recovery is faster by design (5 s server cache, 5 s client poll while down).
 */
const BANNER_TEXT = 'Logport cannot reach AWS right now';

test.use({ storageState: E2E.storageState('admin') });

async function completedTaskId(): Promise<string> {
  const out = await logs().send(new DescribeExportTasksCommand({ statusCode: 'COMPLETED', limit: 1 }));
  const id = out.exportTasks?.[0]?.taskId;
  if (!id) throw new Error('the emulator has no completed task');
  return id;
}

async function expectPlain(page: Page, where: string): Promise<void> {
  // biome-ignore lint/performance/useDomNodeTextContent: what a person sees, not the scripts' RSC payload.
  const text = await page.locator('body').innerText();
  expect(text.trim().length, `${where}: blank page`).toBeGreaterThan(0);
  expect(rawErrorsIn(text), `${where} shows a raw error`).toEqual([]);
}

/** Stops or restarts the emulator's listener and waits until the port says so. */
async function setReachable(pid: number, reachable: boolean): Promise<void> {
  const up = () =>
    fetch(`${E2E.emulatorUrl}/_emulator/health`).then(
      (r) => r.ok,
      () => false,
    );
  if ((await up()) === reachable) return;
  process.kill(pid, 'SIGUSR2');
  await expect.poll(up, { timeout: 10_000 }).toBe(reachable);
}

test.describe('hardening: AWS unreachable', () => {
  let pid = 0;
  test.beforeAll(async () => {
    pid = await emulator.pid();
  });
  test.afterEach(async () => {
    await setReachable(pid, true);
    await emulator.clearFaults();
  });

  test('every page shows a plain banner while AWS is unreachable, and recovers without a reload', async ({
    context,
  }) => {
    test.setTimeout(240_000);
    await emulator.clearFaults();
    const taskId = await completedTaskId();
    const paths = [
      '/exports',
      `/exports/${taskId}`,
      '/exports/new',
      '/exports/new?step=destination&g=my-log-group&preset=yesterday&tz=UTC',
      '/bucket-policy',
      '/queue',
      '/activity',
    ];

    // A tab opened while AWS is fine must notice the outage on its own.
    const watcher = await context.newPage();
    await watcher.goto('/exports');
    await expect(watcher.getByTestId('task-row').first()).toBeVisible();
    await expect(watcher.getByTestId('aws-banner')).toHaveCount(0);

    await setReachable(pid, false);
    // The identity the shell shows is cached up to a minute while AWS is fine; wait until the server sees it.
    await expect
      .poll(
        async () => {
          const res = await watcher.request.get('/api/identity');
          return ((await res.json()) as { error: string | null }).error;
        },
        { timeout: 75_000, intervals: [2_000] },
      )
      .not.toBeNull();
    await expect(
      watcher.getByTestId('aws-banner'),
      'an open tab shows the banner without a reload',
    ).toContainText(BANNER_TEXT, { timeout: 75_000 });

    const tabs: Array<{ path: string; page: Page }> = [];
    for (const path of paths) {
      const page = await context.newPage();
      await page.goto(path);
      const banner = page.getByTestId('aws-banner');
      await expect(banner, `${path}: banner`).toContainText(BANNER_TEXT);
      await expect(banner).toContainText('Logport cannot reach AWS. Check the network');
      await expect(page.getByRole('heading', { level: 1 }).first(), `${path}: a heading`).toBeVisible();
      await page.waitForTimeout(1_500);
      await expectPlain(page, `${path} while AWS is unreachable`);
      tabs.push({ path, page });
    }
    // The history says why it has nothing to show.
    const history = tabs[0]?.page;
    if (!history) throw new Error('no history tab');
    await expect(
      history.getByRole('alert').filter({ hasText: 'Could not load the export history' }),
    ).toBeVisible();
    // The banner and the failure note are part of the page too: axe must be happy with them.
    const axe = await new AxeBuilder({ page: history })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const serious = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, 'axe on /exports while AWS is unreachable').toEqual([]);

    await setReachable(pid, true);
    for (const { path, page } of [{ path: '/exports (watcher)', page: watcher }, ...tabs]) {
      await expect(page.getByTestId('aws-banner'), `${path}: banner gone without a reload`).toHaveCount(0, {
        timeout: 20_000,
      });
      await expectPlain(page, `${path} after AWS returned`);
    }
    // The history fills itself again (it retries while it has nothing), no reload.
    await expect(history.getByTestId('task-row').first()).toBeVisible({ timeout: 20_000 });
    await expect(watcher.getByTestId('task-row').first()).toBeVisible();

    // The details page failed while AWS was down; its "Try again" must bring the task back (not a reload).
    const details = tabs[1]?.page;
    if (!details) throw new Error('no details tab');
    const retry = details.getByRole('button', { name: 'Try again' });
    if (await retry.isVisible()) {
      await retry.click();
      await expect(details.getByText('Something went wrong')).toHaveCount(0, { timeout: 15_000 });
    }
    await expect(details.getByRole('link', { name: /Export history|Back/ }).first()).toBeVisible();
    await expect(details.getByText(taskId).first()).toBeVisible({ timeout: 15_000 });
  });
});
