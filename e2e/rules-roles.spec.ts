import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { CoveragePage } from './pages/coverage';
import { apiAs, createRule, daysAgo, deleteRule, RulesPage, uniqueTag } from './pages/rules';
import { E2E } from './support/env';
import { actionResult, callServerAction } from './support/server-actions';

/**
 * What each role sees and may do with rules and coverage: a viewer looks (no edit controls, every action refused
 * when called directly), an operator runs a rule now and reads its tags again but cannot change it, both in
 * English and Japanese.
 */
const RULE_ACTIONS = 'app/(console)/rules/actions.ts';
const COVERAGE_ACTIONS = 'app/(console)/coverage/actions.ts';
const GROUP = '/ecs/checkout-service';
let api: APIRequestContext;
let rule: { id: string; name: string };

test.beforeAll(async () => {
  api = await apiAs('admin');
  const name = `e2e-roles-${uniqueTag()}`;
  // Tagged archive=true in the seed: a rule by tag; a day back, settled at once, so coverage has a row.
  const { id } = await createRule(api, {
    name,
    logGroups: { tag: { key: 'archive', value: 'true' } },
    exclude: ['/aws/lambda/orders-api', '/aws/lambda/payments-webhook'],
    bucket: 'logport-exports',
    every: 'day',
    timeZone: 'UTC',
    settleMinutes: 0,
    backfillFrom: daysAgo(1),
  });
  rule = { id, name };
});

test.afterAll(async () => {
  await deleteRule(api, rule.id);
  await api.dispose();
});

test.describe('a viewer', () => {
  test.use({ storageState: E2E.storageState('viewer') });

  test('sees rules and coverage with no edit controls, and every action refuses a direct call', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const rules = new RulesPage(page);
    await rules.goto();
    const row = rules.rule(rule.name);
    await expect(row).toContainText('Tagged archive = true, except 2');
    await expect(page.getByText('You can look at rules and their coverage.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'New rule' })).toHaveCount(0);
    await expect(row.getByRole('link', { name: `Coverage of ${rule.name}` })).toBeVisible();
    for (const control of ['Edit', 'Pause', 'Delete', 'Run', 'Read the tags'])
      await expect(row.getByRole('button', { name: new RegExp(`^${control}`) })).toHaveCount(0);
    await expect(row.getByRole('link', { name: `Edit ${rule.name}` })).toHaveCount(0);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await page.goto('/rules/new');
    await expect(page.getByText('You do not have access to this')).toBeVisible();
    await expect(page.getByTestId('rule-form')).toHaveCount(0);
    await page.goto(`/rules/${rule.id}`);
    await expect(page.getByTestId('rule-form')).toHaveCount(0);

    const coverage = new CoveragePage(page);
    await coverage.goto(`?rule=${rule.id}`);
    await expect(coverage.row(GROUP)).toBeVisible({ timeout: 30_000 });
    await expect(coverage.summary(GROUP)).toContainText(/of 2 days archived/);
    await expect(
      page.getByText('You can look at coverage. Operators select gaps and fill them.'),
    ).toBeVisible();
    await expect(coverage.fillBar).toHaveCount(0);
    await expect(coverage.bars(GROUP)).toHaveCount(0);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    const input = { name: `${rule.name}-x`, logGroups: { names: [GROUP] }, bucket: 'logport-exports' };
    const calls: Array<[string, string, unknown[]]> = [
      [RULE_ACTIONS, 'saveRule', [input]],
      [RULE_ACTIONS, 'saveRule', [input, rule.id]],
      [RULE_ACTIONS, 'deleteRule', [{ id: rule.id }]],
      [RULE_ACTIONS, 'setRuleEnabled', [{ id: rule.id, enabled: false }]],
      [RULE_ACTIONS, 'runRuleNow', [{ id: rule.id }]],
      [RULE_ACTIONS, 'refreshRuleTags', [{ id: rule.id }]],
      [
        RULE_ACTIONS,
        'previewRuleGroups',
        [{ region: E2E.region, logGroups: { names: [GROUP] }, exclude: [] }],
      ],
      [
        COVERAGE_ACTIONS,
        'planGaps',
        [{ region: E2E.region, items: [{ ruleId: rule.id, logGroup: GROUP, start: 0 }] }],
      ],
      [
        COVERAGE_ACTIONS,
        'fillGaps',
        [{ region: E2E.region, items: [{ ruleId: rule.id, logGroup: GROUP, start: 0 }] }],
      ],
    ];
    for (const [file, name, args] of calls) {
      const res = await callServerAction(page.request, { file, name }, args);
      expect(actionResult(res.body), `${name} as a viewer`).toMatchObject({ ok: false, error: 'forbidden' });
    }
    // The JSON API refuses a viewer's writes too; the rule is still there, enabled.
    expect(
      (await page.request.delete(`/api/rules/${rule.id}`, { headers: { Origin: E2E.appUrl } })).status(),
    ).toBe(403);
    const still = await (await api.get(`/api/rules/${rule.id}`)).json();
    expect(still.rule).toMatchObject({ name: rule.name, enabled: true });
  });

  test('reads rules and coverage in Japanese', async ({ browser }) => {
    const context = await browser.newContext({
      storageState: E2E.storageState('viewer'),
      locale: 'ja-JP',
      timezoneId: 'UTC',
    });
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ja', url: E2E.appUrl }]);
    const page = await context.newPage();
    await page.goto('/rules');
    await expect(page.getByRole('heading', { level: 1, name: 'ルール' })).toBeVisible();
    await expect(new RulesPage(page).rule(rule.name)).toContainText('タグ archive = true、2 個を除外');
    await expect(page.getByRole('navigation', { name: /./ }).first()).toContainText('カバレッジ');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.goto(`/coverage?rule=${rule.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'カバレッジ' })).toBeVisible();
    await expect(new CoveragePage(page).summary(GROUP)).toContainText('2 日中');
    await expect(page.getByTestId('coverage-legend')).toContainText('ギャップ');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await context.close();
  });
});

test.describe('an operator', () => {
  test.use({ storageState: E2E.storageState('operator') });

  test('runs a rule now and reads its tags again, but cannot change or delete it', async ({ page }) => {
    const rules = new RulesPage(page);
    await rules.goto();
    const row = rules.rule(rule.name);
    await expect(page.getByText('You can run a rule now and read its tags again.')).toBeVisible();
    await row.getByRole('button', { name: `Run ${rule.name} now` }).click();
    await expect(page.getByText(new RegExp(`^${rule.name} looked at now: `))).toBeVisible();
    await row.getByRole('button', { name: `Read the tags of ${rule.name}'s log groups again` }).click();
    await expect(page.getByText(`The tags of ${rule.name}'s log groups were read again.`)).toBeVisible();
    await expect(row.getByRole('link', { name: `Edit ${rule.name}` })).toHaveCount(0);
    await expect(row.getByRole('button', { name: `Delete ${rule.name}…` })).toHaveCount(0);
    await expect(row.getByRole('button', { name: `Pause ${rule.name}` })).toHaveCount(0);
    for (const [name, args] of [
      ['saveRule', [{ name: 'x', logGroups: { names: [GROUP] }, bucket: 'logport-exports' }]],
      ['deleteRule', [{ id: rule.id }]],
      ['setRuleEnabled', [{ id: rule.id, enabled: false }]],
    ] as const) {
      const res = await callServerAction(page.request, { file: RULE_ACTIONS, name }, [...args]);
      expect(actionResult(res.body), `${name} as an operator`).toMatchObject({
        ok: false,
        error: 'forbidden',
      });
    }
  });
});
