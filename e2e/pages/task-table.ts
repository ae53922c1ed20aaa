import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The export history table as a user sees it: rows by task id, filters by label, Load more, Refresh. Only
 * the rows on screen are in the page (the table is virtualised): `taskIds()` scrolls through the whole list.
 */
export class TaskTable {
  readonly rows: Locator;
  readonly loadMoreButton: Locator;
  readonly announcer: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('task-row');
    this.loadMoreButton = page.getByTestId('load-more');
    this.announcer = page.getByTestId('task-announcer');
  }

  async goto(search = ''): Promise<void> {
    await this.page.goto(`/exports${search}`);
    await expect(this.page.getByRole('heading', { name: 'Export history' })).toBeVisible();
    // Filters typed before the page is hydrated would be lost.
    await expect(this.page.getByTestId('task-history')).toHaveAttribute('data-ready', 'true');
  }

  /**
   * Opens the history until it shows a task created outside Logport (by the test, through the SDK): the
   * server shares each list answer for 2 s, so a load right after the create may not have it yet.
   */
  async gotoShowing(taskId: string): Promise<void> {
    await expect(async () => {
      await this.goto();
      await expect(this.row(taskId)).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  }

  row(taskId: string): Locator {
    return this.page.locator(`[data-testid="task-row"][data-task-id="${taskId}"]`);
  }

  status(taskId: string): Locator {
    return this.row(taskId).locator('[data-status]').first();
  }

  /** Every loaded task id in order, read by scrolling the page through the list (and back to the top). */
  async taskIds(): Promise<string[]> {
    if ((await this.page.getByTestId('task-table').count()) === 0) return [];
    return this.page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const table = document.querySelector('[data-testid="task-table"]');
      const total = Number(table?.getAttribute('aria-rowcount') ?? 1) - 1;
      const byIndex = new Map<number, string>();
      const read = () => {
        for (const row of document.querySelectorAll('[data-testid="task-row"]')) {
          byIndex.set(Number(row.getAttribute('aria-rowindex')) - 2, row.getAttribute('data-task-id') ?? '');
        }
      };
      const start = window.scrollY;
      read();
      for (let y = 0; byIndex.size < total && y < document.documentElement.scrollHeight; ) {
        y += Math.max(200, window.innerHeight - 100);
        window.scrollTo(0, y);
        await frame();
        read();
      }
      window.scrollTo(0, start);
      await frame();
      return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
    });
  }

  /** How many tasks the table holds (loaded and matching), whether or not they are on screen. */
  async rowCount(): Promise<number> {
    const value = await this.page.getByTestId('task-table').getAttribute('aria-rowcount');
    return Number(value ?? 1) - 1;
  }

  /** Waits until the table shows exactly these ids, in this order (retrying while polls land). */
  async expectTaskIds(ids: string[]): Promise<void> {
    await expect.poll(() => this.taskIds(), { timeout: 15_000 }).toEqual(ids);
  }

  async filterStatus(label: string): Promise<void> {
    await this.page.getByLabel('Status', { exact: true }).selectOption({ label });
  }

  async filterTaskId(taskId: string): Promise<void> {
    const field = this.page.getByLabel('Task id', { exact: true });
    await field.fill(taskId);
    await field.press('Enter');
  }

  /**
   * By keyboard: rows below the screen are measured as they come into view, so the button can move between
   * Playwright's scroll and its click; focus and Enter do not depend on where it is.
   */
  async loadMore(): Promise<void> {
    await this.loadMoreButton.press('Enter');
  }

  cancelButton(taskId: string): Locator {
    return this.row(taskId).getByRole('button', { name: /^Cancel export/ });
  }

  confirmDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Cancel this export?' });
  }
}
