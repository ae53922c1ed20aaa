import { expect, test } from '@playwright/test';
import { TaskTable } from './pages/task-table';
import { E2E } from './support/env';
import {
  createTask,
  describeTask,
  freeExportSlot,
  restoreExportTimings,
  setExportTimings,
  waitForStatus,
} from './support/export-tasks';
import { actionResult, callServerAction } from './support/server-actions';

const CANCEL_ACTION = { file: 'app/(console)/exports/actions.ts', name: 'cancelExportTask' };

test.afterEach(async () => {
  await restoreExportTimings();
  await freeExportSlot();
});

test.describe('an operator', () => {
  test.use({ storageState: E2E.storageState('operator') });

  test('cancels a PENDING task: the dialog names it, the row says Cancelling at once, then Cancelled', async ({
    page,
  }) => {
    const table = new TaskTable(page);
    await setExportTimings({ pendingMs: 60_000, runningMs: 5_000, cancelMs: 4_000 });
    const taskId = await createTask({ taskName: 'to-be-cancelled', logGroupName: '/ecs/checkout-service' });
    await table.gotoShowing(taskId);
    await expect(table.status(taskId)).toHaveText('Pending');

    await table.cancelButton(taskId).click();
    const dialog = table.confirmDialog();
    await expect(dialog).toContainText('to-be-cancelled');
    await expect(dialog).toContainText('/ecs/checkout-service');
    await dialog.getByRole('button', { name: 'Cancel export' }).click();
    await expect(table.status(taskId)).toHaveText('Cancelling', { timeout: 2_000 });
    await expect(dialog).toBeHidden();
    await expect(table.cancelButton(taskId)).toHaveCount(0);
    await expect(table.status(taskId)).toHaveText('Cancelled', { timeout: 20_000 });
    expect((await describeTask(taskId))?.status?.code).toBe('CANCELLED');
    await expect(table.announcer).toContainText('Export to-be-cancelled is now Cancelled.');
  });

  test('cancelling a task that finished meanwhile shows AWS’s refusal in plain words', async ({ page }) => {
    const table = new TaskTable(page);
    await setExportTimings({ pendingMs: 10_000, runningMs: 5_000 });
    const taskId = await createTask({ taskName: 'finishes-first' });
    await table.gotoShowing(taskId);
    await table.cancelButton(taskId).click();
    const dialog = table.confirmDialog();
    await expect(dialog).toContainText('finishes-first');
    // The export completes while the user reads the dialog.
    await waitForStatus(taskId, 'COMPLETED');
    await dialog.getByRole('button', { name: 'Cancel export' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      'This export already finished, so it cannot be cancelled.',
    );
    await expect(dialog).not.toContainText('InvalidOperationException');
    await dialog.getByRole('button', { name: 'Keep it running' }).click();
    await expect(table.status(taskId)).toHaveText('Completed');
  });

  test('the action refuses an unknown task in plain words', async ({ page }) => {
    await page.goto('/exports');
    const res = await callServerAction(page.request, CANCEL_ACTION, [
      { region: E2E.region, taskId: 'no-such-task' },
    ]);
    expect(res.status).toBe(200);
    expect(actionResult(res.body)).toMatchObject({ ok: false, error: 'taskNotFound' });
  });
});

test.describe('a viewer', () => {
  test.use({ storageState: E2E.storageState('viewer') });

  test('sees no cancel button, and calling the action directly gets 403 and changes nothing', async ({
    page,
  }) => {
    const table = new TaskTable(page);
    await setExportTimings({ pendingMs: 60_000, runningMs: 5_000 });
    const taskId = await createTask({ taskName: 'viewer-cannot-cancel' });
    await table.gotoShowing(taskId);
    await expect(table.status(taskId)).toHaveText('Pending');
    await expect(table.row(taskId).getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Cancel/ })).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('link', { name: 'New export', exact: true })).toHaveCount(
      0,
    );

    const res = await callServerAction(page.request, CANCEL_ACTION, [{ region: E2E.region, taskId }]);
    expect(actionResult(res.body)).toMatchObject({ ok: false, status: 403, error: 'forbidden' });
    expect((await describeTask(taskId))?.status?.code).toBe('PENDING');
  });
});
