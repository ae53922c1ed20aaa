import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { expect, test } from '@playwright/test';
import { asRole } from './support/as-role';
import { E2E } from './support/env';
import { createTask, restoreExportTimings, setExportTimings, waitForStatus } from './support/export-tasks';

function s3(): S3Client {
  return new S3Client({
    region: E2E.region,
    endpoint: E2E.emulatorUrl,
    forcePathStyle: true,
    credentials: {
      accessKeyId: E2E.appEnv.AWS_ACCESS_KEY_ID ?? '',
      secretAccessKey: E2E.appEnv.AWS_SECRET_ACCESS_KEY ?? '',
    },
  });
}

test.use({ storageState: E2E.storageState('viewer') });

test.describe('export details', () => {
  let taskId = '';

  test.beforeAll(async () => {
    await setExportTimings({ pendingMs: 500, runningMs: 1_000 });
    taskId = await createTask({ taskName: 'details-check', logGroupName: '/aws/lambda/orders-api' });
    await waitForStatus(taskId, 'COMPLETED');
    await restoreExportTimings();
  });

  test('a completed task shows every field, the CLI command, and its files; a download is the real gzip', async ({
    browser,
  }) => {
    const context = await browser.newContext(asRole('operator'));
    const page = await context.newPage();
    const listed = await s3().send(
      new ListObjectsV2Command({ Bucket: 'logport-exports', Prefix: `exportedlogs/${taskId}/` }),
    );
    const keys = (listed.Contents ?? []).map((o) => o.Key ?? '');
    expect(keys.length).toBeGreaterThan(0);

    await page.goto(`/exports/${taskId}`);
    await expect(page.getByRole('heading', { name: 'Export details-check' })).toBeVisible();
    const summary = page.getByTestId('task-summary');
    await expect(summary).toContainText('Completed');
    await expect(summary).toContainText('Completed successfully');
    await expect(summary).toContainText(taskId);
    await expect(summary).toContainText('/aws/lambda/orders-api');
    await expect(summary).toContainText('s3://logport-exports/exportedlogs/');
    await expect(summary).toContainText(`s3://logport-exports/exportedlogs/${taskId}/`);
    await expect(page.getByTestId('cli-command')).toHaveText([
      `aws logs describe-export-tasks --region ${E2E.region} --task-id ${taskId}`,
      `aws s3 cp --recursive --region ${E2E.region} s3://logport-exports/exportedlogs/${taskId}/ ./${taskId}/`,
    ]);

    const rows = page.getByTestId('object-row');
    await expect(rows).toHaveCount(keys.length);
    const first = keys[0] ?? '';
    const stream = first.slice(`exportedlogs/${taskId}/`.length, first.lastIndexOf('/'));
    await expect(rows.first()).toContainText(stream);

    const href = await rows
      .first()
      .getByRole('link', { name: /^Download/ })
      .getAttribute('href');
    expect(href).toBeTruthy();
    const res = await page.request.get(href ?? '');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/gzip');
    const bytes = await res.body();
    const original = await s3().send(new GetObjectCommand({ Bucket: 'logport-exports', Key: first }));
    const expected = Buffer.from((await original.Body?.transformToByteArray()) ?? []);
    expect(bytes.equals(expected)).toBe(true);
    const text = gunzipSync(bytes).toString('utf8');
    expect(text.split('\n')[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    await context.close();
  });

  test('the download serves only this task’s files', async ({ browser }) => {
    const context = await browser.newContext(asRole('operator'));
    const page = await context.newPage();
    const base = `/api/export-tasks/${taskId}/download?region=${E2E.region}&key=`;
    const outside = await page.request.get(
      `${base}${encodeURIComponent('exportedlogs/aws-logs-write-test')}`,
    );
    expect(outside.status()).toBe(403);
    const climbing = await page.request.get(
      `${base}${encodeURIComponent(`exportedlogs/${taskId}/../aws-logs-write-test`)}`,
    );
    expect(climbing.status()).toBe(403);
    const missing = await page.request.get(
      `${base}${encodeURIComponent(`exportedlogs/${taskId}/nope/000000.gz`)}`,
    );
    expect(missing.status()).toBe(404);
    expect(await missing.text()).not.toMatch(/NoSuchKey|stack|at /);
    await context.close();
  });

  test('the wizard’s landing says the export ended once it has, not that it is still followed', async ({
    page,
  }) => {
    await page.goto(`/exports/${taskId}?created=1`);
    await expect(page.getByText('This export has ended with status Completed.')).toBeVisible();
    await expect(page.getByText('Export started.')).toHaveCount(0);
  });

  test('an unknown task id is a not-found view in plain words', async ({ page }) => {
    await page.goto('/exports/00000000-0000-0000-0000-000000000000');
    await expect(page.getByRole('heading', { name: 'No such export' })).toBeVisible();
    await expect(page.getByText('There is no export task with this id in the current Region')).toBeVisible();
    await page.getByRole('link', { name: 'Back to export history' }).click();
    await expect(page).toHaveURL(/\/exports$/);
  });

  test('each row of the history leads to its details', async ({ page }) => {
    await page.goto(`/exports?taskId=${taskId}`);
    await page.getByRole('link', { name: 'Details of export details-check' }).click();
    await expect(page).toHaveURL(new RegExp(`/exports/${taskId}$`));
    await expect(page.getByRole('heading', { name: 'Export details-check' })).toBeVisible();
  });
});
