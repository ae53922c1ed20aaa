import { getTranslations } from 'next-intl/server';
import { AccountsView } from '@/components/accounts/accounts-view';
import { accountsOverview } from '@/lib/accounts/overview';
import { currentUser } from '@/lib/auth/require-role';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('accounts');
  return { title: t('title') };
}

/**
 * Every account and Region the user may see (any role): rendered here with the same answer GET /api/accounts
 * gives, which the page then polls.
 */
export default async function AccountsPage() {
  const [user, t, te] = await Promise.all([
    currentUser(),
    getTranslations('accounts'),
    getTranslations('errors'),
  ]);
  // The layout sends a signed-out visitor to sign-in; no user here means none to show.
  const accounts = user ? await accountsOverview(user.accounts, (code) => te(code)) : [];
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t('intro')}</p>
      </div>
      <AccountsView initial={accounts} serverNow={Date.now()} />
    </div>
  );
}
