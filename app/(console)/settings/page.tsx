import { getTranslations } from 'next-intl/server';
import { WebhooksSection } from '@/components/alerts/webhooks-section';
import { LeasesSection } from '@/components/settings/leases-section';
import { SessionsSection } from '@/components/settings/sessions-section';
import { TokensSection } from '@/components/settings/tokens-section';
import { ForbiddenNotice } from '@/components/ui/forbidden-notice';
import { currentUser } from '@/lib/auth/require-role';
import { roleAtLeast } from '@/lib/auth/roles';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('settings');
  return { title: t('title') };
}

/**
 * Logport's settings, for admins: one section per subject, each a component of its own
 * (components/settings/*-section.tsx) that loads what it shows and checks the role in its actions.
 */
export default async function SettingsPage() {
  const [user, t] = await Promise.all([currentUser(), getTranslations('settings')]);
  if (!user || !roleAtLeast(user.role, 'admin')) {
    return (
      <div className="mx-auto max-w-3xl space-y-4">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <ForbiddenNotice role={user?.role ?? 'viewer'} needed="admin" />
      </div>
    );
  }
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t('intro')}</p>
      </div>
      <SessionsSection />
      <TokensSection />
      <WebhooksSection />
      <LeasesSection />
    </div>
  );
}
