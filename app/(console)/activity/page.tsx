import Link from 'next/link';
import { getTimeZone, getTranslations } from 'next-intl/server';
import {
  ACTIVITY_PAGE_SIZE,
  activityCsvHref,
  activityHref,
  dateBounds,
  isFiltered,
  parseActivityView,
} from '@/components/activity/activity-filter';
import { ActivityFilters } from '@/components/activity/activity-filters';
import { ActivityTable } from '@/components/activity/activity-table';
import { buttonClass } from '@/components/ui/button';
import { listActivity } from '@/lib/audit';
import { ACTIVITY_CSV_MAX } from '@/lib/audit/csv';
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
  const [params, user, t, timeZone] = await Promise.all([
    searchParams,
    currentUser(),
    getTranslations('activity'),
    getTimeZone(),
  ]);
  // The shell sends anonymous visitors to sign in; every signed-in role (viewer and up) may read this.
  if (!user) return null;
  const view = parseActivityView(params);
  // One extra row says whether an older page exists.
  const rows = await listActivity({
    actor: view.actor,
    action: view.action,
    outcome: view.outcome,
    text: view.q,
    // Dates are days in the viewer's zone (the browser reports it; UTC until it has).
    ...dateBounds(view, timeZone),
    before: view.before,
    limit: ACTIVITY_PAGE_SIZE + 1,
    // A user limited to some accounts reads only theirs (and what concerns no account).
    accounts: user.accounts,
  });
  const entries = rows.slice(0, ACTIVITY_PAGE_SIZE);
  const last = entries.at(-1);
  const older = rows.length > ACTIVITY_PAGE_SIZE && last ? activityHref({ ...view, before: last.id }) : null;
  const filtered = isFiltered(view);

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t('intro')}</p>
      </div>
      <ActivityFilters view={view} timeZone={timeZone} />
      {entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {filtered ? t('emptyFiltered') : t('empty')}
        </p>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {t('pageNote', { count: entries.length })}
            </p>
            <div className="flex flex-col items-start gap-0.5 sm:items-end">
              {/* A plain link: the browser downloads the file (the route names it), no script needed. */}
              <a
                href={activityCsvHref(view)}
                className={buttonClass('secondary', 'sm')}
                aria-describedby="activity-download-hint"
                data-testid="activity-download"
                download
              >
                {t('download')}
              </a>
              <p
                id="activity-download-hint"
                className="max-w-xs text-xs text-slate-600 sm:text-right dark:text-slate-400"
              >
                {t('downloadHint', { max: ACTIVITY_CSV_MAX })}
              </p>
            </div>
          </div>
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
