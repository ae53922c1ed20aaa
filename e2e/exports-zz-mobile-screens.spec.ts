import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { E2E } from './support/env';
import { allTaskIds, describeTask } from './support/export-tasks';

/**
 * The export history, a task's details and the queue on a 390 px phone, in English and Japanese: tasks and
 * jobs show as cards, the page never scrolls sideways, axe finds nothing serious. Screenshots go to
 * test-results/<port>/screens/, or to docs/screens/ (the README's) with UPDATE_DOCS_SCREENS=1.
 * (Japanese needs a CJK font on the machine: `apt-get install fonts-noto-cjk`.)
 */
test.use({ storageState: E2E.storageState('operator'), viewport: { width: 390, height: 844 } });

/** Two jobs put in the queue directly (as queue-page.spec does), so the phone shows job cards. */
function enqueueTwo(locale: string): void {
  const start = Date.now() - 30 * 3_600_000;
  const jobs = [0, 1].map((i) => ({
    region: E2E.region,
    logGroupName: '/aws/lambda/orders-api',
    from: start + i * 3_600_000,
    to: start + (i + 1) * 3_600_000,
    destination: 'logport-exports',
    destinationPrefix: 'exportedlogs',
    taskName: `phone-${locale}-${Date.now().toString(36)}-${i + 1}`,
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

/** No serious or critical WCAG 2.1 A/AA violation in the phone layout either (cards, the menu). */
async function accessible(page: import('@playwright/test').Page): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const shots = process.env.UPDATE_DOCS_SCREENS ? 'docs/screens' : `test-results/${E2E.appPort}/screens`;

async function noSidewaysScroll(page: import('@playwright/test').Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth);
}

for (const locale of ['en', 'ja'] as const) {
  test(`history, details and queue at 390 px in ${locale}: cards, no sideways scroll`, async ({
    page,
    context,
  }) => {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: E2E.appUrl }]);
    await page.goto('/exports');
    await expect(page.getByTestId('task-history')).toHaveAttribute('data-ready', 'true');
    const cards = page.getByTestId('task-card');
    await expect(cards.first()).toBeVisible();
    await expect(page.getByTestId('task-table')).toBeHidden();
    await noSidewaysScroll(page);
    await accessible(page);
    await page.screenshot({ path: `${shots}/history-390-${locale}.png` });

    let completed = '';
    for (const id of (await allTaskIds()).slice(0, 50)) {
      if ((await describeTask(id))?.status?.code === 'COMPLETED') {
        completed = id;
        break;
      }
    }
    await page.goto(`/exports/${completed}`);
    await expect(page.getByTestId('task-summary')).toBeVisible();
    await expect(page.getByTestId('object-list')).toBeVisible();
    await expect(page.getByTestId('object-list').locator('[aria-busy="true"]')).toHaveCount(0);
    await noSidewaysScroll(page);
    await accessible(page);
    await page.screenshot({ path: `${shots}/details-390-${locale}.png`, fullPage: true });

    enqueueTwo(locale);
    await page.goto('/queue');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('queue-job-card').first()).toBeVisible();
    await expect(page.locator('[data-testid="queue-job"]:visible')).toHaveCount(0);
    await noSidewaysScroll(page);
    await page.screenshot({ path: `${shots}/queue-390-${locale}.png` });
  });
}
