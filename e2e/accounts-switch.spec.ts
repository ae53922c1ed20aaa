import { expect, test } from '@playwright/test';
import { TaskTable } from './pages/task-table';
import { accountTaskIds, expectScopeShown } from './support/accounts';
import { asRole } from './support/as-role';
import { E2E } from './support/env';

/**
 * Several accounts (issue 16): the header's account and Region choice goes into the URL, the history shows that
 * account's own tasks (the emulator seeded prod with finished ones in both Regions), and the URL alone carries the
 * choice: a reload, a fresh browser opening the shared link, and the menu's links all stay in that place.
 */
test.use({ storageState: E2E.storageState('viewer') });

const PROD_ID = '111111111111';

test('switching account and Region in the header shows that account’s tasks, and the URL keeps it', async ({
  page,
  browser,
}) => {
  const prodWest = (await accountTaskIds(PROD_ID, E2E.otherRegion)).sort();
  const prodEast = (await accountTaskIds(PROD_ID, E2E.region)).sort();
  expect(prodWest.length, 'the emulator seeds prod with finished tasks in us-west-2').toBeGreaterThan(0);
  const table = new TaskTable(page);

  await table.goto();
  await expectScopeShown(page, 'default', E2E.region);
  const defaults = await table.taskIds();
  expect(defaults.length).toBeGreaterThan(0);
  expect(defaults.filter((id) => prodWest.includes(id) || prodEast.includes(id))).toEqual([]);

  await page.getByTestId('account-switcher').selectOption('prod');
  await expect(page).toHaveURL(/\/exports\?account=prod&region=us-east-2$/);
  await expect(page.getByTestId('task-history')).toHaveAttribute('data-ready', 'true');
  await expect.poll(async () => (await table.taskIds()).sort()).toEqual(prodEast);
  await expect(page.getByTestId('aws-identity')).toContainText(PROD_ID);

  await page.getByTestId('region-switcher').selectOption(E2E.otherRegion);
  await expect(page).toHaveURL(/\/exports\?account=prod&region=us-west-2$/);
  await expect.poll(async () => (await table.taskIds()).sort()).toEqual(prodWest);

  await page.reload();
  await expect(page.getByTestId('task-history')).toHaveAttribute('data-ready', 'true');
  await expectScopeShown(page, 'prod', E2E.otherRegion);
  expect((await table.taskIds()).sort()).toEqual(prodWest);

  // The shared link in a browser that never chose prod (its cookies remember nothing).
  const fresh = await browser.newContext(asRole('viewer'));
  try {
    const other = await fresh.newPage();
    const shared = new TaskTable(other);
    await other.goto(page.url());
    await expect(other.getByTestId('task-history')).toHaveAttribute('data-ready', 'true');
    await expectScopeShown(other, 'prod', E2E.otherRegion);
    expect((await shared.taskIds()).sort()).toEqual(prodWest);

    // The menu keeps the place: to the queue and back to the history, still prod / us-west-2.
    const nav = other.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Queue' }).click();
    await expect(other).toHaveURL(/\/queue\?account=prod&region=us-west-2$/);
    await nav.getByRole('link', { name: 'Exports', exact: true }).click();
    await expect(other).toHaveURL(/\/exports\?account=prod&region=us-west-2$/);
    await expect(other.getByTestId('task-history')).toHaveAttribute('data-ready', 'true');
    await expectScopeShown(other, 'prod', E2E.otherRegion);
    await expect.poll(async () => (await shared.taskIds()).sort()).toEqual(prodWest);
  } finally {
    await fresh.close();
  }

  // Back to the default account: its own history again.
  await page.getByTestId('account-switcher').selectOption('default');
  await expect(page).toHaveURL(/\/exports\?account=default&region=us-west-2$/);
  await page.getByTestId('region-switcher').selectOption(E2E.region);
  await expect(page).toHaveURL(/\/exports\?account=default&region=us-east-2$/);
  await expect.poll(async () => (await table.taskIds()).length).toBeGreaterThan(0);
  expect((await table.taskIds()).filter((id) => prodWest.includes(id) || prodEast.includes(id))).toEqual([]);
});
