import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DeliveryLog } from '@/components/alerts/delivery-log';
import { ForbiddenNotice } from '@/components/ui/forbidden-notice';
import { listWebhooks, webhookDeliveries } from '@/lib/alerts/service';
import { currentUser } from '@/lib/auth/require-role';
import { roleAtLeast } from '@/lib/auth/roles';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('alerts');
  return { title: t('title') };
}

/**
 * The alerts' delivery log, read-only, for operators and admins (issue 13): operators act on exports, so they
 * must see when the team was (or was not) told about a failure; settings stay an admin's page. Operators see
 * each URL's origin only and no receiver's answer; admins see both, and manage webhooks in Settings.
 */
export default async function AlertsPage() {
  const [user, t] = await Promise.all([currentUser(), getTranslations('alerts')]);
  if (!user) return null;
  if (!roleAtLeast(user.role, 'operator')) {
    return (
      <div className="mx-auto max-w-3xl space-y-4">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <ForbiddenNotice role={user.role} needed="operator" />
      </div>
    );
  }
  const webhooks = await listWebhooks(user);
  const logs = await Promise.all(
    webhooks.map(async (w) => ({ webhook: w, deliveries: (await webhookDeliveries(user, w.id, 20)) ?? [] })),
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t('intro')}</p>
        {user.role === 'admin' ? (
          <p className="mt-1 text-sm">
            <Link
              href="/settings#settings-webhooks"
              className="font-medium text-brand-700 underline dark:text-brand-300"
            >
              {t('manage')}
            </Link>
          </p>
        ) : null}
      </div>
      {logs.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {t('empty')}
        </p>
      ) : (
        logs.map(({ webhook, deliveries }) => (
          <DeliveryLog key={webhook.id} webhook={webhook} deliveries={deliveries} />
        ))
      )}
    </div>
  );
}
