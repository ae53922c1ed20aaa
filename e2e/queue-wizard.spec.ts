import { DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import { expect, test } from '@playwright/test';
import { ExportWizardPage, logs, waitForNoActiveExport } from './pages/export-wizard';
import { E2E } from './support/env';

test.use({ storageState: E2E.storageState('operator') });

const GROUPS = ['/aws/lambda/orders-api', '/ecs/checkout-service'];
const DAY = 86_400_000;

/** `datetime-local` text for a UTC instant (the wizard reads it in the chosen zone, UTC here). */
const local = (ms: number) => new Date(ms).toISOString().slice(0, 19);

test('an operator queues 2 log groups × 3 days from the wizard and watches /queue reach 6 of 6', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await waitForNoActiveExport();
  const wizard = new ExportWizardPage(page);
  const prefix = `e2e-queue/${Date.now().toString(36)}`;
  await wizard.goto();

  for (const group of GROUPS) await wizard.pickGroup(group);
  await wizard.next();

  // Three whole UTC days, ending yesterday midnight, split by day.
  const today = new Date();
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - DAY;
  const start = end - 3 * DAY;
  await wizard.preset('Custom');
  // The browser runs in UTC (playwright.config), so "Use UTC" is usually already chosen and disabled.
  const utc = page.getByRole('button', { name: 'Use UTC' });
  if (await utc.isEnabled()) await utc.click();
  await wizard.field('Start').fill(local(start));
  await wizard.field('End').fill(local(end));
  await page.getByRole('radio', { name: 'Days', exact: true }).check();
  await expect(page.getByText(/6 exports \(2 × 3\)/)).toBeVisible();
  await wizard.next();

  await wizard.field('S3 bucket').fill('logport-exports');
  await wizard.field('Prefix (folder in the bucket)').fill(prefix);
  await expect(wizard.summary()).toHaveText('All checks passed.');
  await wizard.next();

  await expect(page.getByText('6 exports will be queued')).toBeVisible();
  await page.getByRole('button', { name: 'Queue 6 exports' }).click();

  // The queue page, with this batch: one export at a time until 6 of 6.
  await expect(page).toHaveURL(/\/queue\?batch=[0-9a-f-]{36}$/);
  const batchId = new URL(page.url()).searchParams.get('batch') ?? '';
  const batch = page.locator(`[data-testid="queue-batch"][data-batch="${batchId}"]`);
  await expect(batch).toHaveAttribute('data-highlight', 'true');
  await expect(batch.getByTestId('queue-job')).toHaveCount(6);
  await expect(batch.getByTestId('batch-progress')).toHaveText('6 of 6 done', { timeout: 120_000 });
  await expect(batch.locator('[data-testid="queue-job"][data-state="completed"]')).toHaveCount(6);

  // AWS (the emulator) holds one completed task per job, named as the queue shows them.
  const names = (await batch.getByTestId('job-task-name').allTextContents()).map((n) => n.trim());
  expect(new Set(names).size).toBe(6);
  const tasks = (await logs.send(new DescribeExportTasksCommand({ limit: 50 }))).exportTasks ?? [];
  for (const name of names) {
    const matching = tasks.filter((t) => t.taskName === name);
    expect(matching, name).toHaveLength(1);
    expect(matching[0]?.status?.code).toBe('COMPLETED');
    expect(matching[0]?.destinationPrefix).toBe(prefix);
  }

  // The activity log says who queued them, and that the queue launched each one for them.
  await page.goto('/activity?action=queue.enqueue');
  // The entry links to its batch in the queue.
  const queued = page
    .getByTestId('activity-row')
    .filter({ has: page.locator(`a[href="/queue?batch=${batchId}"]`) });
  await expect(queued).toContainText('operator');
  await expect(queued).toContainText('6 exports of /aws/lambda/orders-api, /ecs/checkout-service');
  await page.goto(`/activity?action=export.launch&q=${encodeURIComponent(names[0] ?? '')}`);
  await expect(page.getByTestId('activity-row').first()).toContainText('operator');
  await expect(page.getByTestId('activity-row').first()).toContainText('by the queue');
});
