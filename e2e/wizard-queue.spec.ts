import { DescribeExportTasksCommand, type ExportTask } from '@aws-sdk/client-cloudwatch-logs';
import { expect, test } from '@playwright/test';
import { ExportWizardPage, logs, waitForNoActiveExport } from './pages/export-wizard';
import { E2E } from './support/env';

test.use({ storageState: E2E.storageState('operator') });

const DAY = 86_400_000;
const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);

async function allTasks(): Promise<ExportTask[]> {
  const out: ExportTask[] = [];
  let nextToken: string | undefined;
  do {
    const page = await logs.send(
      new DescribeExportTasksCommand({ limit: 50, ...(nextToken ? { nextToken } : {}) }),
    );
    out.push(...(page.exportTasks ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

test('two log groups × three days become six queued exports with the names the review showed', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await waitForNoActiveExport();
  const wizard = new ExportWizardPage(page);
  await wizard.goto();
  await wizard.pickGroup('my-log-group');
  await wizard.pickGroup('/aws/lambda/orders-api');
  await wizard.next();

  const today = new Date();
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  await wizard.field('Start').fill(local(end - 3 * DAY));
  await wizard.field('End').fill(local(end));
  await expect(page.getByRole('radio', { name: 'Custom', exact: true })).toBeChecked();
  await page.getByRole('radio', { name: 'Days', exact: true }).check();
  await expect(page.locator('#wizard-chunk-hint')).toContainText('6 exports (2 × 3)');
  await wizard.next();

  await wizard.field('S3 bucket').fill('logport-exports');
  await wizard.field('Prefix (folder in the bucket)').fill(`e2e-queue/${Date.now().toString(36)}`);
  await expect(page.getByText('Each of the 6 exports gets its own name')).toBeVisible();
  // Another spec's queued export may be running: for the queue that is a note, not a failure.
  await expect(wizard.summary()).toHaveText(/^(All checks passed\.|No problems that stop the export)/);
  await expect(page.locator('[data-verdict="fail"]')).toHaveCount(0);
  await wizard.next();

  const rows = page.getByTestId('plan-table').locator('tbody tr');
  await expect(rows).toHaveCount(6);
  const names = (await rows.locator('td:nth-child(2)').allTextContents()).map((n) => n.trim());
  expect(new Set(names).size).toBe(6);
  expect(names[0]).toMatch(/^my-log-group-\d{8}-\d{8}-[a-z0-9]+$/);

  await page.getByRole('button', { name: 'Queue 6 exports' }).click();
  await expect(page).toHaveURL(/\/queue\?batch=[0-9a-f-]{36}$/);
  const batch = page.locator('[data-testid="queue-batch"][data-highlight="true"]');
  await expect(batch.getByTestId('batch-progress')).toHaveText('6 of 6 done', { timeout: 150_000 });

  // Each job ran exactly once in AWS, under the name the review showed.
  const tasks = await allTasks();
  for (const name of names) {
    const matching = tasks.filter((t) => t.taskName === name);
    expect(matching, name).toHaveLength(1);
    expect(matching[0]?.status?.code, name).toBe('COMPLETED');
  }
});
