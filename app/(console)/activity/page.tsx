import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ACTIVITY_PAGE_SIZE, activityHref, parseActivityView } from '@/components/activity/activity-filter';
import { ActivityFilters } from '@/components/activity/activity-filters';
import { ActivityTable } from '@/components/activity/activity-table';
import { listActivity } from '@/lib/audit';
import { currentUser } from '@/lib/auth/require-role';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('activity');
  return { title: t('title') };
}

/** Who did what and how it went; filters and the page position live in the URL. Viewers and up. */
export default async function ActivityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [params, user, t] = await Promise.all([searchParams, currentUser(), getTranslations('activity')]);
  // The shell sends anonymous visitors to sign in; every signed-in role (viewer and up) may read this.
  if (!user) return null;
  const view = parseActivityView(params);
  // One extra row says whether an older page exists.
  const rows = await listActivity({
    actor: view.actor,
    action: view.action,
    outcome: view.outcome,
    text: view.q,
    before: view.before,
    limit: ACTIVITY_PAGE_SIZE + 1,
  });
  const entries = rows.slice(0, ACTIVITY_PAGE_SIZE);
  const last = entries.at(-1);
  const older = rows.length > ACTIVITY_PAGE_SIZE && last ? activityHref({ ...view, before: last.id }) : null;
  const filtered = Boolean(view.actor || view.action || view.outcome || view.q);

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t('intro')}</p>
      </div>
      <ActivityFilters view={view} />
      {entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {filtered ? t('emptyFiltered') : t('empty')}
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {t('pageNote', { count: entries.length })}
          </p>
          <ActivityTable entries={entries} />
        </>
      )}
      <nav aria-label={t('title')} className="flex gap-4 text-sm font-medium">
        {view.before ? (
          <Link href={activityHref({ ...view, before: undefined })} className="underline">
            {t('newest')}
          </Link>
        ) : null}
        {older ? (
          <Link href={older} className="underline" data-testid="activity-older">
            {t('older')}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
