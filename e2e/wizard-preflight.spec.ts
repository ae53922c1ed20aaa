import { CancelExportTaskCommand, CreateExportTaskCommand } from '@aws-sdk/client-cloudwatch-logs';
import { expect, test } from '@playwright/test';
import {
  ExportWizardPage,
  emulatorConfig,
  emulatorStats,
  logs,
  pick,
  waitForNoActiveExport,
} from './pages/export-wizard';
import { E2E } from './support/env';

test.use({ storageState: E2E.storageState('operator') });

// The wizard opened straight at the destination step: the choices live in the URL.
const atDestination = (bucket: string) => ({
  step: 'destination',
  g: 'my-log-group',
  preset: 'yesterday',
  tz: 'UTC',
  bucket,
  prefix: 'exportedlogs',
});

const cases = [
  {
    bucket: 'my-exported-logs',
    check: 'policy' as const,
    text: 'my-exported-logs has no bucket policy, so CloudWatch Logs in us-east-2 may not check or write to it.',
    // An operator cannot apply a policy: the fix is a request to copy for an admin (wizard-policy-request).
    request: true,
  },
  {
    bucket: 'logport-exports-west',
    check: 'region' as const,
    text: 'logport-exports-west is in us-west-2, but the log groups are in us-east-2.',
  },
  {
    bucket: 'no-such-bucket-e2e',
    check: 'bucket' as const,
    text: 'There is no bucket named no-such-bucket-e2e',
  },
];

for (const c of cases) {
  test(`preflight stops ${c.bucket} before any CreateExportTask`, async ({ page }) => {
    await waitForNoActiveExport();
    const before = (await emulatorStats())['logs:CreateExportTask'] ?? 0;
    const wizard = new ExportWizardPage(page);
    await wizard.goto(atDestination(c.bucket));
    await expect(wizard.check(c.check)).toHaveAttribute('data-verdict', 'fail');
    await expect(wizard.check(c.check)).toContainText(c.text);
    await expect(wizard.summary()).toContainText('the export would be refused');
    if ('request' in c) {
      await expect(
        wizard.check(c.check).getByRole('button', { name: 'Copy a request for an admin' }),
      ).toBeVisible();
    }
    // The review checks again and will not launch.
    await wizard.next();
    await expect(wizard.check(c.check)).toHaveAttribute('data-verdict', 'fail');
    await expect(wizard.launchButton()).toBeDisabled();
    expect((await emulatorStats())['logs:CreateExportTask'] ?? 0).toBe(before);
  });
}

test('an SSE-KMS bucket is noticed and the key policy explained', async ({ page }) => {
  await waitForNoActiveExport();
  const wizard = new ExportWizardPage(page);
  await wizard.goto(atDestination('logport-exports-kms'));
  await expect(wizard.check('encryption')).toHaveAttribute('data-verdict', 'warn');
  await expect(wizard.check('encryption')).toContainText('kms:GenerateDataKey and kms:Decrypt');
  await expect(wizard.check('policy')).toHaveAttribute('data-verdict', 'pass');
});

test('an active export is named, linked, blocks the launch and can be queued behind', async ({ page }) => {
  await waitForNoActiveExport();
  // Someone else's export, long enough to stay active during the test.
  await emulatorConfig({ pendingMs: 60_000 });
  const other = await logs.send(
    new CreateExportTaskCommand({
      logGroupName: '/aws/lambda/orders-api',
      from: Date.now() - 3 * 86_400_000,
      to: Date.now() - 2 * 86_400_000,
      destination: 'logport-exports',
      taskName: 'someone-elses-export',
    }),
  );
  const taskId = other.taskId ?? '';
  try {
    const before = pick(await emulatorStats(), ['logs:CreateExportTask']);
    const wizard = new ExportWizardPage(page);
    await wizard.goto(atDestination('logport-exports'));
    await expect(wizard.check('active')).toHaveAttribute('data-verdict', 'fail');
    await expect(wizard.check('active')).toContainText(
      'someone-elses-export (/aws/lambda/orders-api, us-east-2) is still active (status: Pending)',
    );
    await expect(
      wizard.check('active').getByRole('link', { name: 'Open the running export' }),
    ).toHaveAttribute('href', `/exports/${taskId}`);
    await wizard.next();
    await expect(wizard.launchButton()).toBeDisabled();
    await expect(page.getByTestId('queue-instead')).toBeVisible();
    expect(pick(await emulatorStats(), ['logs:CreateExportTask'])).toEqual(before);
    // "Queue it": the queue takes the export and starts it once the other one ends.
    await page.getByTestId('queue-instead').click();
    await expect(page).toHaveURL(/\/queue\?batch=[0-9a-f-]{36}$/);
    await expect(page.locator('[data-testid="queue-batch"][data-highlight="true"]')).toContainText(
      '0 of 1 done',
    );
  } finally {
    await logs.send(new CancelExportTaskCommand({ taskId })).catch(() => undefined);
    await emulatorConfig({ pendingMs: Number(E2E.emulatorEnv.EMULATOR_EXPORT_PENDING_MS ?? 1500) });
  }
});
