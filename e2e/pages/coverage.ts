import { expect, type Locator, type Page } from '@playwright/test';

/** /coverage as a user sees it: totals, filters, the fill bar and a row per (rule, log group). */
export class CoveragePage {
  readonly view: Locator;
  readonly rows: Locator;
  readonly fillBar: Locator;
  readonly fillNotice: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('coverage-view');
    this.rows = page.getByTestId('coverage-row');
    this.fillBar = page.getByTestId('fill-bar');
    this.fillNotice = page.getByTestId('fill-notice');
  }

  async goto(search = ''): Promise<void> {
    await this.page.goto(`/coverage${search}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  row(logGroup: string): Locator {
    return this.page.locator(`[data-testid="coverage-row"][data-group="${logGroup}"]`);
  }

  summary(logGroup: string): Locator {
    return this.row(logGroup).getByTestId('coverage-summary');
  }

  percent(logGroup: string): Locator {
    return this.row(logGroup).getByTestId('coverage-percent');
  }

  /** The selectable bars (gap or failed) of a row, for operators. */
  bars(logGroup: string, state?: 'gap' | 'failed'): Locator {
    const bars = this.row(logGroup).getByTestId('coverage-bar');
    return state ? bars.and(this.page.locator(`[data-state="${state}"]`)) : bars;
  }
}
