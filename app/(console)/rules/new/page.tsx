import { getTimeZone, getTranslations } from 'next-intl/server';
import { emptyForm } from '@/components/rules/form-state';
import { RuleForm } from '@/components/rules/rule-form';
import { ForbiddenNotice } from '@/components/ui/forbidden-notice';
import { currentScope } from '@/lib/accounts/scope';
import { currentUser } from '@/lib/auth/require-role';
import { roleAtLeast } from '@/lib/auth/roles';
import { getIdentity } from '@/lib/aws/identity';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('rules');
  return { title: t('newTitle') };
}

/** A new rule (admins). Anyone else is told why not; the action refuses them too. */
export default async function NewRulePage() {
  const [user, t] = await Promise.all([currentUser(), getTranslations('rules')]);
  if (!user || !roleAtLeast(user.role, 'admin')) {
    return (
      <div className="mx-auto max-w-3xl space-y-4">
        <h1 className="text-2xl font-semibold">{t('newTitle')}</h1>
        <ForbiddenNotice role={user?.role ?? 'viewer'} needed="admin" />
      </div>
    );
  }
  const scope = await currentScope(user.accounts);
  const { region } = scope;
  const [identity, zone] = await Promise.all([getIdentity(scope), getTimeZone()]);
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t('newTitle')}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('newIntro')}</p>
      </div>
      <RuleForm
        initial={emptyForm(zone || 'UTC')}
        region={region}
        account={identity.account}
        serverNow={Date.now()}
      />
    </div>
  );
}
