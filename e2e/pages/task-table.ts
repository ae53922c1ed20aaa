import { expect, type Locator, type Page } from '@playwright/test';

/** The export history table as a user sees it: rows by task id, filters by label, Load more, Refresh. */
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

  async taskIds(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task-id') ?? ''));
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

  async loadMore(): Promise<void> {
    await this.loadMoreButton.click();
  }

  cancelButton(taskId: string): Locator {
    return this.row(taskId).getByRole('button', { name: /^Cancel export/ });
  }

  confirmDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Cancel this export?' });
  }
}
