import 'server-only';
import { configuredRegions } from '@/lib/aws/regions';
import { readAccountsFile } from './config';
import { type AccountConfig, DEFAULT_ACCOUNT } from './types';

/**
 * Every account Logport works in, `default` first: the ambient credentials with the Regions of
 * LOGPORT_REGIONS (or the SDK's Region), then the accounts file's, each with its own Regions (default: the
 * default account's first Region).
 */
export async function listAccounts(): Promise<AccountConfig[]> {
  const defaultRegions = await configuredRegions();
  const file = readAccountsFile();
  return [
    { name: DEFAULT_ACCOUNT, id: file.defaultId, roleArn: null, externalId: null, regions: defaultRegions },
    ...file.accounts.map((a) => ({
      name: a.name,
      id: a.id,
      roleArn: a.roleArn,
      externalId: a.externalId,
      regions: a.regions ?? defaultRegions.slice(0, 1),
    })),
  ];
}

export async function getAccount(name: string): Promise<AccountConfig | null> {
  return (await listAccounts()).find((a) => a.name === name) ?? null;
}

/**
 * The Regions whose exports count against this account's one active export. AWS documents the limit per
 * account; whether Regions share it is unconfirmed, so all of the account's configured Regions are watched.
 */
export async function accountRegions(account: string): Promise<string[]> {
  return (await getAccount(account))?.regions ?? [];
}
