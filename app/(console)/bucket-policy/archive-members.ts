import 'server-only';
import type { ArchiveMemberOption } from '@/components/policy-generator/form-state';
import { accountsFor } from '@/lib/accounts/scope';
import type { AccountAccess } from '@/lib/accounts/types';
import { getIdentity } from '@/lib/aws/identity';
import { principalArnOf } from '@/lib/policy/names';

/**
 * The accounts the caller may see, each with its id and exporting identity: a role account exports as its
 * configured role (the ARN keeps the role's path); the ambient credentials as whatever STS says they are.
 */
export async function archiveMemberOptions(
  access: AccountAccess | undefined,
): Promise<ArchiveMemberOption[]> {
  const accounts = await accountsFor(access);
  return Promise.all(
    accounts.map(async (a): Promise<ArchiveMemberOption> => {
      if (a.roleArn) return { name: a.name, id: a.id, exporter: a.roleArn };
      const identity = await getIdentity({ account: a.name, region: a.regions[0] ?? '' });
      return {
        name: a.name,
        id: a.id ?? identity.account,
        exporter: identity.arn ? principalArnOf(identity.arn) : null,
      };
    }),
  );
}
