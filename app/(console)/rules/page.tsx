import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ExportRulesButton } from '@/components/rules/export-rules-button';
import { ImportRules } from '@/components/rules/import-rules';
import { RuleList } from '@/components/rules/rule-list';
import { buttonClass } from '@/components/ui/button';
import { currentScope } from '@/lib/accounts/scope';
import { currentUser } from '@/lib/auth/require-role';
import { roleAtLeast } from '@/lib/auth/roles';
import { RULE_ID } from '@/lib/rules/id';
import { listRules } from '@/lib/rules/service';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('rules');
  return { title: t('title') };
}

/** The continuous export rules of the Region: rendered from the store here, then polled while exports move. */
export default async function RulesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [params, user, t] = await Promise.all([searchParams, currentUser(), getTranslations('rules')]);
  const scope = await currentScope(user?.accounts);
  const { region } = scope;
  const saved = typeof params.saved === 'string' && RULE_ID.test(params.saved) ? params.saved : null;
  const roles = {
    canOperate: user !== null && roleAtLeast(user.role, 'operator'),
    canAdmin: user !== null && roleAtLeast(user.role, 'admin'),
  };
  const fetchedAt = Date.now();
  const rules = await listRules({ scope, access: user?.accounts });
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
            {t('intro', { region })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/coverage" className={buttonClass('secondary')}>
            {t('toCoverage')}
          </Link>
          {/* Rules as files (issue 13): the download for every role, the import for admins. */}
          <ExportRulesButton />
          {roles.canAdmin ? <ImportRules /> : null}
          {roles.canAdmin ? (
            <Link href="/rules/new" className={buttonClass('primary')}>
              {t('new')}
            </Link>
          ) : null}
        </div>
      </div>
      <RuleList region={region} initial={rules} fetchedAt={fetchedAt} roles={roles} saved={saved} />
    </div>
  );
}
