import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listWebhooks } from '@/lib/alerts/service';
import { currentUser } from '@/lib/auth/require-role';
import { WebhookForm } from './webhook-form';
import { WebhookList } from './webhook-list';

/**
 * Settings → Webhooks (issue 13): the webhooks with their last delivery, "Send a test", remove, and the form to
 * add one. The settings page has checked the admin role; each action checks it again itself.
 */
export async function WebhooksSection() {
  const [t, user] = await Promise.all([getTranslations('alerts'), currentUser()]);
  const webhooks = user ? await listWebhooks(user) : [];
  return (
    <section aria-labelledby="settings-webhooks" className="space-y-3" data-testid="webhooks-section">
      <div>
        <h2 id="settings-webhooks" className="text-lg font-semibold">
          {t('webhooks.title')}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t('webhooks.intro')}</p>
        <p className="mt-1 text-sm">
          <Link href="/alerts" className="font-medium text-brand-700 underline dark:text-brand-300">
            {t('webhooks.logLink')}
          </Link>
        </p>
      </div>
      <WebhookList webhooks={webhooks} />
      <WebhookForm />
    </section>
  );
}
