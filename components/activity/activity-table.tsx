import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { ActivityEntry } from '@/lib/audit';
import { getFormat } from '@/lib/format/server';
import { actionKey } from './activity-filter';
import { ActivityWhat } from './activity-what';

/** Activity entries, newest first: when, who (and their role then), what, and how it went. */
export async function ActivityTable({ entries }: { entries: ActivityEntry[] }) {
  const t = await getTranslations('activity');
  const tc = await getTranslations('common');
  const f = await getFormat();
  const th = 'px-3 py-2 font-medium';
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
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
              <td className="whitespace-nowrap px-3 py-2">
                <time dateTime={new Date(e.at).toISOString()}>{f.dateTime(e.at)}</time>
              </td>
              <td className="px-3 py-2">
                <span className="font-medium">{e.actor}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  {tc('role', { role: e.role })}
                </span>
              </td>
              <td className="px-3 py-2">{t(`actions.${actionKey(e.action)}`)}</td>
              <td className="max-w-md px-3 py-2">
                <ActivityWhat entry={e} />
              </td>
              <td className="px-3 py-2">
                <Badge tone={e.outcome === 'ok' ? 'success' : 'danger'}>
                  <span aria-hidden="true">{e.outcome === 'ok' ? '✓' : '✕'}</span>
                  {t(`outcomes.${e.outcome}`)}
                </Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
