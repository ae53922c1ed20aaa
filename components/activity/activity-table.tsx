import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { ActivityEntry } from '@/lib/audit';
import { actionKey } from '@/lib/audit/actions';
import { getFormat } from '@/lib/format/server';
import { ActivityWhat, activityFormatters } from './activity-what';

/**
 * Activity entries, newest first: when, who (and their role then), what, and how it went. A table on wide
 * screens, cards on a phone (both rendered on the server; CSS shows one), so the page never scrolls sideways.
 */
export async function ActivityTable({ entries }: { entries: ActivityEntry[] }) {
  const t = await getTranslations('activity');
  const tc = await getTranslations('common');
  const f = await getFormat();
  const formatters = await activityFormatters();
  const th = 'px-3 py-2 font-medium';
  const actionName = (action: string) =>
    t.has(`actions.${actionKey(action)}`) ? t(`actions.${actionKey(action)}`) : action;
  const roleName = (role: string) => (role === 'system' ? t('systemRole') : tc('role', { role }));
  const when = (e: ActivityEntry) => <time dateTime={new Date(e.at).toISOString()}>{f.dateTime(e.at)}</time>;
  const outcome = (e: ActivityEntry) => (
    <Badge tone={e.outcome === 'ok' ? 'success' : 'danger'}>
      <span aria-hidden="true">{e.outcome === 'ok' ? '✓' : '✕'}</span>
      {t(`outcomes.${e.outcome}`)}
    </Badge>
  );
  return (
    <>
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800/60 dark:text-slate-400">
            <tr>
              <th scope="col" className={th}>
                {t('colWhen')}
              </th>
              <th scope="col" className={th}>
                {t('colWho')}
              </th>
              <th scope="col" className={th}>
                {t('colAction')}
              </th>
              <th scope="col" className={th}>
                {t('colWhat')}
              </th>
              <th scope="col" className={th}>
                {t('colOutcome')}
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr
                key={e.id}
                data-testid="activity-row"
                data-action={e.action}
                className="border-t border-slate-200 align-top dark:border-slate-800"
              >
                <td className="whitespace-nowrap px-3 py-2">{when(e)}</td>
                <td className="px-3 py-2">
                  <span className="font-medium">{e.actor}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">{roleName(e.role)}</span>
                </td>
                <td className="px-3 py-2">{actionName(e.action)}</td>
                <td className="max-w-md px-3 py-2">
                  <ActivityWhat entry={e} formatters={formatters} />
                </td>
                <td className="px-3 py-2">{outcome(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul
        className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm md:hidden dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
        aria-label={t('title')}
      >
        {entries.map((e) => (
          <li key={e.id} data-testid="activity-card" data-action={e.action} className="space-y-1 px-3 py-2">
            <div className="flex items-start justify-between gap-2">
              <p className="min-w-0 font-medium">{actionName(e.action)}</p>
              {outcome(e)}
            </div>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {when(e)} · <span className="font-medium text-slate-800 dark:text-slate-200">{e.actor}</span> (
              {roleName(e.role)})
            </p>
            <ActivityWhat entry={e} formatters={formatters} />
          </li>
        ))}
      </ul>
    </>
  );
}
