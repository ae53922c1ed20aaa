import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { CoveragePage } from './pages/coverage';
import {
  apiAs,
  createRule,
  daysAgo,
  deleteRule,
  RuleFormPage,
  RulesPage,
  ruleNames,
  uniqueTag,
} from './pages/rules';
import { E2E } from './support/env';

/**
 * An admin's rules: the form (checked as you type, the preflight's refusal on save with everything kept, then
 * fixed), coverage filling in, and editing, pausing, resuming and deleting a rule. The scheduler ticks every
 * 2 s here (E2E.appEnv); the emulator's exports take about 4 s.
 */
const GROUP = '/aws/lambda/orders-api';
const created: string[] = [];
let api: APIRequestContext;

test.use({ storageState: E2E.storageState('admin') });

test.beforeAll(async () => {
  api = await apiAs('admin');
});

// Rules left behind would keep the scheduler (and the account's one export slot) busy for the specs after.
test.afterAll(async () => {
  for (const id of created) await deleteRule(api, id);
  await api.dispose();
});

async function axe(page: import('@playwright/test').Page) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations).toEqual([]);
}

test('an admin creates a rule: refused by the bucket policy (nothing saved, everything kept), fixed, then coverage fills', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const name = `e2e-daily-${uniqueTag()}`;
  const form = new RuleFormPage(page);
  await form.gotoNew();
  await form.field('Name').fill(name);
  await form.pickGroups([GROUP]);
  await expect(page.getByTestId('rule-matches')).toContainText('Matches 1 log group now');

  // Checked as you type, with the rule shown on the field.
  const bucket = form.field('S3 bucket');
  await bucket.fill('Bad_Bucket');
  await expect(form.form.getByText(/A bucket name uses only lowercase letters/)).toBeVisible();
  await expect(bucket).toHaveAttribute('aria-invalid', 'true');
  await form.field('Prefix template').fill('/logs/{nope}');
  await expect(form.form.getByText('Start the prefix template without a slash.')).toBeVisible();
  await form.field('Prefix template').fill('logs/{logGroup}/{yyyy}/{mm}/{dd}');

  // my-exported-logs exists but has no bucket policy: CloudWatch Logs could not write there.
  await bucket.fill('my-exported-logs');
  await form.form.getByRole('button', { name: 'no wait' }).click();
  await expect(form.field('Wait after a window ends (minutes)')).toHaveValue('0');
  await form.field(/^Start with the window of/).fill(daysAgo(2));
  await expect(page.getByTestId('rule-key').first()).toHaveText(
    /^logs\/aws\/lambda\/orders-api\/\d{4}\/\d{2}\/\d{2}\/<task-id>\/<log-stream>\/000000\.gz$/,
  );

  await form.save.click();
  await expect(form.notice).toContainText('The checks found a problem, so the rule was not saved.');
  await expect(form.checks.getByTestId('preflight-policy')).toHaveAttribute('data-verdict', 'fail');
  expect(await ruleNames(api)).not.toContain(name);
  await expect(form.field('Name')).toHaveValue(name);
  await expect(bucket).toHaveValue('my-exported-logs');
  await expect(page.getByTestId('selected-groups')).toContainText(GROUP);
  await expect(form.field(/^Start with the window of/)).toHaveValue(daysAgo(2));
  await axe(page);

  // Fixed: a bucket whose policy lets CloudWatch Logs write. The checks run again as the bucket changes.
  await form.form.getByRole('button', { name: 'logport-exports', exact: true }).click();
  await expect(form.checks.getByTestId('preflight-policy')).toHaveAttribute('data-verdict', 'pass');
  await form.save.click();
  await expect(page).toHaveURL(/\/rules\?saved=[0-9a-f]{32}$/);
  created.push(new URL(page.url()).searchParams.get('saved') ?? '');
  await expect(page.getByText(`Rule ${name} saved.`)).toBeVisible();
  const rules = new RulesPage(page);
  const row = rules.rule(name);
  await expect(row).toContainText(`1 named group (${GROUP})`);
  await expect(row).toContainText('Daily · UTC · no wait');
  await expect(row).toContainText(`From ${daysAgo(2)}`);
  await axe(page);

  // Coverage: the two due days are exported and archived; today is not due yet.
  await row.getByRole('link', { name: `Coverage of ${name}` }).click();
  const coverage = new CoveragePage(page);
  await expect(page).toHaveURL(/\/coverage\?rule=[0-9a-f]{32}$/);
  await expect(coverage.summary(GROUP)).toHaveText('2 of 3 days archived, 1 not due yet', {
    timeout: 90_000,
  });
  await expect(coverage.percent(GROUP)).toHaveText('100%');
  await expect(page.getByTestId('coverage-live')).toHaveText('Nothing is queued or running right now.');
  await axe(page);
  // The list says what happened too.
  await rules.goto();
  await expect(rules.rule(name).getByTestId('rule-exports')).toHaveText('0 queued · 0 running · 0 failed');
  await expect(rules.rule(name)).not.toContainText('Last archived: never');
});

test('an admin edits, pauses, resumes and deletes a rule (with a confirmation)', async ({ page }) => {
  const name = `e2e-prefix-${uniqueTag()}`;
  const { id } = await createRule(api, {
    name,
    logGroups: { prefix: '/aws/lambda/image-resizer' },
    bucket: 'logport-exports',
    every: 'day',
    timeZone: 'UTC',
    backfillFrom: daysAgo(0),
  });
  created.push(id);
  // Its own address answers 200 (an unknown one answers 404: below).
  expect((await page.goto(`/rules/${id}`))?.status()).toBe(200);
  const rules = new RulesPage(page);
  await rules.goto();
  const row = rules.rule(name);
  await expect(row).toContainText('Names starting /aws/lambda/image-resizer');
  await expect(row).toContainText('wait 12 h');

  await row.getByRole('link', { name: `Edit ${name}` }).click();
  const form = new RuleFormPage(page);
  await expect(form.form).toHaveAttribute('data-ready', 'true');
  await expect(form.field('Log group names starting with')).toHaveValue('/aws/lambda/image-resizer');
  await form.form.getByRole('button', { name: '1 h' }).click();
  await form.form.getByRole('radio', { name: 'Hourly' }).check();
  // When it counts as behind (the rule.behind alert): six hours unless changed, checked as typed.
  const behind = form.field('Alert when a window is still not archived after (minutes)');
  await expect(behind).toHaveValue('360');
  await expect(form.form.getByTestId('rule-behind-text')).toHaveText('6 h');
  await behind.fill('5');
  await behind.blur();
  await expect(
    form.form.getByText('Give a whole number of minutes between 15 and 43,200 (30 days).'),
  ).toBeVisible();
  await behind.fill('90');
  await expect(form.form.getByTestId('rule-behind-text')).toHaveText('1 h 30 min');
  await form.save.click();
  await expect(page.getByText(`Rule ${name} saved.`)).toBeVisible();
  await expect(row).toContainText('Hourly · UTC · wait 1 h');
  const saved = await api.get(`/api/rules/${id}`);
  expect(((await saved.json()) as { rule: { behindAfterMinutes: number } }).rule.behindAfterMinutes).toBe(90);

  await row.getByRole('button', { name: `Pause ${name}` }).click();
  await expect(page.getByText(`${name} paused`)).toBeVisible();
  await expect(row.getByTestId('rule-state')).toHaveText('Paused');
  await expect(row.getByRole('button', { name: `Run ${name} now` })).toHaveCount(0);
  await row.getByRole('button', { name: `Resume ${name}` }).click();
  await expect(row.getByTestId('rule-state')).toHaveText('Enabled');

  await row.getByRole('button', { name: `Delete ${name}…` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete the rule ${name}?` });
  await expect(dialog).toContainText('Exports already in S3 stay');
  await axe(page);
  await dialog.getByRole('button', { name: 'Keep the rule' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: `Delete ${name}…` }).click();
  await dialog.getByRole('button', { name: 'Delete rule' }).click();
  await expect(page.getByText(`Rule ${name} deleted.`)).toBeVisible();
  await expect(row).toHaveCount(0);
  expect(await ruleNames(api)).not.toContain(name);

  // Each change is in the activity log, with who made it.
  for (const action of ['rule.create', 'rule.update', 'rule.disable', 'rule.enable', 'rule.delete']) {
    await page.goto(`/activity?action=${action}`);
    await expect(page.locator(`[data-testid="activity-row"][data-action="${action}"]`).first()).toContainText(
      name,
    );
  }
});

test('a rule opened at an unknown address says so, with a 404', async ({ page }) => {
  const answer = await page.goto(`/rules/${'0'.repeat(32)}`);
  expect(answer?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Rule not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to rules' })).toBeVisible();
  expect((await page.goto('/rules/not-a-rule-id'))?.status()).toBe(404);
  // The form for a new rule is not an id.
  expect((await page.goto('/rules/new'))?.status()).toBe(200);
});
