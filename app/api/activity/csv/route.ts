import { getTimeZone, getTranslations } from 'next-intl/server';
import { dateBounds, parseActivityView } from '@/components/activity/activity-filter';
import { activityFormatters } from '@/components/activity/activity-what';
import { describeActivity } from '@/components/activity/describe';
import { type ActivityEntry, type ActivityFilter, activityPages, countActivity } from '@/lib/audit';
import { actionKey } from '@/lib/audit/actions';
import { ACTIVITY_CSV_MAX, CSV_BOM, csvRow } from '@/lib/audit/csv';
import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { getFormat } from '@/lib/format/server';

export const dynamic = 'force-dynamic';

/**
 * The activity log as a CSV file: exactly what /activity shows for the same filters (every page of it, newest
 * first, at most ACTIVITY_CSV_MAX entries), in the viewer's language and time zone. Streamed page by page, so
 * memory stays flat however large the log is. Any signed-in role may read the log, so any may download it.
 */
export async function GET(request: Request) {
  const auth = await requireRole('viewer');
  if (!auth.ok) return refusalResponse(auth);
  const url = new URL(request.url);
  const params: Record<string, string> = {};
  for (const [key, value] of url.searchParams) params[key] ??= value;
  // The page's own reading of the filters (a refused one is dropped there and here alike).
  const view = parseActivityView(params);
  try {
    const [t, tc, te, timeZone, f, formatters] = await Promise.all([
      getTranslations('activity'),
      getTranslations('common'),
      getTranslations('errors'),
      getTimeZone(),
      getFormat(),
      activityFormatters(),
    ]);
    const filter: ActivityFilter = {
      actor: view.actor,
      action: view.action,
      outcome: view.outcome,
      text: view.q,
      ...dateBounds(view, timeZone),
      accounts: auth.user.accounts,
    };
    const total = await countActivity(filter, ACTIVITY_CSV_MAX + 1);
    const header = csvRow([
      t('csv.id'),
      t('csv.at'),
      t('csv.atLocal', { zone: timeZone }),
      t('csv.actor'),
      t('csv.role'),
      t('csv.actionCode'),
      t('csv.action'),
      t('csv.account'),
      t('csv.region'),
      t('csv.target'),
      t('csv.outcome'),
      t('csv.what'),
      t('csv.detail'),
    ]);
    const row = (e: ActivityEntry) =>
      csvRow([
        e.id,
        new Date(e.at).toISOString(),
        f.dateTime(e.at, 'medium'),
        e.actor,
        e.role === 'system' ? t('systemRole') : tc('role', { role: e.role }),
        e.action,
        t.has(`actions.${actionKey(e.action)}`) ? t(`actions.${actionKey(e.action)}`) : e.action,
        e.account,
        e.region,
        e.target,
        t(`outcomes.${e.outcome}`),
        describeActivity(e, t, te, formatters)
          .map((l) => l.text)
          .join(' · '),
        e.detail ? JSON.stringify(e.detail) : null,
      ]);

    const pages = activityPages(filter, { max: ACTIVITY_CSV_MAX });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(CSV_BOM + header));
      },
      async pull(controller) {
        try {
          const next = await pages.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value.map(row).join('')));
        } catch (err) {
          // Headers are gone already: the download ends short, and the log says why.
          console.error('[GET /api/activity/csv]', err instanceof Error ? err.message : err);
          controller.error(err);
        }
      },
      async cancel() {
        await pages.return(undefined);
      },
    });
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="logport-activity-${stamp}.csv"`,
        'Cache-Control': 'no-store',
        // The filter matched more than one file holds: the file has the newest ACTIVITY_CSV_MAX.
        ...(total > ACTIVITY_CSV_MAX ? { 'X-Logport-Truncated': String(ACTIVITY_CSV_MAX) } : {}),
      },
    });
  } catch (err) {
    console.error('[GET /api/activity/csv]', err instanceof Error ? err.message : err);
    return Response.json({ error: 'internal' }, { status: 500, headers: { 'Cache-Control': 'no-store' } });
  }
}
