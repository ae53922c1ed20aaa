import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { E2E } from './support/env';
import { actionResult, callServerAction } from './support/server-actions';

/**
 * /queue and /activity with jobs put in the queue directly (lib/queue/enqueue.ts in a child process on the
 * server's data folder), so the page is covered on its own; queue-wizard.spec.ts goes through the wizard.
 */
const HOUR = 3_600_000;
const ACTIONS = 'app/(console)/queue/actions.ts';

function enqueue(count: number, who = 'operator'): { batchId: string; jobIds: string[]; names: string[] } {
  const start = Date.now() - 30 * HOUR;
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const groups = ['/aws/lambda/orders-api', '/ecs/checkout-service'];
  const jobs = Array.from({ length: count }, (_, i) => ({
    region: E2E.region,
    logGroupName: groups[i % groups.length],
    from: start + i * HOUR,
    to: start + (i + 1) * HOUR,
    destination: 'logport-exports',
    destinationPrefix: 'exportedlogs',
    taskName: `e2e-queue-${tag}-${i + 1}`,
  }));
  const code = `const m = await import('./lib/queue/enqueue.ts');
    const { enqueueJobs } = m.enqueueJobs ? m : m.default;
    console.log(JSON.stringify(await enqueueJobs({ name: process.argv[2], role: process.argv[2] === 'admin' ? 'admin' : 'operator' }, JSON.parse(process.argv[1]))));`;
  const out = execFileSync(
    process.execPath,
    [
      '--conditions=react-server',
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      code,
      JSON.stringify(jobs),
      who,
    ],
    { env: { ...process.env, LOGPORT_DATA_DIR: E2E.dataDir, NODE_NO_WARNINGS: '1' }, encoding: 'utf8' },
  );
  return {
    ...(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { batchId: string; jobIds: string[] }),
    names: jobs.map((j) => j.taskName),
  };
}

test.describe('queue as an operator', () => {
  test.use({ storageState: E2E.storageState('operator') });

  test('a batch runs one export at a time to "3 of 3 done", the running one with its AWS status', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const { names } = enqueue(3);
    await page.goto('/queue');
    const batch = page.getByTestId('queue-batch').filter({ hasText: names[0]! });
    await expect(batch.getByTestId('batch-progress')).toHaveText(/of 3 done/);
    // The running job shows AWS's status next to its queue state.
    const running = batch.locator('[data-testid="queue-job"][data-state="running"]');
    await expect(running.locator('[data-status]')).toHaveText(/Pending|Running/, { timeout: 20_000 });
    await expect(page.getByTestId('queue-summary')).toContainText(/left|estimated/);
    await expect(batch.getByTestId('batch-progress')).toHaveText('3 of 3 done', { timeout: 90_000 });
    await expect(batch.locator('[data-testid="queue-job"][data-state="completed"]')).toHaveCount(3);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations).toEqual([]);
  });

  test('an idle /queue shows a batch someone queues elsewhere, without a reload', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/queue');
    // Idle first (earlier work drained), so the page is on its slow poll, not the 1.5 s one.
    await expect(page.getByTestId('queue-summary')).toContainText('Nothing left to run.', {
      timeout: 90_000,
    });
    const { names } = enqueue(1);
    const batch = page.getByTestId('queue-batch').filter({ hasText: names[0]! });
    await expect(batch).toBeVisible({ timeout: 20_000 });
    await expect(batch.getByTestId('batch-progress')).toHaveText('1 of 1 done', { timeout: 60_000 });
  });

  test('pause, cancel a queued job, retry it, resume; the activity log shows each step and who did it', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto('/queue');
    await page.getByRole('button', { name: 'Pause the queue of default' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The queue is paused' })).toBeVisible();
    const { names } = enqueue(2);
    await page.reload();
    const batch = page.getByTestId('queue-batch').filter({ hasText: names[0]! });
    await expect(batch.locator('[data-testid="queue-job"][data-state="queued"]')).toHaveCount(2);
    // Paused: no time estimate, just what waits.
    await expect(page.getByTestId('queue-summary')).toContainText(
      '2 exports wait until the queue is resumed.',
    );

    await batch.getByRole('button', { name: `Cancel export ${names[1]}` }).click();
    await expect(page.getByText(`Export ${names[1]} cancelled.`)).toBeVisible();
    await expect(batch.locator('[data-testid="queue-job"][data-state="cancelled"]')).toHaveCount(1);
    await batch.getByRole('button', { name: `Retry export ${names[1]}` }).click();
    await expect(batch.locator('[data-testid="queue-job"][data-state="queued"]')).toHaveCount(2);

    await page.getByRole('button', { name: 'Resume the queue of default' }).click();
    await expect(batch.getByTestId('batch-progress')).toHaveText('2 of 2 done', { timeout: 90_000 });

    await page.goto('/activity?actor=operator');
    const rows = page.getByTestId('activity-row');
    for (const action of [
      'queue.pause',
      'queue.cancel',
      'queue.retry',
      'queue.resume',
      'queue.enqueue',
      'export.launch',
    ]) {
      await expect(
        page.locator(`[data-testid="activity-row"][data-action="${action}"]`).first(),
      ).toBeVisible();
    }
    await page.getByLabel('Action').selectOption('queue.cancel');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/action=queue\.cancel/);
    await expect(rows.first()).toContainText(names[1]!);
    await expect(rows.first()).toContainText('operator');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations).toEqual([]);
  });
});

test.describe('queue settings', () => {
  test('an operator sees "When an export fails" but only an admin changes it, in the page and in the action', async ({
    browser,
  }) => {
    const operator = await browser.newContext({ storageState: E2E.storageState('operator') });
    const page = await operator.newPage();
    await page.goto('/queue');
    await expect(page.getByLabel('When an export fails')).toBeDisabled();
    await expect(page.getByText('Only admins change this setting.')).toBeVisible();
    const res = await callServerAction(page.request, { file: ACTIONS, name: 'setQueueOnFailure' }, [
      { onFailure: 'pause' },
    ]);
    expect(actionResult(res.body)).toMatchObject({ ok: false, error: 'forbidden' });
    await operator.close();

    const admin = await browser.newContext({ storageState: E2E.storageState('admin') });
    const adminPage = await admin.newPage();
    await adminPage.goto('/queue');
    const select = adminPage.getByLabel('When an export fails');
    await expect(select).toBeEnabled();
    await select.selectOption('pause');
    await expect(adminPage.getByText('Setting saved.')).toBeVisible();
    await select.selectOption('continue');
    await expect(adminPage.getByText('Setting saved.')).toBeVisible();
    await admin.close();
  });
});

test.describe('queue as a viewer', () => {
  test.use({ storageState: E2E.storageState('viewer') });

  test('sees the queue without buttons, and the actions refuse a direct call', async ({ page }) => {
    const { jobIds, names } = enqueue(1, 'admin');
    await page.goto('/queue');
    await expect(page.getByTestId('queue-batch').filter({ hasText: names[0]! })).toBeVisible();
    await expect(page.getByText('You can watch the queue.')).toBeVisible();
    await expect(page.getByRole('button', { name: /Pause|Resume|Cancel|Retry/ })).toHaveCount(0);

    for (const [name, args] of [
      ['pauseQueue', []],
      ['resumeQueue', []],
      ['cancelQueueJob', [{ jobId: jobIds[0] }]],
      ['retryQueueJob', [{ jobId: jobIds[0] }]],
      ['setQueueOnFailure', [{ onFailure: 'pause' }]],
    ] as const) {
      const res = await callServerAction(page.request, { file: ACTIONS, name }, [...args]);
      expect(actionResult(res.body), name).toMatchObject({ ok: false, error: 'forbidden' });
    }
    await page.goto('/activity');
    await expect(page.getByRole('heading', { name: 'Activity' })).toBeVisible();
  });
});
