import { expect, test } from '@playwright/test';
import { E2E } from './support/env';

/**
 * Screenshots of /queue and /activity in English and Japanese, light and dark, for a person to look at
 * (test-results/<port>/screens). Runs after the other queue specs so the pages have something to show.
 */
test.use({ storageState: E2E.storageState('operator') });

for (const locale of ['en', 'ja'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`queue and activity pages render in ${locale}, ${scheme}`, async ({ page, context }) => {
      await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: E2E.appUrl }]);
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 900 });
      for (const path of ['/queue', '/activity']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.screenshot({
          path: `test-results/${E2E.appPort}/screens/${path.slice(1)}-${locale}-${scheme}.png`,
          fullPage: true,
        });
      }
    });
  }
}
