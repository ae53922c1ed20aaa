import { gunzipSync } from 'node:zlib';
import {
  DescribeExportTasksCommand,
  DescribeLogStreamsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { expect, test } from '@playwright/test';
import { ExportWizardPage, logs, s3, waitForNoActiveExport } from './pages/export-wizard';
import { E2E } from './support/env';

test.use({ storageState: E2E.storageState('operator') });

const GROUP = 'my-log-group';

/** Every event of the group in [from, to] (both inclusive, as CreateExportTask reads them), as export lines. */
async function eventsInRange(from: number, to: number): Promise<string[]> {
  const streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: GROUP }));
  const lines: string[] = [];
  for (const s of streams.logStreams ?? []) {
    let token: string | undefined;
    for (;;) {
      const out = await logs.send(
        new GetLogEventsCommand({
          logGroupName: GROUP,
          logStreamName: s.logStreamName,
          startTime: from,
          endTime: to + 1, // GetLogEvents' end is exclusive
          startFromHead: true,
          ...(token ? { nextToken: token } : {}),
        }),
      );
      for (const e of out.events ?? [])
        lines.push(`${new Date(e.timestamp ?? 0).toISOString()} ${e.message}`);
      if (!out.nextForwardToken || out.nextForwardToken === token || (out.events ?? []).length === 0) break;
      token = out.nextForwardToken;
    }
  }
  return lines.sort();
}

async function exportedLines(bucket: string, prefix: string): Promise<{ lines: string[]; keys: string[] }> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  const keys = (listed.Contents ?? []).map((o) => o.Key ?? '').filter((k) => k.endsWith('.gz'));
  const lines: string[] = [];
  for (const key of keys) {
    const obj = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const body = Buffer.from(await (obj.Body?.transformToByteArray() ?? Promise.resolve(new Uint8Array())));
    expect(body[0], `${key} is gzip`).toBe(0x1f);
    expect(body[1], `${key} is gzip`).toBe(0x8b);
    lines.push(...gunzipSync(body).toString('utf8').split('\n').filter(Boolean));
  }
  return { lines: lines.sort(), keys };
}

test('an operator exports yesterday of a log group and the bucket holds exactly those events', async ({
  page,
}) => {
  await waitForNoActiveExport();
  const wizard = new ExportWizardPage(page);
  const prefix = `e2e-wizard/${Date.now().toString(36)}`;
  await wizard.goto();

  // Log groups: search by AWS, tick the seeded group.
  await wizard.pickGroup(GROUP);
  await wizard.next();

  // Time range: yesterday in UTC; the epoch values AWS will receive are shown.
  await expect(wizard.stepHeading('Which time range?')).toBeFocused();
  await wizard.preset('Yesterday');
  await expect(wizard.field('Time zone')).toHaveValue('UTC');
  const today = new Date();
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const start = end - 86_400_000;
  await expect(page.getByTestId('range-summary')).toContainText(`from ${start} to ${end - 1}`);
  await wizard.next();

  // Destination: the good bucket and a prefix; every check passes.
  await wizard.field('S3 bucket').fill('logport-exports');
  await wizard.field('Prefix (folder in the bucket)').fill(prefix);
  await expect(wizard.field('Task name')).toHaveValue(/^my-log-group-\d{8}-\d{8}$/);
  await expect(wizard.summary()).toHaveText('All checks passed.');
  for (const id of ['bucket', 'region', 'policy', 'encryption', 'active'] as const) {
    await expect(wizard.check(id)).toHaveAttribute('data-verdict', 'pass');
  }
  await wizard.next();

  // Review: the CLI command says the same; the checks ran again.
  await expect(page.getByTestId('cli-command')).toContainText(
    `aws logs create-export-task --region us-east-2 --task-name my-log-group-`,
  );
  await expect(page.getByTestId('cli-command')).toContainText(
    `--from ${start} --to ${end - 1} --destination logport-exports --destination-prefix ${prefix}`,
  );
  await expect(wizard.summary()).toHaveText('All checks passed.');
  await wizard.launchButton().click();

  // The new task's page, highlighted, follows it to the end.
  await expect(page).toHaveURL(/\/exports\/[0-9a-f-]{36}\?created=1$/);
  const taskId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await expect(page.getByTestId('task-summary')).toHaveAttribute('data-status', 'COMPLETED', {
    timeout: 30_000,
  });
  // The landing note follows the task too: no "this page follows it" once it has ended.
  await expect(page.getByText('This export has ended with status Completed.')).toBeVisible();

  const task = (await logs.send(new DescribeExportTasksCommand({ taskId }))).exportTasks?.[0];
  expect(task).toMatchObject({
    logGroupName: GROUP,
    from: start,
    to: end - 1,
    destination: 'logport-exports',
  });
  const expected = await eventsInRange(start, end - 1);
  expect(expected.length).toBeGreaterThan(0);
  const { lines, keys } = await exportedLines('logport-exports', `${prefix}/${taskId}/`);
  expect(keys.length).toBeGreaterThan(0);
  expect(lines).toEqual(expected);

  // "Export this range again" brings the same group, range and destination back to the review step.
  await page.getByRole('link', { name: 'Export this range again…' }).click();
  await expect(page).toHaveURL(/\/exports\/new\?step=review/);
  const command = page.getByTestId('cli-command');
  await expect(command).toContainText(`--from ${start} --to ${end - 1}`);
  await expect(command).toContainText(`--destination logport-exports --destination-prefix ${prefix}`);

  // The activity log says who launched what, the log group included.
  await page.goto('/activity?action=export.launch');
  const launched = page
    .locator(`[data-testid="activity-row"][data-action="export.launch"]`)
    .filter({ hasText: taskId });
  await expect(launched).toContainText(GROUP);
  await expect(launched).toContainText('operator');
});
