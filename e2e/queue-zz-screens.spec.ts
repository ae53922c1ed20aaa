import { execFileSync } from 'node:child_process';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { E2E } from './support/env';
import { removeRuleJobs, seedRuleJobs } from './support/rule-jobs';

/**
 * Screenshots of /queue and /activity: in English and Japanese, light and dark, for a person to look at
 * (test-results/<port>/screens); and on a 390 px phone for docs/screens, with a person's batch and a rule's
 * card in the queue, checked for sideways scrolling and accessibility. Runs after the other queue specs so
 * the pages have something to show.
 */
test.use({ storageState: E2E.storageState('operator') });

const docs = path.resolve('docs/screens');
const HOUR = 3_600_000;

for (const locale of ['en', 'ja'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`queue and activity pages render in ${locale}, ${scheme}`, async ({ page, context }) => {
      await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: E2E.appUrl }]);
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 900 });
      for (const where of ['/queue', '/activity']) {
        await page.goto(where);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.screenshot({
          path: `test-results/${E2E.appPort}/screens/${where.slice(1)}-${locale}-${scheme}.png`,
          fullPage: true,
        });
      }
    });
  }
}

function enqueueTwo(): void {
  const start = Date.now() - 80 * HOUR;
  const tag = Date.now().toString(36);
  const jobs = ['/aws/lambda/orders-api', '/ecs/checkout-service'].map((group, i) => ({
    region: E2E.region,
    logGroupName: group,
    from: start + i * 24 * HOUR,
    to: start + (i + 1) * 24 * HOUR,
    destination: 'logport-exports',
    destinationPrefix: 'exportedlogs',
    taskName: `e2e-screens-${tag}-${i + 1}`,
  }));
  const code = `const m = await import('./lib/queue/enqueue.ts');
    const { enqueueJobs } = m.enqueueJobs ? m : m.default;
    await enqueueJobs({ name: 'operator', role: 'operator' }, JSON.parse(process.argv[1]));`;
  execFileSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '-e', code, JSON.stringify(jobs)],
    { env: { ...process.env, LOGPORT_DATA_DIR: E2E.dataDir, NODE_NO_WARNINGS: '1' }, encoding: 'utf8' },
  );
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth);
}

test.describe('on a 390 px phone', () => {
  test.describe.configure({ mode: 'serial' });
  test.use({ viewport: { width: 390, height: 844 } });

  let ruleId = '';
  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext({ storageState: E2E.storageState('operator') });
    const page = await context.newPage();
    // Paused while the pictures are taken, so the person's batch waits where it can be seen.
    await page.goto('/queue');
    if (await page.getByTestId('queue-pause').isVisible()) await page.getByTestId('queue-pause').click();
    await expect(page.getByTestId('queue-resume')).toBeVisible();
    await context.close();
    ruleId = seedRuleJobs({ done: 412, failedToday: 2, failedOlder: 1, waiting: 137 }).ruleId;
    enqueueTwo();
  });
  test.afterAll(async ({ browser }) => {
    const context = await browser.newContext({ storageState: E2E.storageState('operator') });
    const page = await context.newPage();
    await page.goto('/queue');
    await page.getByTestId('queue-resume').click();
    await expect(page.getByTestId('queue-pause')).toBeVisible();
    await context.close();
    if (ruleId) removeRuleJobs(ruleId);
  });

  for (const locale of ['en', 'ja'] as const) {
    test(`queue and activity at 390 px in ${locale}: cards, no sideways scroll`, async ({
      page,
      context,
    }) => {
      await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: E2E.appUrl }]);
      await page.goto('/queue');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByTestId('queue-job-card').first()).toBeVisible();
      await expect(page.locator(`[data-testid="queue-rule"][data-rule="${ruleId}"]`)).toBeVisible();
      await expect(page.locator('[data-testid="queue-job"]:visible')).toHaveCount(0);
      await noSidewaysScroll(page);
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      await page.screenshot({ path: `${docs}/queue-rules-390-${locale}.png`, fullPage: true });

      await page.goto('/activity');
      await expect(page.getByTestId('activity-card').first()).toBeVisible();
      await expect(page.locator('[data-testid="activity-row"]:visible')).toHaveCount(0);
      await noSidewaysScroll(page);
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      // The filters and the first entries (the whole page holds 50).
      await page.screenshot({
        path: `${docs}/activity-390-${locale}.png`,
        fullPage: true,
        clip: { x: 0, y: 0, width: 390, height: 2000 },
      });
    });
  }
});
