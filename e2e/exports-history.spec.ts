import { expect, test } from '@playwright/test';
import { TaskTable } from './pages/task-table';
import { E2E } from './support/env';
import {
  allTaskIds,
  createTask,
  freeExportSlot,
  restoreExportTimings,
  setExportTimings,
  waitForStatus,
} from './support/export-tasks';

test.use({ storageState: E2E.storageState('viewer') });

test.describe('export history', () => {
  test.afterEach(async () => {
    await restoreExportTimings();
  });

  test('shows the emulator’s tasks newest first', async ({ page }) => {
    const table = new TaskTable(page);
    const expected = (await allTaskIds()).slice(0, 50);
    await table.goto();
    await table.expectTaskIds(expected);
    await expect(page.getByTestId('loaded-count')).toHaveText('50 exports loaded');
    await expect(table.loadMoreButton).toBeVisible();
  });

  test('filters by status in the URL, across a reload, matching AWS', async ({ page }) => {
    const table = new TaskTable(page);
    const failed = (await allTaskIds({ statusCode: 'FAILED' })).slice(0, 50);
    expect(failed.length).toBeGreaterThan(0);
    await table.goto();
    await table.filterStatus('Failed');
    await expect(page).toHaveURL(/[?&]status=FAILED/);
    await table.expectTaskIds(failed);
    await expect(table.rows.first()).toContainText('Failed');
    await page.reload();
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('FAILED');
    await table.expectTaskIds(failed);
  });

  test('filters by exact task id in the URL, across a reload; an unknown id shows a way back', async ({
    page,
  }) => {
    const table = new TaskTable(page);
    const ids = await allTaskIds();
    const target = ids[7] ?? '';
    await table.goto();
    await table.filterTaskId(target);
    await expect(page).toHaveURL(new RegExp(`taskId=${target}`));
    await table.expectTaskIds([target]);
    await page.reload();
    await table.expectTaskIds([target]);

    await table.filterTaskId('00000000-0000-0000-0000-000000000000');
    await expect(page.getByTestId('no-tasks')).toContainText(
      'No export has the id 00000000-0000-0000-0000-000000000000 in us-east-2.',
    );
    await page.getByRole('button', { name: 'Clear filters and show all exports' }).click();
    await expect(page).toHaveURL(/\/exports$/);
    await table.expectTaskIds(ids.slice(0, 50));
  });

  test('a whole task id asks AWS as it is typed, without Enter', async ({ page }) => {
    const table = new TaskTable(page);
    const ids = await allTaskIds();
    const target = ids[60] ?? ''; // beyond the first page: only AWS can find it
    await table.goto();
    await page.getByLabel('Task id', { exact: true }).fill(target);
    await expect(page).toHaveURL(new RegExp(`taskId=${target}`));
    await table.expectTaskIds([target]);
    await expect(page.getByTestId('task-id-hint')).toHaveCount(0);
  });

  test('part of a task id matches among the loaded rows and says so; no match in plain words', async ({
    page,
  }) => {
    const table = new TaskTable(page);
    const loaded = (await allTaskIds()).slice(0, 50);
    const part = (loaded[3] ?? '').slice(0, 8);
    await table.goto();
    await page.getByLabel('Task id', { exact: true }).fill(part);
    await expect(page.getByTestId('task-id-hint')).toHaveText(
      'Part of an id: looking among the 50 exports loaded so far. Paste the whole id to ask AWS.',
    );
    await table.expectTaskIds(loaded.filter((id) => id.includes(part)));
    await page.getByLabel('Task id', { exact: true }).fill('zzzz');
    await expect(page.getByTestId('no-tasks')).toContainText(
      'None of the 50 loaded exports has an id containing “zzzz”. Older exports are not searched until you load them.',
    );
    await page.getByLabel('Task id', { exact: true }).fill('00000000-0000-4000-8000-000000000000');
    await expect(page.getByTestId('no-tasks')).toContainText(
      'No export has the id 00000000-0000-4000-8000-000000000000 in us-east-2.',
    );
  });

  test('an expired page position says so and starts again from the newest', async ({ page }) => {
    const table = new TaskTable(page);
    const ids = await allTaskIds();
    await table.goto();
    await table.expectTaskIds(ids.slice(0, 50));
    // AWS forgets a nextToken after 24 hours; an old token is what the route then sends AWS.
    await page.route(/\/api\/export-tasks\?.*nextToken=/, (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('nextToken', 'eyJleHBpcmVkIjp0cnVlfQ');
      return route.continue({ url: url.toString() });
    });
    await table.loadMore();
    await expect(page.getByTestId('token-expired')).toContainText(
      'The list of older exports has expired: AWS keeps a position in the list for 24 hours.',
    );
    await page.unroute(/\/api\/export-tasks\?.*nextToken=/);
    await page.getByRole('button', { name: 'Start from the newest again' }).click();
    await expect(page.getByTestId('token-expired')).toHaveCount(0);
    await table.expectTaskIds(ids.slice(0, 50));
    await table.loadMore();
    await expect(page.getByTestId('loaded-count')).toHaveText('100 exports loaded');
  });

  test('log group and text filters work over loaded rows and say so', async ({ page }) => {
    const table = new TaskTable(page);
    await table.goto('?group=orders-api');
    await expect(page.getByTestId('partial-hint')).toContainText('only at the 50 exports loaded');
    const groups = await table.rows.locator('td:nth-child(3)').allTextContents();
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(g).toContain('orders-api');
    await page.getByLabel('Search', { exact: true }).fill('zz-no-such-words');
    await expect(page).toHaveURL(/q=zz-no-such-words/);
    await expect(page.getByTestId('no-tasks')).toBeVisible();
  });

  test('typing in two filters one right after the other keeps both', async ({ page }) => {
    const table = new TaskTable(page);
    await table.goto();
    // The page's clock stands still while both fields are typed: the second comes well within the first's
    // 250 ms pause, however slow the machine, and must not cancel it.
    await page.clock.install();
    await page.getByLabel('Log group', { exact: true }).fill('orders');
    await page.getByLabel('Search', { exact: true }).fill('exportedlogs');
    await page.clock.runFor(300);
    await expect(page).toHaveURL(/group=orders/);
    await expect(page).toHaveURL(/q=exportedlogs/);
    await expect(page.getByLabel('Log group', { exact: true })).toHaveValue('orders');
    await expect(page.getByLabel('Search', { exact: true })).toHaveValue('exportedlogs');
  });

  test('a task created behind the page’s back appears and goes PENDING → COMPLETED without a reload', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const table = new TaskTable(page);
    await freeExportSlot();
    await table.goto();
    await expect(page.getByTestId('live-state')).toContainText('Every export shown has finished');
    // An idle table notices outside tasks through the newest-row watch, which the server shares for 30 s
    // (so many idle tabs cost AWS two calls a minute): PENDING lasts long enough for it to be seen there.
    await setExportTimings({ pendingMs: 55_000, runningMs: 4_000 });
    const taskId = await createTask({ taskName: 'behind-the-back' });
    await expect(table.status(taskId)).toHaveText('Pending', { timeout: 50_000 });
    await expect(table.rows.first()).toHaveAttribute('data-task-id', taskId);
    // RUNNING may fall between two polls (they back off while nothing changes); COMPLETED must arrive.
    await expect(table.status(taskId)).toHaveText('Completed', { timeout: 80_000 });
    await expect(table.announcer).toContainText('Export behind-the-back is now Completed.');
    await waitForStatus(taskId, 'COMPLETED');
  });
});
