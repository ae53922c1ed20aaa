import { DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import { expect, test } from '@playwright/test';
import { ExportWizardPage, logs, waitForNoActiveExport } from './pages/export-wizard';
import { E2E } from './support/env';

test.use({ storageState: E2E.storageState('operator') });

const DAY = 86_400_000;

/** `--from N --to M` of the review's CLI command. */
async function commandRange(wizard: ExportWizardPage): Promise<{ from: number; to: number }> {
  const text = (await wizard.page.getByTestId('cli-command').textContent()) ?? '';
  const m = /--from (\d+) --to (\d+)/.exec(text);
  if (!m) throw new Error(`no range in ${text}`);
  return { from: Number(m[1]), to: Number(m[2]) };
}

test('"Last 24 hours" is fixed when the review opens, and the launched task is exactly what was reviewed', async ({
  page,
}) => {
  await waitForNoActiveExport();
  const wizard = new ExportWizardPage(page);
  const prefix = `e2e-drift/${Date.now().toString(36)}`;
  await wizard.goto({
    g: 'my-log-group',
    step: 'destination',
    preset: 'last-24-hours',
    tz: 'UTC',
    bucket: 'logport-exports',
    prefix,
  });
  await expect(wizard.summary()).toHaveText('All checks passed.');
  // Time spent on the form: the range must not be the one of the moment the page opened.
  await page.waitForTimeout(2_000);
  const beforeReview = Date.now();
  await wizard.next();
  await expect(page.getByTestId('cli-command')).toBeVisible();
  const reviewed = await commandRange(wizard);
  expect(reviewed.to + 1).toBeGreaterThanOrEqual(beforeReview - 50);
  expect(reviewed.to + 1 - reviewed.from).toBe(DAY);

  // Time spent reading the review changes nothing: the same command, then exactly that task.
  await page.waitForTimeout(1_500);
  expect(await commandRange(wizard)).toEqual(reviewed);
  await expect(wizard.summary()).toHaveText('All checks passed.');
  await wizard.launchButton().click();
  await expect(page).toHaveURL(/\/exports\/[0-9a-f-]{36}\?created=1$/);
  const taskId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const task = (await logs.send(new DescribeExportTasksCommand({ taskId }))).exportTasks?.[0];
  expect({ from: task?.from, to: task?.to }).toEqual(reviewed);
  await waitForNoActiveExport();
});

test('a range older than the retention warns, shows the oldest exportable time and clips to it', async ({
  page,
}) => {
  const wizard = new ExportWizardPage(page);
  // /aws/lambda/image-resizer keeps 14 days; the range starts in 1970 and ends now (a later end is clamped).
  await wizard.goto({
    g: '/aws/lambda/image-resizer',
    step: 'range',
    preset: 'custom',
    start: '1970-01-01T00:00',
    end: '2099-01-01T00:00',
    tz: 'UTC',
  });
  const note = page.getByTestId('range-notes').getByRole('alert').filter({ hasText: 'image-resizer' });
  await expect(note).toContainText('keeps events for 14 days');
  await expect(note).toContainText('The oldest exportable time is');
  const clip = note.getByRole('button', { name: /Clip to retention/ });
  const before = Date.now();
  await clip.click();
  const start = await wizard.field('Start').inputValue();
  const startMs = Date.parse(`${start}Z`);
  // The oldest time still stored, rounded up to a whole minute.
  expect(startMs).toBeGreaterThanOrEqual(before - 14 * DAY);
  expect(startMs).toBeLessThanOrEqual(Date.now() - 14 * DAY + 61_000);
  await expect(page.getByTestId('range-notes')).not.toContainText('keeps events for 14 days');
});

test('a log group with no stored data warns that the export will be empty', async ({ page }) => {
  const wizard = new ExportWizardPage(page);
  await wizard.goto();
  await wizard.pickGroup('/aws/lambda/unused-function');
  await wizard.next();
  await expect(page.getByTestId('range-notes')).toContainText(
    '/aws/lambda/unused-function stores no data (0 B): its export will be empty.',
  );
});

test('fields are checked as they are typed, each with its rule in view', async ({ page }) => {
  const wizard = new ExportWizardPage(page);
  await wizard.goto({
    g: 'my-log-group',
    step: 'destination',
    preset: 'yesterday',
    tz: 'UTC',
    bucket: 'logport-exports',
  });
  const prefix = wizard.field('Prefix (folder in the bucket)');
  // The rule is in the hint before anything goes wrong.
  await expect(page.locator('#wizard-prefix-hint')).toContainText('under 900 bytes');
  await prefix.fill('a'.repeat(1_200));
  // No "Next": the error is there while typing.
  await wizard.expectFieldError(prefix, /prefix is too long/);
  await prefix.fill('exports');
  await expect(prefix).not.toHaveAttribute('aria-invalid', 'true');

  await wizard.field('S3 bucket').fill('Bad Bucket');
  await wizard.expectFieldError(wizard.field('S3 bucket'), /lowercase letters/);

  await page.goto('/exports/new?step=source');
  const stream = page.getByLabel(/^Log stream prefix/);
  await stream.fill('app:*');
  await wizard.expectFieldError(stream, /cannot contain : or \*/);
  // Nothing was typed in the search: "choose a group" waits for Next.
  await expect(wizard.field('Search log groups')).not.toHaveAttribute('aria-invalid', 'true');
});

test('Launch sits where Next sat: the last button, at the end of the same row as Back', async ({ page }) => {
  const wizard = new ExportWizardPage(page);
  await wizard.goto({
    g: 'my-log-group',
    step: 'destination',
    preset: 'yesterday',
    tz: 'UTC',
    bucket: 'logport-exports',
    prefix: 'exportedlogs',
  });
  const nextBox = await wizard.page.getByTestId('wizard-next').boundingBox();
  await wizard.next();
  await expect(wizard.launchButton()).toBeVisible();
  const boxes = async () => {
    const launch = await wizard.launchButton().boundingBox();
    const back = await page.getByRole('button', { name: 'Back', exact: true }).boundingBox();
    if (!nextBox || !launch || !back) throw new Error('no boxes');
    return {
      // Right edge where Next's was, on Back's row.
      right: Math.abs(launch.x + launch.width - (nextBox.x + nextBox.width)) < 2,
      row: Math.abs(launch.y + launch.height / 2 - (back.y + back.height / 2)) < 2,
    };
  };
  // Measured once the review has settled (its checks load above the buttons and move them down).
  await expect.poll(boxes).toEqual({ right: true, row: true });
  // And the last button of the form, so Tab order ends on it too.
  const lastButton = page.locator('form button:visible').last();
  await expect(lastButton).toHaveAttribute('data-testid', 'launch');
});

test('"Select all" ticks every group the search shows, and only those', async ({ page }) => {
  const wizard = new ExportWizardPage(page);
  await wizard.goto();
  await wizard.searchGroups('/aws/lambda/');
  const boxes = page.getByRole('group', { name: 'Matching log groups' }).getByRole('checkbox');
  // The search has settled once every group shown matches it.
  await expect
    .poll(async () => {
      const names = await boxes.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      return names.length > 0 && names.every((n) => n.includes('/aws/lambda/'));
    })
    .toBe(true);
  const shown = await boxes.count();
  await page.getByRole('button', { name: `Select all ${shown} shown` }).click();
  await expect(page.getByText(`${shown} log groups chosen`)).toBeVisible();
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  await expect(page.getByTestId('selected-groups')).not.toContainText('my-log-group');
  await page.getByRole('button', { name: `Clear the ${shown} shown` }).click();
  await expect(page.getByTestId('selected-groups')).toHaveCount(0);
});
