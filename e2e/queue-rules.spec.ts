import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { emulator } from './support/emulator-admin';
import { E2E } from './support/env';
import { removeRuleJobs, type SeededRule, seedRuleJobs } from './support/rule-jobs';
import { actionResult, callServerAction } from './support/server-actions';

/**
 * /queue with a rule holding hundreds of windows (a compact card, not hundreds of rows; "Retry failed" for
 * operators), and cancelling a whole batch a person queued, with its confirmation and its activity entry.
 */
const HOUR = 3_600_000;
const ACTIONS = 'app/(console)/queue/actions.ts';

function enqueue(count: number): { batchId: string; jobIds: string[]; names: string[] } {
  const start = Date.now() - 60 * HOUR;
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const jobs = Array.from({ length: count }, (_, i) => ({
    region: E2E.region,
    logGroupName: '/aws/lambda/orders-api',
    from: start + i * HOUR,
    to: start + (i + 1) * HOUR,
    destination: 'logport-exports',
    destinationPrefix: 'exportedlogs',
    taskName: `e2e-batch-${tag}-${i + 1}`,
  }));
  const code = `const m = await import('./lib/queue/enqueue.ts');
    const { enqueueJobs } = m.enqueueJobs ? m : m.default;
    console.log(JSON.stringify(await enqueueJobs({ name: 'operator', role: 'operator' }, JSON.parse(process.argv[1]))));`;
  const out = execFileSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '-e', code, JSON.stringify(jobs)],
    { env: { ...process.env, LOGPORT_DATA_DIR: E2E.dataDir, NODE_NO_WARNINGS: '1' }, encoding: 'utf8' },
  );
  return {
    ...(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { batchId: string; jobIds: string[] }),
    names: jobs.map((j) => j.taskName),
  };
}

test.describe.configure({ mode: 'serial' });

let rule: SeededRule;
test.beforeAll(() => {
  rule = seedRuleJobs({ done: 240, failedToday: 3, failedOlder: 2, waiting: 55 });
});
test.afterAll(() => {
  removeRuleJobs(rule.ruleId);
});

test.describe('a rule in the queue', () => {
  test('a viewer sees the rule as one card with its counts, not its 300 windows, and no buttons', async ({
    browser,
  }) => {
    const context = await browser.newContext({ storageState: E2E.storageState('viewer') });
    const page = await context.newPage();
    await page.goto('/queue');
    const card = page.locator(`[data-testid="queue-rule"][data-rule="${rule.ruleId}"]`);
    await expect(card.getByRole('heading', { name: `Rule ${rule.name}` })).toBeVisible();
    await expect(card.getByTestId('rule-count-waiting')).toHaveText('55');
    await expect(card.getByTestId('rule-count-running')).toHaveText('0');
    await expect(card.getByTestId('rule-count-failedRecently')).toHaveText('3');
    await expect(card.getByTestId('rule-count-done')).toHaveText('240');
    await expect(card.getByTestId('rule-next')).toContainText('Next: /ecs/checkout-service');
    await expect(card.getByText('5 failed exports in all.')).toBeVisible();
    await expect(card.getByRole('link', { name: `Coverage of rule ${rule.name}` })).toHaveAttribute(
      'href',
      `/coverage?rule=${rule.ruleId}`,
    );
    await expect(card.getByRole('button')).toHaveCount(0);
    // None of the rule's windows is a row or a card of its own.
    await expect(
      page.locator('[data-testid="queue-job"], [data-testid="queue-job-card"]', {
        hasText: rule.ruleId.slice(0, 8),
      }),
    ).toHaveCount(0);
    await expect(page.getByTestId('queue-summary')).toContainText('55 exports of rules wait');

    const res = await callServerAction(page.request, { file: ACTIONS, name: 'retryRuleFailedJobs' }, [
      { ruleId: rule.ruleId },
    ]);
    expect(actionResult(res.body)).toMatchObject({ ok: false, error: 'forbidden' });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations).toEqual([]);
    await context.close();
  });

  test('an operator retries the rule’s failed windows in one click; the activity log says so', async ({
    browser,
  }) => {
    const context = await browser.newContext({ storageState: E2E.storageState('operator') });
    const page = await context.newPage();
    await page.goto(`/queue?batch=rule-${rule.ruleId}`);
    const card = page.locator(`[data-testid="queue-rule"][data-rule="${rule.ruleId}"]`);
    await expect(card).toHaveAttribute('data-highlight', 'true');
    // Paused while the counts are read: the retried windows would otherwise be refused (no such bucket) at once.
    await page.getByRole('button', { name: 'Pause the queue of default' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The queue is paused' })).toBeVisible();
    await card.getByRole('button', { name: `Retry the 5 failed exports of rule ${rule.name}` }).click();
    await expect(page.getByText(`5 failed exports of ${rule.name} queued again, at the end.`)).toBeVisible();
    await expect(card.getByTestId('rule-count-failedRecently')).toHaveText('0');
    await expect(card.getByTestId('rule-retry-failed')).toHaveCount(0);
    await page.getByRole('button', { name: 'Resume the queue of default' }).click();
    await expect(page.getByRole('button', { name: 'Pause the queue of default' })).toBeVisible();

    await page.goto('/activity?action=queue.retry&actor=operator');
    const row = page.getByTestId('activity-row').first();
    await expect(row).toContainText('Queued export retried');
    await expect(row).toContainText(`Rule ${rule.name}`);
    await expect(row).toContainText('5 failed exports queued again.');
    await expect(row.getByRole('link', { name: `Rule ${rule.name}` })).toHaveAttribute(
      'href',
      `/rules/${rule.ruleId}`,
    );
    await context.close();
  });
});

test.describe('cancel a whole batch', () => {
  test.use({ storageState: E2E.storageState('operator') });

  test('the confirmation says how many; waiting jobs are cancelled at once, one entry in the log links back', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto('/queue');
    await page.getByRole('button', { name: 'Pause the queue of default' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The queue is paused' })).toBeVisible();
    try {
      const { batchId, names } = enqueue(3);
      await page.reload();
      const batch = page.locator(`[data-testid="queue-batch"][data-batch="${batchId}"]`);
      await expect(batch.locator('[data-testid="queue-job"][data-state="queued"]')).toHaveCount(3);
      await batch.getByRole('button', { name: 'Cancel the rest of the batch queued by operator' }).click();
      const dialog = page.getByRole('dialog', { name: 'Cancel 3 exports of this batch?' });
      await expect(dialog).toContainText('3 exports that are waiting are cancelled at once.');
      await expect(dialog).toContainText('Finished exports stay as they are.');
      // Keeping them changes nothing.
      await dialog.getByRole('button', { name: 'Keep them' }).click();
      await expect(batch.locator('[data-testid="queue-job"][data-state="queued"]')).toHaveCount(3);

      await batch.getByRole('button', { name: 'Cancel the rest of the batch queued by operator' }).click();
      await dialog.getByRole('button', { name: 'Cancel 3 exports' }).click();
      await expect(page.getByText('3 exports of the batch cancelled or being cancelled.')).toBeVisible();
      await expect(batch.locator('[data-testid="queue-job"][data-state="cancelled"]')).toHaveCount(3);
      await expect(batch.getByTestId('queue-cancel-batch')).toHaveCount(0);

      await page.goto('/activity?action=queue.cancelBatch');
      const row = page.getByTestId('activity-row').first();
      await expect(row).toContainText('Batch cancelled');
      await expect(row).toContainText('3 queued exports cancelled at once.');
      await row.getByRole('link', { name: 'Show the batch in the queue' }).click();
      await expect(page).toHaveURL(new RegExp(`/queue\\?batch=${batchId}`));
      await expect(page.locator(`[data-testid="queue-batch"][data-batch="${batchId}"]`)).toHaveAttribute(
        'data-highlight',
        'true',
      );
      expect(names).toHaveLength(3);
    } finally {
      await page.goto('/queue');
      await page.getByRole('button', { name: 'Resume the queue of default' }).click();
      await expect(page.getByTestId('queue-pause')).toBeVisible();
    }
  });

  test('a batch with an export in AWS: the running one is stopped there, the others at once', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // Long enough exports that the first is still in AWS when the dialog opens, however busy the machine.
    const before = await emulator.config();
    await emulator.setConfig({ runningMs: 60_000 });
    try {
      const { batchId } = enqueue(3);
      await page.goto('/queue');
      const batch = page.locator(`[data-testid="queue-batch"][data-batch="${batchId}"]`);
      await expect(batch.locator('[data-testid="queue-job"][data-state="running"]')).toHaveCount(1, {
        timeout: 60_000,
      });
      await batch.getByTestId('queue-cancel-batch').click();
      const dialog = page.getByRole('dialog', { name: 'Cancel 3 exports of this batch?' });
      await expect(dialog).toContainText('1 export already sent to AWS is stopped (CancelExportTask)');
      await expect(dialog).toContainText('2 exports that are waiting are cancelled at once.');
      await dialog.getByTestId('queue-cancel-batch-confirm').click();
      await expect(page.getByText('3 exports of the batch cancelled or being cancelled.')).toBeVisible();
      // The waiting two never ran; the one in AWS is cancelled there (CancelExportTask), then marked.
      const jobs = batch.locator('[data-testid="queue-job"]');
      await expect(jobs.nth(1)).toHaveAttribute('data-state', 'cancelled');
      await expect(jobs.nth(2)).toHaveAttribute('data-state', 'cancelled');
      await expect(jobs.nth(0)).toHaveAttribute('data-state', 'cancelled', { timeout: 30_000 });
      await expect(jobs.nth(0).locator('[data-status]')).toHaveText(/Cancel/);
    } finally {
      await emulator.setConfig({ runningMs: before.runningMs });
    }

    const res = await callServerAction(page.request, { file: ACTIONS, name: 'cancelQueueBatch' }, [
      { batchId: 'not-a-batch' },
    ]);
    expect(actionResult(res.body)).toMatchObject({ ok: false, error: 'invalidInput' });
  });

  test('a viewer cannot cancel a batch, even by calling the action', async ({ browser }) => {
    const { batchId } = enqueue(1);
    const context = await browser.newContext({ storageState: E2E.storageState('viewer') });
    const page = await context.newPage();
    await page.goto('/queue');
    await expect(page.locator(`[data-testid="queue-batch"][data-batch="${batchId}"]`)).toBeVisible();
    await expect(page.getByTestId('queue-cancel-batch')).toHaveCount(0);
    const res = await callServerAction(page.request, { file: ACTIONS, name: 'cancelQueueBatch' }, [
      { batchId },
    ]);
    expect(actionResult(res.body)).toMatchObject({ ok: false, error: 'forbidden' });
    await context.close();
  });
});
