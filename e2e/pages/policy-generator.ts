import { expect, type Locator, type Page } from '@playwright/test';

/** `accountId` is the exporting account's id; `account` names the Logport account the page works in. */
export type PolicyPrefill = Partial<
  Record<'bucket' | 'region' | 'account' | 'accountId' | 'prefix' | 'scenario', string>
>;

/** The bucket policy page (/bucket-policy), by what a user sees: labels, headings, buttons. */
export class PolicyGeneratorPage {
  readonly form: Locator;
  readonly check: Locator;
  readonly bucketPolicy: Locator;
  readonly bucketPolicyText: Locator;
  readonly loadButton: Locator;
  readonly applyButton: Locator;
  readonly dialog: Locator;
  readonly mergeSummary: Locator;
  readonly verdict: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Bucket policy settings' });
    this.check = page.getByRole('region', { name: 'Check' });
    this.bucketPolicy = page.getByRole('region', { name: 'Bucket policy (policy.json)' });
    this.bucketPolicyText = page.getByTestId('bucket-policy-output');
    this.loadButton = page.getByRole('button', { name: 'Load from bucket' });
    this.applyButton = page.getByRole('button', { name: 'Apply…' });
    this.dialog = page.getByRole('dialog');
    this.mergeSummary = page.getByTestId('merge-summary');
    this.verdict = page.getByTestId('check-result').locator('[data-verdict]');
  }

  async goto(prefill: PolicyPrefill) {
    const query = new URLSearchParams(prefill as Record<string, string>).toString();
    await this.page.goto(`/bucket-policy${query ? `?${query}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Bucket policy' })).toBeVisible();
  }

  /** The bucket policy exactly as shown on the page. */
  async shownPolicy(): Promise<string> {
    await expect(this.bucketPolicyText).toBeVisible();
    return (await this.bucketPolicyText.textContent()) ?? '';
  }

  async copyPolicy() {
    await this.bucketPolicy.getByRole('button', { name: 'Copy' }).click();
    await expect(this.bucketPolicy.getByText('Copied').first()).toBeVisible();
  }

  async clipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async load() {
    await this.loadButton.click();
    await expect(this.page.getByText(/^Loaded the current policy of|has no bucket policy yet/)).toBeVisible();
  }

  /** Opens the confirmation, checks it shows the diff, and applies. */
  async apply() {
    await this.applyButton.click();
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog.getByTestId('apply-diff').locator('ins').first()).toBeVisible();
    await this.dialog.getByRole('button', { name: 'Apply policy' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Applied.' })).toBeVisible();
  }

  findingCodes(): Promise<string[]> {
    return this.verdict
      .locator('li[data-code]')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-code') ?? ''));
  }
}
