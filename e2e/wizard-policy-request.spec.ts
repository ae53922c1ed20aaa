import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketPolicyCommand,
  PutBucketPolicyCommand,
} from '@aws-sdk/client-s3';
import { expect, type Page, test } from '@playwright/test';
import { formatPolicy, generateBucketPolicy } from '../lib/policy';
import { ExportWizardPage, s3, waitForNoActiveExport } from './pages/export-wizard';
import { E2E } from './support/env';

// A bucket policy stops an export. Only admins apply policies: an operator gets a request to copy for an
// admin (what is wrong, what it fixes, the statements), an admin the generator. A KMS bucket's note comes
// with the key-policy statements themselves.

const NO_POLICY_BUCKET = 'my-exported-logs';

const destination = (bucket: string, step = 'destination') => ({
  g: 'my-log-group',
  step,
  preset: 'yesterday',
  tz: 'UTC',
  bucket,
  prefix: 'exportedlogs',
});

async function expectRequestFor(page: Page, scope: ReturnType<Page['getByTestId']>, bucket: string) {
  const request = scope.getByTestId('policy-request');
  await expect(request).toBeVisible();
  // No dead end: nothing tells an operator to apply the policy themselves.
  await expect(scope.getByRole('link', { name: /bucket policy generator/ })).toHaveCount(0);
  await request.getByText('Show the request').click();
  const text = request.getByTestId('policy-request-text');
  await expect(text).toContainText('"Sid": "LogportCloudWatchLogsPutObject"');
  await expect(text).toContainText(
    `Please add Logport's export statements to the bucket policy of ${bucket}`,
  );
  await expect(text).toContainText(
    `What it fixes: CloudWatch Logs in ${E2E.region} can then check ${bucket}`,
  );
  await expect(text).toContainText(`${E2E.appUrl}/bucket-policy?bucket=${bucket}`);
  await request.getByRole('button', { name: 'Copy a request for an admin' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await text.textContent());
  // The statements in the request are exactly the generator's.
  const statements = formatPolicy(
    generateBucketPolicy({
      scenario: 'same-account',
      bucket,
      region: E2E.region,
      accountId: E2E.accountId,
      prefix: 'exportedlogs',
    }),
  );
  const json = JSON.parse(statements) as { Statement: unknown[] };
  expect(copied).toContain(JSON.stringify(json.Statement, null, 2));
}

test.describe('operator', () => {
  test.use({
    storageState: E2E.storageState('operator'),
    permissions: ['clipboard-read', 'clipboard-write'],
  });

  test('a bucket without the policy: the preflight offers a request for an admin, not the generator', async ({
    page,
  }) => {
    const wizard = new ExportWizardPage(page);
    await wizard.goto(destination(NO_POLICY_BUCKET));
    await expect(wizard.check('policy')).toHaveAttribute('data-verdict', 'fail');
    await expectRequestFor(page, wizard.check('policy'), NO_POLICY_BUCKET);
    await expect(wizard.check('policy').getByTestId('policy-request-text')).toContainText(
      `${NO_POLICY_BUCKET} has no bucket policy`,
    );
  });

  test('a launch refused for the bucket policy offers the same request', async ({ page }) => {
    await waitForNoActiveExport();
    const bucket = `wizard-request-${Date.now().toString(36)}`;
    await s3.send(
      new CreateBucketCommand({
        Bucket: bucket,
        CreateBucketConfiguration: { LocationConstraint: E2E.region as BucketLocationConstraint },
      }),
    );
    const policy = generateBucketPolicy({
      scenario: 'same-account',
      bucket,
      region: E2E.region,
      accountId: E2E.accountId,
      prefix: 'exportedlogs',
    });
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
    try {
      const wizard = new ExportWizardPage(page);
      await wizard.goto(destination(bucket, 'review'));
      await expect(wizard.summary()).toHaveText('All checks passed.');
      // Someone removes the policy between the review and the click: the launch's own checks refuse.
      await s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
      await wizard.launchButton().click();
      await expect(page.getByRole('alert').filter({ hasText: 'Not launched' })).toBeVisible();
      await expect(wizard.check('policy')).toHaveAttribute('data-verdict', 'fail');
      await expectRequestFor(page, wizard.check('policy'), bucket);
      await expect(page).toHaveURL(/\/exports\/new/);
    } finally {
      await s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket })).catch(() => undefined);
      await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
    }
  });

  test('a KMS bucket: the note holds the key-policy statements, with a copy button', async ({ page }) => {
    const wizard = new ExportWizardPage(page);
    await wizard.goto(destination('logport-exports-kms'));
    const encryption = wizard.check('encryption');
    await expect(encryption).toHaveAttribute('data-verdict', 'warn');
    const text = encryption.getByTestId('kms-statements-text');
    await expect(text).toContainText('"Sid": "LogportCloudWatchLogsKms"');
    await expect(text).toContainText('"Service": "logs.us-east-2.amazonaws.com"');
    await expect(text).toContainText('"kms:GenerateDataKey"');
    await expect(text).toContainText(`"aws:SourceAccount": [\n        "${E2E.accountId}"`);
    await encryption.getByRole('button', { name: 'Copy the key-policy statements' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await text.textContent());
  });
});

test.describe('admin', () => {
  test.use({ storageState: E2E.storageState('admin') });

  test('an admin keeps the apply path: the generator, prefilled', async ({ page }) => {
    const wizard = new ExportWizardPage(page);
    await wizard.goto(destination(NO_POLICY_BUCKET));
    await expect(wizard.check('policy')).toHaveAttribute('data-verdict', 'fail');
    await expect(wizard.check('policy').getByTestId('policy-request')).toHaveCount(0);
    const link = wizard.check('policy').getByRole('link', { name: /bucket policy generator/ });
    await expect(link).toHaveAttribute('href', new RegExp(`^/bucket-policy\\?bucket=${NO_POLICY_BUCKET}&`));
  });
});
