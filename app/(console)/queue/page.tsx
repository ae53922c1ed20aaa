import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { QueueView } from '@/components/queue/queue-view';
import { buttonClass } from '@/components/ui/button';
import { currentUser } from '@/lib/auth/require-role';
import { roleAtLeast } from '@/lib/auth/roles';
import { queueSnapshot } from '@/lib/queue/view';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('queue');
  return { title: t('title') };
}

/** The export queue: rendered from the database here, then kept live by polling GET /api/queue. */
export default async function QueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [params, user, t] = await Promise.all([searchParams, currentUser(), getTranslations('queue')]);
  // The wizard sends you here with the batch it just queued, which is highlighted.
  const batch =
    typeof params.batch === 'string' && /^[0-9a-f-]{36}$/.test(params.batch) ? params.batch : null;
  const canAct = user !== null && roleAtLeast(user.role, 'operator');
  const canChangeSettings = user !== null && roleAtLeast(user.role, 'admin');
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t('intro')}</p>
        </div>
        {canAct ? (
          <Link href="/exports/new" className={buttonClass('secondary')}>
            {t('newExports')}
          </Link>
        ) : null}
      </div>
      <QueueView
        initial={await queueSnapshot()}
        canAct={canAct}
        canChangeSettings={canChangeSettings}
        highlight={batch}
      />
    </div>
  );
}
