import { expect, test } from '@playwright/test';
import { EXPORT_CALLS, ExportWizardPage, emulatorStats, pick } from './pages/export-wizard';
import { E2E } from './support/env';

test.use({ storageState: E2E.storageState('operator') });

const base = {
  g: 'my-log-group',
  preset: 'yesterday',
  tz: 'UTC',
  bucket: 'logport-exports',
  prefix: 'exportedlogs',
};

/** Bad input shows an error tied to its field, focus goes there, and nothing of the export reaches AWS. */
async function expectRefused(
  wizard: ExportWizardPage,
  label: string,
  text: string | RegExp,
  act: () => Promise<void>,
) {
  // Let the page's own first requests (a preflight of valid choices) finish before counting.
  await wizard.page.waitForTimeout(600);
  await wizard.page.waitForLoadState('networkidle');
  const before = pick(await emulatorStats(), EXPORT_CALLS);
  await act();
  await wizard.next();
  const control = wizard.field(label);
  await wizard.expectFieldError(control, text);
  await expect(control).toBeFocused();
  // Give a stray debounced request the time it would need, then compare.
  await wizard.page.waitForTimeout(800);
  expect(pick(await emulatorStats(), EXPORT_CALLS)).toEqual(before);
}

test('start after end', async ({ page }) => {
  const wizard = new ExportWizardPage(page);
  await wizard.goto({
    ...base,
    step: 'range',
    preset: 'custom',
    start: '2026-05-14T00:00',
    end: '2026-05-13T00:00',
  });
  await expectRefused(wizard, 'End', 'The end must be after the start.', async () => {});
});

test('no log group chosen', async ({ page }) => {
  const wizard = new ExportWizardPage(page);
  await wizard.goto({ step: 'source' });
  await expectRefused(wizard, 'Search log groups', 'Choose at least one log group.', async () => {});
});

test('a time zone that does not exist', async ({ page }) => {
  const wizard = new ExportWizardPage(page);
  await wizard.goto({ ...base, step: 'range' });
  await expectRefused(wizard, 'Time zone', /This time zone does not exist/, () =>
    wizard.field('Time zone').fill('Mars/Olympus_Mons'),
  );
});

for (const bad of ['My-Bucket', 'my bucket']) {
  test(`a bucket name with capitals or spaces: "${bad}"`, async ({ page }) => {
    const wizard = new ExportWizardPage(page);
    await wizard.goto({ ...base, step: 'destination', bucket: '' });
    await expectRefused(wizard, 'S3 bucket', /no capitals or spaces/, () =>
      wizard.field('S3 bucket').fill(bad),
    );
    await expect(wizard.summary()).toHaveText(/run as soon as a valid bucket name/);
  });
}

test('a prefix over S3’s key limit', async ({ page }) => {
  const wizard = new ExportWizardPage(page);
  await wizard.goto({ ...base, step: 'destination', bucket: 'my-exported-logs' });
  // Wait for the first checks of the valid bucket, then break the prefix.
  await expect(wizard.summary()).not.toHaveText(/Checking/);
  await expectRefused(wizard, 'Prefix (folder in the bucket)', /The prefix is too long/, () =>
    wizard.field('Prefix (folder in the bucket)').fill('p'.repeat(1100)),
  );
});

test('a 600-character task name', async ({ page }) => {
  const wizard = new ExportWizardPage(page);
  await wizard.goto({ ...base, step: 'destination' });
  await expectRefused(wizard, 'Task name', 'A task name has at most 512 characters.', () =>
    wizard.field('Task name').fill('n'.repeat(600)),
  );
});

test.describe('a viewer', () => {
  test.use({ storageState: E2E.storageState('viewer') });

  test('sees why not, and the checks refuse them', async ({ page }) => {
    await page.goto('/exports/new');
    await expect(page.getByRole('heading', { level: 1, name: 'New export' })).toBeVisible();
    const notice = page.getByRole('alert').filter({ hasText: 'You do not have access to this' });
    await expect(notice).toContainText('Your role is Viewer. This needs the Operator role');
    await expect(page.getByLabel('Search log groups')).toHaveCount(0);
    const res = await page.request.post('/api/preflight', {
      data: { bucket: 'logport-exports' },
      headers: { Origin: E2E.appUrl }, // from a Logport page, so the refusal is the role's (issue 14.7)
    });
    expect(res.status()).toBe(403);
  });
});
