import { DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { emulator } from './support/emulator-admin';
import { E2E, ROLES_UNDER_TEST } from './support/env';
import { logs } from './support/export-tasks';

/**
 * axe on every page (issue 8): no serious or critical WCAG 2.1 A/AA violation, signed in as each role, on the
 * sign-in page, on a finished task's details, on the wizard's later steps (the step lives in the URL), and in
 * Japanese. A failure lists each violation with its rule, impact, the elements (CSS selectors) and the fix.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const WIZARD = 'g=my-log-group&preset=yesterday&tz=UTC&bucket=logport-exports&prefix=a11y&name=a11y-check';

const PAGES = [
  { name: 'export history', path: '/exports', ready: '[data-testid="task-row"]' },
  { name: 'export history filtered', path: '/exports?status=FAILED', ready: '[data-testid="task-row"]' },
  { name: 'wizard: source', path: '/exports/new' },
  { name: 'wizard: range', path: `/exports/new?step=range&${WIZARD}`, operatorOnly: true },
  { name: 'wizard: destination', path: `/exports/new?step=destination&${WIZARD}`, operatorOnly: true },
  { name: 'wizard: review', path: `/exports/new?step=review&${WIZARD}`, operatorOnly: true },
  { name: 'bucket policy', path: '/bucket-policy' },
  { name: 'queue', path: '/queue' },
  { name: 'activity', path: '/activity' },
  { name: 'settings', path: '/settings' },
  { name: 'alerts', path: '/alerts' },
  { name: 'task details', path: 'DETAILS' },
  { name: 'not found', path: '/no-such-page' },
];

let completedTask: string | undefined;
async function detailsPath(): Promise<string> {
  if (!completedTask) {
    const out = await logs().send(new DescribeExportTasksCommand({ statusCode: 'COMPLETED', limit: 1 }));
    completedTask = out.exportTasks?.[0]?.taskId;
    if (!completedTask) throw new Error('the emulator has no completed task');
  }
  return `/exports/${completedTask}`;
}

/** Loads the page and lets it settle (data arrived, polls quiet) so axe sees what a person sees. */
async function open(page: Page, path: string, ready?: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  if (ready) await expect(page.locator(ready).first()).toBeVisible();
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  // Row highlights and toasts fade in; axe's contrast checks want the final colours.
  await page.waitForTimeout(500);
}

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) =>
    [
      `${v.id} (${v.impact}): ${v.help}`,
      ...v.nodes
        .slice(0, 8)
        .map(
          (n) =>
            `    at ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
        ),
      v.nodes.length > 8 ? `    … and ${v.nodes.length - 8} more` : '',
      `    ${v.helpUrl}`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  expect(serious.length, `${where}: serious or critical axe violations\n${report.join('\n')}`).toBe(0);
}

test.describe('hardening: accessibility (axe)', () => {
  test.beforeAll(async () => {
    await emulator.clearFaults();
  });

  for (const role of ROLES_UNDER_TEST) {
    test.describe(`as ${role}`, () => {
      test.use({ storageState: E2E.storageState(role) });
      for (const p of PAGES) {
        if (p.operatorOnly && role === 'viewer') continue;
        test(p.name, async ({ page }) => {
          const path = p.path === 'DETAILS' ? await detailsPath() : p.path;
          await open(page, path, p.ready);
          await expectNoSeriousViolations(page, `${path} as ${role}`);
        });
      }
    });
  }

  test('sign-in page, anonymous', async ({ page }) => {
    await open(page, '/signin');
    await expectNoSeriousViolations(page, '/signin');
  });

  test('sign-in page with a failed attempt', async ({ page }) => {
    await open(page, '/signin');
    await page.getByLabel('User name').fill('nobody');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: /./ }).first()).toBeVisible();
    await expectNoSeriousViolations(page, '/signin after a failed attempt');
  });

  test.describe('in Japanese', () => {
    test.use({ storageState: E2E.storageState('operator'), locale: 'ja-JP' });
    for (const p of [
      { path: '/exports', ready: '[data-testid="task-row"]' },
      { path: '/exports/new' },
      { path: `/exports/new?step=review&${WIZARD}` },
      { path: '/bucket-policy' },
      { path: '/queue' },
    ]) {
      test(p.path, async ({ page }) => {
        await open(page, p.path, p.ready);
        await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
        await expectNoSeriousViolations(page, `${p.path} (ja)`);
      });
    }
  });
});
