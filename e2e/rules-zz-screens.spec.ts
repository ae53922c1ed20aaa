import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { apiAs, createRule, daysAgo, deleteRule, uniqueTag } from './pages/rules';
import { E2E } from './support/env';
import { actionResult, callServerAction } from './support/server-actions';

/**
 * /rules and /coverage while a rule catches up (some days archived, one running, the rest queued, two gaps
 * where exports were cancelled, today not due): at 390 px in English and Japanese (cards, no sideways scroll,
 * axe), and /coverage on a desktop for the README. Screenshots go to test-results/<port>/screens/, or to
 * docs/ with UPDATE_DOCS_SCREENS=1. Runs after the other rules and coverage specs.
 */
// Groups no other spec archives: in this emulator account, an export another spec made counts as archived.
const GROUPS = [
  '/aws/cloudtrail/management-events',
  '/aws/lambda/reports-generator',
  '/aws/codebuild/logport-ci',
];
const QUEUE = 'app/(console)/queue/actions.ts';
const docs = Boolean(process.env.UPDATE_DOCS_SCREENS);
const shots = docs ? 'docs/screens' : `test-results/${E2E.appPort}/screens`;
const readme = docs ? 'docs' : `test-results/${E2E.appPort}/screens`;
let api: APIRequestContext;
let ruleId = '';

test.use({ storageState: E2E.storageState('operator') });
test.describe.configure({ mode: 'serial' });

function ruleJobs(id: string): Array<{ id: string; state: string; log_group_name: string }> {
  const code = `const m = await import('./lib/db/index.ts');
    const { getDb } = m.getDb ? m : m.default;
    const db = await getDb();
    console.log(JSON.stringify(await db.selectFrom('queue_jobs').select(['id', 'state', 'log_group_name'])
      .where('rule_id', '=', process.argv[1]).orderBy('from_ms').execute()));
    process.exit(0);`;
  const out = execFileSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '-e', code, id],
    { env: { ...process.env, LOGPORT_DATA_DIR: E2E.dataDir, NODE_NO_WARNINGS: '1' }, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '[]');
}

async function queueAction(page: Page, name: string, args: unknown[] = []) {
  const res = await callServerAction(page.request, { file: QUEUE, name }, args);
  expect(actionResult(res.body), name).toMatchObject({ ok: true });
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth);
}

async function accessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  api = await apiAs('admin');
  const context = await browser.newContext({ storageState: E2E.storageState('operator') });
  const page = await context.newPage();
  await queueAction(page, 'pauseQueue');
  try {
    ({ id: ruleId } = await createRule(api, {
      name: `daily-archive-${uniqueTag()}`,
      logGroups: { names: GROUPS },
      bucket: 'logport-exports',
      prefixTemplate: 'logs/{logGroup}/{yyyy}/{mm}/{dd}',
      every: 'day',
      timeZone: 'UTC',
      settleMinutes: 0,
      backfillFrom: daysAgo(6),
    }));
    // Six days of three groups, less any day an export in the seeded history already archived.
    await expect.poll(() => ruleJobs(ruleId).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(15);
    await expect.poll(() => ruleJobs(ruleId).length, { intervals: [2_500] }).toBe(ruleJobs(ruleId).length);
    // Two gaps, in the middle of one group's week.
    const jobs = ruleJobs(ruleId).filter((j) => j.log_group_name === GROUPS[1]);
    for (const job of jobs.slice(2, 4)) await queueAction(page, 'cancelQueueJob', [{ jobId: job.id }]);
  } finally {
    await queueAction(page, 'resumeQueue');
  }
  // Part of the catch-up done: the pictures (the desktop one first) show it under way.
  await expect
    .poll(() => ruleJobs(ruleId).filter((j) => j.state === 'completed').length, { timeout: 90_000 })
    .toBeGreaterThanOrEqual(5);
  await context.close();
});

test.afterAll(async () => {
  if (ruleId) await deleteRule(api, ruleId);
  await api.dispose();
});

test('coverage on a desktop, for the README (and the rules list, to look at)', async ({ page, context }) => {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: E2E.appUrl }]);
  await page.setViewportSize({ width: 1360, height: 900 });
  await page.goto(`/coverage?rule=${ruleId}`);
  await expect(page.getByTestId('coverage-row')).toHaveCount(GROUPS.length);
  await noSidewaysScroll(page);
  await page.screenshot({ path: `${readme}/screenshot-coverage.png`, fullPage: true });
  await page.goto('/rules');
  await expect(page.getByTestId('rules-table')).toBeVisible();
  await noSidewaysScroll(page);
  await page.screenshot({ path: `test-results/${E2E.appPort}/screens/rules-desktop-en.png`, fullPage: true });
});

for (const locale of ['en', 'ja'] as const) {
  test(`rules and coverage at 390 px in ${locale}: cards, no sideways scroll`, async ({ page, context }) => {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: E2E.appUrl }]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/rules');
    await expect(page.getByTestId('rule-card').first()).toBeVisible();
    await expect(page.getByTestId('rules-table')).toBeHidden();
    await noSidewaysScroll(page);
    await accessible(page);
    await page.screenshot({ path: `${shots}/rules-390-${locale}.png` });

    await page.goto(`/coverage?rule=${ruleId}`);
    await expect(page.getByTestId('coverage-row')).toHaveCount(GROUPS.length);
    await noSidewaysScroll(page);
    await accessible(page);
    await page.screenshot({ path: `${shots}/coverage-390-${locale}.png`, fullPage: true });
  });
}
