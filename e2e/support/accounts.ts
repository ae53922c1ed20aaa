import { CloudWatchLogsClient, DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import { expect, type Locator, type Page } from '@playwright/test';
import { E2E } from './env';

/**
 * The export task ids an account holds in a Region, asked of the emulator directly: a 12-digit access key id acts
 * as that account (emulator/README.md), as another account's own CLI would see them.
 */
export async function accountTaskIds(accountId: string, region: string): Promise<string[]> {
  const client = new CloudWatchLogsClient({
    region,
    endpoint: E2E.emulatorUrl,
    credentials: { accessKeyId: accountId, secretAccessKey: 'e2e-other-account' },
    maxAttempts: 1,
  });
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const out = await client.send(new DescribeExportTasksCommand({ limit: 50, nextToken }));
    ids.push(...(out.exportTasks ?? []).flatMap((t) => (t.taskId ? [t.taskId] : [])));
    nextToken = out.nextToken;
  } while (nextToken);
  client.destroy();
  return ids;
}

/** The /accounts page as a user reads it: one card per account, one block per Region. */
export class AccountsPage {
  constructor(readonly page: Page) {}

  async goto(search = ''): Promise<void> {
    await this.page.goto(`/accounts${search}`);
    await expect(this.page.getByTestId('accounts-overview')).toBeVisible();
  }

  card(account: string): Locator {
    return this.page.locator(`[data-testid="account-card"][data-account="${account}"]`);
  }

  region(account: string, region: string): Locator {
    return this.card(account).locator(`[data-testid="account-region"][data-region="${region}"]`);
  }
}

/** The header's account and Region choice. */
export async function expectScopeShown(page: Page, account: string, region: string): Promise<void> {
  await expect(page.getByTestId('account-switcher')).toHaveValue(account);
  await expect(page.getByTestId('region-switcher')).toHaveValue(region);
}
