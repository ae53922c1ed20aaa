import { expect, test } from '@playwright/test';
import { TaskTable } from './pages/task-table';
import { E2E } from './support/env';
import { allTaskIds, emulatorAdmin } from './support/export-tasks';

test.use({ storageState: E2E.storageState('viewer') });

test('with 2,000 more tasks the first page renders and Load more reaches the oldest', async ({ page }) => {
  test.setTimeout(300_000);
  await emulatorAdmin('export-tasks/bulk', { count: 2_000, region: E2E.region, spanDays: 400 });
  // Real AWS never gains tasks in the past; here they appear at once, so let Logport's 2 s shared answer
  // (possibly from the previous test) expire before the page asks.
  await page.waitForTimeout(2_500);
  const expected = await allTaskIds();
  expect(expected.length).toBeGreaterThanOrEqual(2_000);

  const table = new TaskTable(page);
  const started = Date.now();
  await table.goto();
  await table.expectTaskIds(expected.slice(0, 50));
  const firstPageMs = Date.now() - started;
  test.info().annotations.push({ type: 'first page', description: `${firstPageMs} ms` });

  for (let loaded = 50; loaded < expected.length; loaded += 50) {
    await table.loadMore();
    await expect(page.getByTestId('loaded-count')).toHaveText(
      `${Math.min(loaded + 50, expected.length).toLocaleString('en-US')} exports loaded`,
    );
  }
  await expect(page.getByTestId('all-loaded')).toBeVisible();
  await expect(table.loadMoreButton).toHaveCount(0);
  // Virtualised: the table says how many rows it has, the page holds only those near the screen.
  expect(await table.rowCount()).toBe(expected.length);
  expect(await table.rows.count()).toBeLessThan(100);
  // The right tasks in the right places, from the top to the oldest at the bottom.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (const at of [0, 0.25, 0.5, 0.75, 1]) {
    await page.evaluate((y) => window.scrollTo(0, y), Math.round(height * at));
    await expect(async () => {
      const shown = await table.rows.evaluateAll((rows) =>
        rows.map(
          (r) => [Number(r.getAttribute('aria-rowindex')) - 2, r.getAttribute('data-task-id')] as const,
        ),
      );
      expect(shown.length).toBeGreaterThan(0);
      for (const [index, id] of shown) expect(id).toBe(expected[index]);
    }).toPass({ timeout: 10_000 });
  }
  await expect(table.row(expected[expected.length - 1] ?? '')).toBeVisible();
  await expect(table.row(expected[expected.length - 1] ?? '')).toHaveAttribute(
    'aria-rowindex',
    String(expected.length + 1),
  );
});
