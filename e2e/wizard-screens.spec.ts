import { expect, type Page, test } from '@playwright/test';
import { E2E } from './support/env';

/**
 * The wizard on a 390 px phone, every step, English and Japanese: screenshots for people to look at
 * (docs/screens/wizard-<step>-390-<locale>.png), and no step may scroll the page sideways. Japanese needs a CJK
 * font on the machine (Debian: fonts-noto-cjk), or its text shows as boxes.
 */
test.use({ storageState: E2E.storageState('operator'), viewport: { width: 390, height: 844 } });

const STEPS = ['source', 'range', 'destination', 'review'] as const;

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    view: window.innerWidth,
  }));
  expect(widths.page, 'page width').toBeLessThanOrEqual(widths.view);
  expect(widths.body, 'body width').toBeLessThanOrEqual(widths.view);
}

for (const locale of ['en', 'ja'] as const) {
  test(`the wizard fits a 390 px screen in ${locale}`, async ({ page, context }) => {
    test.setTimeout(120_000);
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: E2E.appUrl }]);
    for (const step of STEPS) {
      const params = new URLSearchParams({
        step,
        preset: 'yesterday',
        tz: 'Asia/Tokyo',
        bucket: 'logport-exports-kms',
        prefix: 'exportedlogs',
      });
      for (const g of ['/aws/lambda/orders-api', '/aws/lambda/image-resizer']) params.append('g', g);
      await page.goto(`/exports/new?${params.toString()}`);
      await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
      if (step === 'source') await expect(page.getByRole('checkbox').first()).toBeVisible();
      if (step === 'destination' || step === 'review') {
        await expect(page.getByTestId('preflight-encryption')).toBeVisible();
      }
      await page.waitForLoadState('networkidle');
      await noSidewaysScroll(page);
      await page.screenshot({ path: `docs/screens/wizard-${step}-390-${locale}.png`, fullPage: true });
    }
  });
}
