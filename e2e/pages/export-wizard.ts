import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { S3Client } from '@aws-sdk/client-s3';
import { expect, type Locator, type Page } from '@playwright/test';
import { E2E } from '../support/env';

/** The export wizard as a user drives it: by labels, buttons and the messages it shows. */
export class ExportWizardPage {
  constructor(readonly page: Page) {}

  async goto(params: Record<string, string | string[]> = {}) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) q.append(k, one);
    await this.page.goto(`/exports/new${q.size ? `?${q.toString()}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'New export' })).toBeVisible();
  }

  /** The step heading, which takes focus when a step opens. */
  stepHeading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 2, name });
  }

  async searchGroups(text: string) {
    await this.page.getByLabel('Search log groups').fill(text);
  }

  async pickGroup(name: string) {
    await this.searchGroups(name);
    await this.page.getByRole('checkbox', { name, exact: true }).check();
    await expect(this.page.getByTestId('selected-groups')).toContainText(name);
  }

  async next() {
    await this.page.getByTestId('wizard-next').click();
  }

  async preset(name: string) {
    await this.page.getByRole('radio', { name, exact: true }).check();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The error text tied to a control through aria-describedby. */
  async expectFieldError(control: Locator, text: string | RegExp) {
    await expect(control).toHaveAttribute('aria-invalid', 'true');
    const ids = (await control.getAttribute('aria-describedby')) ?? '';
    const errorId = ids.split(' ').find((id) => id.endsWith('-error'));
    expect(errorId, 'an error id in aria-describedby').toBeTruthy();
    await expect(this.page.locator(`[id="${errorId}"]`)).toHaveText(text);
  }

  check(id: 'bucket' | 'region' | 'policy' | 'encryption' | 'active'): Locator {
    return this.page.getByTestId(`preflight-${id}`);
  }

  summary(): Locator {
    return this.page.getByTestId('preflight-summary');
  }

  launchButton(): Locator {
    return this.page.getByTestId('launch');
  }
}

// The tests look at what the emulator (local AWS) holds, with the real SDK and its admin endpoints.
const common = {
  endpoint: E2E.emulatorUrl,
  region: E2E.region,
  credentials: {
    accessKeyId: E2E.appEnv.AWS_ACCESS_KEY_ID ?? '',
    secretAccessKey: E2E.appEnv.AWS_SECRET_ACCESS_KEY ?? '',
  },
  maxAttempts: 1,
};

export const logs = new CloudWatchLogsClient(common);
export const s3 = new S3Client({ ...common, forcePathStyle: true });

export async function emulatorStats(): Promise<Record<string, number>> {
  const res = await fetch(`${E2E.emulatorUrl}/_emulator/stats`);
  return (await res.json()) as Record<string, number>;
}

export async function emulatorState(): Promise<{ activeTask: { taskId: string } | null }> {
  const res = await fetch(`${E2E.emulatorUrl}/_emulator/state`);
  return (await res.json()) as { activeTask: { taskId: string } | null };
}

export async function emulatorConfig(body: Record<string, number>) {
  await fetch(`${E2E.emulatorUrl}/_emulator/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Waits until no export is PENDING or RUNNING in the account (other specs share the emulator). */
export async function waitForNoActiveExport(timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!(await emulatorState()).activeTask) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('an export stayed active');
}

/** The calls that would reach AWS for an export or its checks. */
export const EXPORT_CALLS = [
  'logs:CreateExportTask',
  's3:GetBucketLocation',
  's3:GetBucketPolicy',
  's3:GetBucketEncryption',
] as const;

export function pick(stats: Record<string, number>, keys: readonly string[]) {
  return Object.fromEntries(keys.map((k) => [k, stats[k] ?? 0]));
}
