import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { formOf } from '@/components/rules/form-state';
import { RuleForm } from '@/components/rules/rule-form';
import { ForbiddenNotice } from '@/components/ui/forbidden-notice';
import { currentScope } from '@/lib/accounts/scope';
import { currentUser } from '@/lib/auth/require-role';
import { roleAtLeast } from '@/lib/auth/roles';
import { getIdentity } from '@/lib/aws/identity';
import { RULE_ID } from '@/lib/rules/id';
import { getRule } from '@/lib/rules/service';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('rules');
  return { title: t('editTitle') };
}

/** Edit a rule (admins): the same form as a new one, filled in. Covered windows are never exported again. */
export default async function EditRulePage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, user, t] = await Promise.all([params, currentUser(), getTranslations('rules')]);
  if (!user || !roleAtLeast(user.role, 'admin')) {
    return (
      <div className="mx-auto max-w-3xl space-y-4">
        <h1 className="text-2xl font-semibold">{t('editTitle')}</h1>
        <ForbiddenNotice role={user?.role ?? 'viewer'} needed="admin" />
      </div>
    );
  }
  const rule = RULE_ID.test(id) ? await getRule(id, user.accounts) : null;
  if (!rule) notFound();
  const scope = await currentScope(user.accounts);
  const identity = await getIdentity(scope);
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t('editTitle')}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('editIntro', { name: rule.name })}</p>
      </div>
      <RuleForm
        initial={formOf(rule)}
        ruleId={rule.id}
        region={rule.region}
        account={identity.account}
        serverNow={Date.now()}
      />
    </div>
  );
}
