import { execFileSync } from 'node:child_process';
import { CreateBucketCommand, DeleteBucketPolicyCommand, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { recommendedPolicy } from '../emulator/seed';
import { CoveragePage } from './pages/coverage';
import { s3 } from './pages/export-wizard';
import { apiAs, createRule, daysAgo, deleteRule, uniqueTag } from './pages/rules';
import { E2E } from './support/env';
import { actionResult, callServerAction } from './support/server-actions';

/**
 * An operator fills what a rule missed, from /coverage: a gap (the rule's exports were cancelled) and failed
 * windows (the bucket policy was removed, then put back), each selected on the timeline, planned ("N exports
 * will be queued"), queued, and seen archived as the page polls.
 */
const QUEUE = 'app/(console)/queue/actions.ts';
const created: string[] = [];
let api: APIRequestContext;

test.use({ storageState: E2E.storageState('operator') });

test.beforeAll(async () => {
  api = await apiAs('admin');
});

test.afterAll(async () => {
  for (const id of created) await deleteRule(api, id);
  await api.dispose();
});

/** The rule's queue jobs, read from the server's store (the queue page shows a rule's next job only). */
function ruleJobs(ruleId: string): Array<{ id: string; state: string }> {
  const code = `const m = await import('./lib/db/index.ts');
    const { getDb } = m.getDb ? m : m.default;
    const db = await getDb();
    const rows = await db.selectFrom('queue_jobs').select(['id', 'state']).where('rule_id', '=', process.argv[1]).execute();
    console.log(JSON.stringify(rows));
    process.exit(0);`;
  const out = execFileSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '-e', code, ruleId],
    { env: { ...process.env, LOGPORT_DATA_DIR: E2E.dataDir, NODE_NO_WARNINGS: '1' }, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '[]');
}

async function queueAction(page: Page, name: string, args: unknown[] = []) {
  const res = await callServerAction(page.request, { file: QUEUE, name }, args);
  expect(actionResult(res.body), name).toMatchObject({ ok: true });
}

test('an operator selects a gap with the keyboard, sees the plan, and watches it queued then archived', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const group = '/aws/lambda/payments-webhook';
  // A gap: the rule's two due windows are enqueued while the queue is paused, then cancelled.
  await queueAction(page, 'pauseQueue');
  try {
    const { id } = await createRule(api, {
      name: `e2e-gap-${uniqueTag()}`,
      logGroups: { names: [group] },
      bucket: 'logport-exports',
      every: 'day',
      timeZone: 'UTC',
      settleMinutes: 0,
      backfillFrom: daysAgo(2),
    });
    created.push(id);
    await expect
      .poll(() => ruleJobs(id).filter((j) => j.state === 'queued').length, { timeout: 30_000 })
      .toBe(2);
    for (const job of ruleJobs(id)) await queueAction(page, 'cancelQueueJob', [{ jobId: job.id }]);
    expect(ruleJobs(id).map((j) => j.state)).toEqual(['cancelled', 'cancelled']);
  } finally {
    await queueAction(page, 'resumeQueue');
  }
  const ruleId = created.at(-1) as string;

  const coverage = new CoveragePage(page);
  await coverage.goto(`?rule=${ruleId}`);
  await expect(coverage.summary(group)).toHaveText('0 of 3 days archived, 2 gaps, 1 not due yet');
  await expect(coverage.percent(group)).toHaveText('0%');
  await expect(page.getByTestId('coverage-gaps')).toHaveText('2');
  // The two days are one bar: a run of gaps.
  const bar = coverage.bars(group, 'gap');
  await expect(bar).toHaveCount(1);
  await expect(bar).toHaveAttribute('aria-label', /^Gap: .+ \(2 days\)\. Select to fill$/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await bar.focus();
  await page.keyboard.press('Space');
  await expect(bar).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('fill-selected')).toHaveText('1 bar selected');
  await page.getByTestId('fill-gaps').click();
  const dialog = page.getByRole('dialog', { name: 'Fill the selected gaps?' });
  await expect(dialog.getByTestId('fill-plan')).toHaveText('2 exports will be queued.');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await dialog.getByRole('button', { name: 'Queue 2 exports' }).click();
  await expect(coverage.fillNotice).toContainText('2 exports queued.');

  // The page polls while they move: queued or running first, archived at the end, then it stops.
  await expect(coverage.summary(group)).toHaveText(/queued|running/);
  await expect(coverage.view).toHaveAttribute('data-moving', 'true');
  await expect(coverage.summary(group)).toHaveText('2 of 3 days archived, 1 not due yet', {
    timeout: 60_000,
  });
  await expect(coverage.percent(group)).toHaveText('100%');
  await expect(coverage.view).toHaveAttribute('data-moving', 'false');
  await expect(coverage.bars(group)).toHaveCount(0);
  // Recorded with who did it.
  await page.goto('/activity?action=coverage.fill');
  await expect(
    page.locator('[data-testid="activity-row"][data-action="coverage.fill"]').first(),
  ).toContainText('operator');
});

test('failed windows: the bucket policy was removed; once it is back, "select all gaps in view" fills them', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const group = '/aws/lambda/image-resizer';
  const bucket = `e2e-fill-${uniqueTag()}`;
  const policy = recommendedPolicy(bucket, E2E.region, E2E.accountId);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }));
  const { id } = await createRule(api, {
    name: `e2e-failed-${uniqueTag()}`,
    logGroups: { names: [group] },
    bucket,
    every: 'day',
    timeZone: 'UTC',
    settleMinutes: 0,
    backfillFrom: daysAgo(2),
  });
  created.push(id);
  // Saved with a good policy; removed at once: CloudWatch Logs can no longer write, the windows fail.
  await s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
  await expect
    .poll(() => ruleJobs(id).filter((j) => j.state === 'failed').length, { timeout: 60_000 })
    .toBe(2);

  const coverage = new CoveragePage(page);
  await coverage.goto(`?rule=${id}&state=failed`);
  await expect(coverage.summary(group)).toHaveText('0 of 3 days archived, 2 failed, 1 not due yet');
  await expect(page.getByTestId('coverage-failed')).toHaveText('2');
  await expect(coverage.bars(group, 'failed')).toHaveCount(1);

  await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }));
  await coverage.fillBar.getByRole('button', { name: 'Select all gaps in view (1)' }).click();
  await expect(page.getByTestId('fill-selected')).toHaveText('1 bar selected');
  await page.getByTestId('fill-gaps').click();
  await expect(page.getByTestId('fill-plan')).toHaveText('2 exports will be queued.');
  await page.getByTestId('fill-confirm').click();
  await expect(coverage.fillNotice).toContainText('2 exports queued.');
  // Filtered on "failed", the row leaves the view once nothing in it has failed.
  await expect(coverage.row(group)).toHaveCount(0, { timeout: 60_000 });
  await coverage.goto(`?rule=${id}`);
  await expect(coverage.summary(group)).toHaveText('2 of 3 days archived, 1 not due yet', {
    timeout: 60_000,
  });
});
