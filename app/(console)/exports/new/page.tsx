import { getTranslations } from 'next-intl/server';
import { ExportWizard } from '@/components/export-wizard/export-wizard';
import { ForbiddenNotice } from '@/components/ui/forbidden-notice';
import { currentScope } from '@/lib/accounts/scope';
import { currentUser } from '@/lib/auth/require-role';
import { roleAtLeast } from '@/lib/auth/roles';
import { reportAwsError } from '@/lib/aws/errors';
import { getIdentity } from '@/lib/aws/identity';
import { getLogGroups, type LogGroupSummary } from '@/lib/log-groups/search';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('wizard');
  return { title: t('title') };
}

/** The export wizard. Operators and admins launch; a viewer is told why not (the action refuses them too). */
export default async function NewExportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await currentUser();
  const t = await getTranslations('wizard');
  if (!user || !roleAtLeast(user.role, 'operator')) {
    return (
      <div className="mx-auto max-w-3xl space-y-4">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <ForbiddenNotice role={user?.role ?? 'viewer'} needed="operator" />
      </div>
    );
  }
  const scope = await currentScope(user.accounts);
  const { region } = scope;
  const g = (await searchParams).g;
  const names = (Array.isArray(g) ? g : g ? [g] : []).slice(0, 50);
  // A reloaded wizard shows the chosen groups' size, retention and age again.
  let initialGroups: LogGroupSummary[] = [];
  if (names.length > 0) {
    try {
      initialGroups = await getLogGroups(scope, names);
    } catch (err) {
      reportAwsError('DescribeLogGroups (wizard reload)', err, { region });
    }
  }
  // The account the statements of a policy request or a KMS key policy name (STS, cached; null if unknown).
  const identity = await getIdentity(scope);
  return (
    <ExportWizard
      region={region}
      serverNow={Date.now()}
      initialGroups={initialGroups}
      canApplyPolicy={roleAtLeast(user.role, 'admin')}
      identityAccount={identity.account}
    />
  );
}
