import { DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import { expect, type Page, test } from '@playwright/test';
import { logs } from './pages/export-wizard';
import { E2E, type TestRole } from './support/env';

// Each role sees only what it may use (README "Users and roles", lib/auth/roles.ts): the navigation and the
// page-level buttons. And the header on a 390 px phone: one short row, the rest behind a keyboard-friendly menu.

const NAV: Record<TestRole, string[]> = {
  viewer: ['Accounts', 'Exports', 'Queue', 'Rules', 'Coverage', 'Bucket policy', 'Activity'],
  operator: [
    'Accounts',
    'Exports',
    'New export',
    'Queue',
    'Rules',
    'Coverage',
    'Bucket policy',
    'Activity',
    'Alerts',
  ],
  admin: [
    'Accounts',
    'Exports',
    'New export',
    'Queue',
    'Rules',
    'Coverage',
    'Bucket policy',
    'Activity',
    'Alerts',
    'Settings',
  ],
};

/** Page-level controls and the least role that may see them. */
const CONTROLS: Array<{ path: string; name: string; kind: 'link' | 'button'; needs: TestRole }> = [
  { path: '/exports', name: 'New export', kind: 'link', needs: 'operator' },
  { path: '/queue', name: 'Queue exports', kind: 'link', needs: 'operator' },
  { path: '/bucket-policy', name: 'Load from bucket', kind: 'button', needs: 'admin' },
  { path: '/bucket-policy', name: 'Apply…', kind: 'button', needs: 'admin' },
];
const RANK: Record<TestRole, number> = { viewer: 0, operator: 1, admin: 2 };

const navLinks = (page: Page) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();

async function completedTaskId(): Promise<string> {
  const out = await logs.send(new DescribeExportTasksCommand({ statusCode: 'COMPLETED', limit: 1 }));
  const id = out.exportTasks?.[0]?.taskId;
  if (!id) throw new Error('the seed has no completed export');
  return id;
}

for (const role of ['viewer', 'operator', 'admin'] as const) {
  test.describe(role, () => {
    test.use({ storageState: E2E.storageState(role) });

    test(`${role}: the navigation lists exactly the pages a ${role} may use`, async ({ page }) => {
      await page.goto('/exports');
      expect((await navLinks(page)).map((t) => t.trim())).toEqual(NAV[role]);
    });

    test(`${role}: page-level buttons follow the role`, async ({ page }) => {
      for (const c of CONTROLS) {
        await page.goto(c.path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        const control = page.getByRole('main').getByRole(c.kind, { name: c.name, exact: true });
        if (c.path === '/bucket-policy' && RANK[role] >= RANK[c.needs]) {
          // Apply appears once the form is complete; the page needs a bucket for that.
          await page.goto(
            `/bucket-policy?bucket=logport-exports&region=${E2E.region}&account=${E2E.accountId}`,
          );
        }
        await expect(control, `${c.name} on ${c.path}`).toHaveCount(RANK[role] >= RANK[c.needs] ? 1 : 0);
      }
      // A finished export's page: cancelling and exporting again are for operators.
      await page.goto(`/exports/${await completedTaskId()}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Export this range again…' })).toHaveCount(
        RANK[role] >= RANK.operator ? 1 : 0,
      );
    });
  });
}

test.describe('a 390 px phone', () => {
  test.use({ storageState: E2E.storageState('operator'), viewport: { width: 390, height: 844 } });

  test('the header is one short row; the menu opens and closes with the keyboard', async ({ page }) => {
    await page.goto('/exports');
    const header = page.locator('header').first();
    const box = await header.boundingBox();
    expect(box?.height ?? 999).toBeLessThanOrEqual(64);
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();

    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Queue' })).toBeVisible();
    // Region and language stay reachable.
    await expect(page.getByTestId('region-switcher')).toBeVisible();
    await expect(page.getByTestId('language-switcher')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();

    // Choosing a page closes the menu.
    await menu.click();
    await nav.getByRole('link', { name: 'Queue' }).click();
    await expect(page).toHaveURL(/\/queue$/);
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    // The header itself never needs sideways scrolling (what a page shows below it is that page's business).
    expect(await header.evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
