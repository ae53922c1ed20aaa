import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { TaskTable } from './pages/task-table';
import { AccountsPage, accountTaskIds, expectScopeShown } from './support/accounts';
import { E2E } from './support/env';

/**
 * /accounts (issue 16): every account and Region the user may see, reachable or not with the reason in plain
 * words (the `broken` account's role does not exist), each link opening that place; accessible; and on a 390 px
 * phone in English and Japanese (screenshots to docs/screens/ with UPDATE_DOCS_SCREENS=1).
 */
test.use({ storageState: E2E.storageState('viewer') });

const shots = process.env.UPDATE_DOCS_SCREENS ? 'docs/screens' : `test-results/${E2E.appPort}/screens`;

test('the overview shows prod and staging reachable, and the broken account unreachable with its reason', async ({
  page,
}) => {
  const overview = new AccountsPage(page);
  await overview.goto();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }),
  ).toHaveAttribute('aria-current', 'page');

  const cards = page.getByTestId('account-card');
  await expect(cards).toHaveCount(4);
  expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-account')))).toEqual([
    'default',
    'prod',
    'staging',
    'broken',
  ]);
  for (const [account, region] of [
    ['default', E2E.region],
    ['default', E2E.otherRegion],
    ['prod', E2E.region],
    ['prod', E2E.otherRegion],
    ['staging', E2E.region],
  ] as const) {
    await expect(overview.region(account, region), `${account} ${region}`).toHaveAttribute(
      'data-reachable',
      'true',
    );
    await expect(overview.region(account, region).getByTestId('account-error')).toHaveCount(0);
  }
  await expect(overview.card('prod')).toContainText('AWS account 111111111111');
  await expect(overview.card('staging')).toContainText('AWS account 222222222222');

  const broken = overview.region('broken', E2E.region);
  await expect(broken).toHaveAttribute('data-reachable', 'false');
  await expect(broken).toContainText('Not reachable');
  await expect(broken.getByTestId('account-error')).toHaveText(
    "Logport could not assume this account's role: check the role's trust policy (it must name Logport's account, and the external id if one is set) and the role ARN in the accounts file.",
  );
  // Plain words only: no AWS error name, ARN or stack in the page.
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).not.toMatch(/AccessDenied|arn:aws|NoSuchRole|Exception|at \w+ \(/);

  // The Region's links open that account and Region.
  const west = overview.region('prod', E2E.otherRegion);
  await expect(west.getByRole('link', { name: 'Export history of prod / us-west-2' })).toHaveAttribute(
    'href',
    '/exports?account=prod&region=us-west-2',
  );
  await expect(west.getByTestId('account-queued').getByRole('link')).toHaveAttribute(
    'href',
    '/queue?account=prod&region=us-west-2',
  );
  await west.getByRole('link', { name: 'Export history of prod / us-west-2' }).click();
  await expect(page).toHaveURL(/\/exports\?account=prod&region=us-west-2$/);
  await expect(page.getByTestId('task-history')).toHaveAttribute('data-ready', 'true');
  await expectScopeShown(page, 'prod', E2E.otherRegion);
  const prodWest = (await accountTaskIds('111111111111', E2E.otherRegion)).sort();
  await expect.poll(async () => (await new TaskTable(page).taskIds()).sort()).toEqual(prodWest);
});

test('the overview is rendered on the server, then polls GET /api/accounts every 30 s, not in a hidden tab', async ({
  page,
}) => {
  const polls: number[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/accounts') polls.push(Date.now());
  });
  const answered: number[] = [];
  page.on('requestfinished', (r) => {
    if (new URL(r.url()).pathname === '/api/accounts') answered.push(Date.now());
  });
  // The page's timers on a clock the test moves, and a tab the test can hide (as the browser does in the background).
  await page.clock.install();
  await page.addInitScript(() => {
    const w = window as unknown as { __hidden: boolean };
    w.__hidden = false;
    Object.defineProperty(document, 'visibilityState', { get: () => (w.__hidden ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { get: () => w.__hidden });
  });
  const setHidden = (hidden: boolean) =>
    page.evaluate((h) => {
      (window as unknown as { __hidden: boolean }).__hidden = h;
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  const overview = new AccountsPage(page);
  await overview.goto();
  // The cards came with the document, before any request to the API.
  await expect(overview.region('broken', E2E.region)).toHaveAttribute('data-reachable', 'false');
  expect(polls).toEqual([]);

  await setHidden(true);
  await page.clock.runFor(95_000);
  await page.waitForTimeout(500);
  expect(polls, 'a hidden tab polls').toEqual([]);

  await setHidden(false);
  await page.clock.runFor(31_000);
  await expect.poll(() => answered.length, { timeout: 10_000 }).toBeGreaterThan(0);
  // Each 30 s while visible (a look still under way when the next is due is not doubled).
  const seen = polls.length;
  await page.clock.runFor(31_000);
  await expect.poll(() => polls.length, { timeout: 10_000 }).toBeGreaterThan(seen);
});

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

test('axe finds nothing on /accounts', async ({ page }) => {
  await new AccountsPage(page).goto();
  await expect(page.getByTestId('account-card').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

for (const locale of ['en', 'ja'] as const) {
  test(`/accounts at 390 px in ${locale}: cards, no sideways scroll, the reason in ${locale}`, async ({
    page,
    context,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: E2E.appUrl }]);
    const overview = new AccountsPage(page);
    await overview.goto();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      locale === 'ja' ? 'アカウント' : 'Accounts',
    );
    await expect(overview.region('broken', E2E.region).getByTestId('account-error')).toContainText(
      locale === 'ja' ? 'ロールを引き受けられませんでした' : 'could not assume',
    );
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth);
    // Cards stack: each Region block takes the card's width.
    const box = await overview.region('prod', E2E.region).boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/accounts-390-${locale}.png`, fullPage: true });
  });
}
