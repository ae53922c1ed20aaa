import { expect, test } from '@playwright/test';
import { TaskTable } from './pages/task-table';
import { asRole } from './support/as-role';
import { E2E } from './support/env';
import { allTaskIds, emulatorAdmin, freeExportSlot } from './support/export-tasks';

/**
 * Logport against a backend that is not quite AWS: the emulator's loose mode answers as moto and LocalStack do
 * (ignores statusCode and limit, no executionInfo, an unknown task id is an error, oldest first). The history
 * must still read newest first with "unknown" where a field is missing, details and not-found must work, and
 * finished tasks must not block a launch.
 */
test.use({ storageState: E2E.storageState('viewer') });

test.describe('a backend that is not quite AWS (loose emulator)', () => {
  let newestFirst: string[] = [];

  test.beforeAll(async () => {
    await freeExportSlot();
    newestFirst = await allTaskIds();
    await emulatorAdmin('config', { compat: 'loose' });
  });

  test.afterAll(async () => {
    await emulatorAdmin('config', { compat: 'faithful' });
  });

  test('history: newest first, missing times say unknown, a status filter it ignores is still applied', async ({
    page,
  }) => {
    const table = new TaskTable(page);
    // Logport's shared answer from before the switch lasts 2 s.
    await page.waitForTimeout(2_500);
    await table.goto();
    // The backend sends every task at once: all rows are loaded, in Logport's order, not the backend's.
    await expect(page.getByTestId('all-loaded')).toBeVisible();
    expect(await table.rowCount()).toBe(newestFirst.length);
    await expect(table.rows.first()).toHaveAttribute('data-task-id', newestFirst[0] ?? '');
    const created = table.rows.first().locator('td').nth(5);
    await expect(created).toHaveText('unknown');
    await table.filterStatus('Failed');
    await expect(page).toHaveURL(/status=FAILED/);
    await expect
      .poll(async () => (await table.rows.locator('[data-status]').allTextContents()).length)
      .toBeGreaterThan(0);
    for (const status of await table.rows.evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-status')),
    ))
      expect(status).toBe('FAILED');
  });

  test('details: a task shows unknown times; an unknown id is a not-found view, not an error', async ({
    page,
  }) => {
    await page.goto(`/exports/${newestFirst[0]}`);
    await expect(page.getByTestId('task-summary')).toBeVisible();
    await expect(page.getByText('unknown').first()).toBeVisible();
    await page.goto('/exports/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('heading', { name: 'No such export' })).toBeVisible();
  });

  test('a launch is not blocked by finished tasks the backend lists under any status', async ({
    browser,
  }) => {
    const context = await browser.newContext(asRole('operator'));
    const res = await context.request.post('/api/preflight', {
      headers: { Origin: E2E.appUrl },
      data: { bucket: 'logport-exports', prefix: 'exportedlogs', logGroupNames: ['/aws/lambda/orders-api'] },
    });
    expect(res.status()).toBe(200);
    const result = (await res.json()) as { checks: Array<{ id: string; verdict: string; code: string }> };
    expect(result.checks.find((c) => c.id === 'active')).toMatchObject({
      verdict: 'pass',
      code: 'noActiveExport',
    });
    await context.close();
  });
});
