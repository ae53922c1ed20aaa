import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PREFILL_KEYS, type PrefillParams } from '@/components/policy-generator/form-state';
import { PolicyGenerator } from '@/components/policy-generator/policy-generator';
import { accountsFor, currentScope } from '@/lib/accounts/scope';
import { currentUser } from '@/lib/auth/require-role';
import { roleAtLeast } from '@/lib/auth/roles';
import { getIdentity } from '@/lib/aws/identity';
import { archiveMemberOptions } from './archive-members';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('policy');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BucketPolicyPage({ searchParams }: { searchParams: SearchParams }) {
  const [raw, user, t] = await Promise.all([searchParams, currentUser(), getTranslations('policy')]);
  const scope = await currentScope(user?.accounts);
  const { region } = scope;
  const regions = [...new Set((await accountsFor(user?.accounts)).flatMap((a) => a.regions))];
  const prefill: PrefillParams = {};
  for (const key of PREFILL_KEYS) {
    const value = raw[key];
    if (typeof value === 'string') prefill[key] = value.slice(0, 1024);
  }
  // Central archive members, as many as an organization may list (the bucket policy's 20 KB is the real bound).
  const member = raw.member;
  if (member !== undefined)
    prefill.member = (Array.isArray(member) ? member : [member]).slice(0, 200).map((m) => m.slice(0, 1024));
  // The exporting account defaults to the identity Logport runs as (STS); unknown when AWS is unreachable.
  // Logport's accounts (their ids and exporting roles) are the central archive's members to choose from.
  const [identity, memberOptions] = await Promise.all([
    getIdentity(scope),
    archiveMemberOptions(user?.accounts),
  ]);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t('intro')}</p>
      </header>
      <PolicyGenerator
        prefill={prefill}
        defaults={{
          region,
          accountId: identity.account,
          archive: { options: memberOptions, owner: scope.account },
        }}
        memberOptions={memberOptions}
        regions={regions}
        canApply={user !== null && roleAtLeast(user.role, 'admin')}
      />
    </div>
  );
}
