import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { ACTIVITY_ACTIONS, type ActivityView, actionKey, isFiltered } from './activity-filter';

/**
 * A plain GET form: the filters go into the address (shareable, reloadable, back/forward work) and it works
 * with the keyboard and without JavaScript.
 */
export async function ActivityFilters({ view, timeZone }: { view: ActivityView; timeZone: string }) {
  const t = await getTranslations('activity');
  const filtered = isFiltered(view);
  return (
    <search aria-label={t('filters')}>
      <form
        method="get"
        action="/activity"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
      >
        <div className="min-w-36 flex-1 space-y-1">
          <label htmlFor="activity-actor" className="block text-sm font-medium">
            {t('actor')}
          </label>
          <input
            id="activity-actor"
            name="actor"
            defaultValue={view.actor ?? ''}
            aria-describedby="activity-actor-hint"
            aria-invalid={view.refused?.includes('actor') || undefined}
            className={inputClass}
            autoComplete="off"
          />
          <p id="activity-actor-hint" className="text-xs text-slate-600 dark:text-slate-400">
            {t('actorHint')}
          </p>
          {view.refused?.includes('actor') ? <RefusedNote text={t('filterControlChars')} /> : null}
        </div>
        <div className="min-w-44 space-y-1">
          <label htmlFor="activity-action" className="block text-sm font-medium">
            {t('action')}
          </label>
          <select id="activity-action" name="action" defaultValue={view.action ?? ''} className={inputClass}>
            <option value="">{t('anyAction')}</option>
            {ACTIVITY_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`actions.${actionKey(a)}`)}
              </option>
            ))}
          </select>
          <p className="text-xs">&nbsp;</p>
        </div>
        <div className="min-w-36 space-y-1">
          <label htmlFor="activity-outcome" className="block text-sm font-medium">
            {t('outcome')}
          </label>
          <select
            id="activity-outcome"
            name="outcome"
            defaultValue={view.outcome ?? ''}
            className={inputClass}
          >
            <option value="">{t('anyOutcome')}</option>
            <option value="ok">{t('outcomes.ok')}</option>
            <option value="error">{t('outcomes.error')}</option>
          </select>
          <p className="text-xs">&nbsp;</p>
        </div>
        <div className="min-w-48 flex-1 space-y-1">
          <label htmlFor="activity-q" className="block text-sm font-medium">
            {t('text')}
          </label>
          <input
            id="activity-q"
            name="q"
            type="search"
            defaultValue={view.q ?? ''}
            aria-describedby="activity-q-hint"
            aria-invalid={view.refused?.includes('q') || undefined}
            className={inputClass}
            autoComplete="off"
          />
          <p id="activity-q-hint" className="text-xs text-slate-600 dark:text-slate-400">
            {t('textHint')}
          </p>
          {view.refused?.includes('q') ? <RefusedNote text={t('filterControlChars')} /> : null}
        </div>
        <fieldset className="min-w-0 space-y-1" aria-describedby="activity-dates-hint">
          <div className="flex flex-wrap gap-3">
            <div className="space-y-1">
              <label htmlFor="activity-from" className="block text-sm font-medium">
                {t('from')}
              </label>
              <input
                id="activity-from"
                name="from"
                type="date"
                defaultValue={view.from ?? ''}
                aria-invalid={view.refused?.includes('dates') || undefined}
                className={inputClass}
              />
            </div>
            <div className="space-y-1">
              <label htmlFor="activity-to" className="block text-sm font-medium">
                {t('to')}
              </label>
              <input
                id="activity-to"
                name="to"
                type="date"
                defaultValue={view.to ?? ''}
                aria-invalid={view.refused?.includes('dates') || undefined}
                className={inputClass}
              />
            </div>
          </div>
          <p id="activity-dates-hint" className="text-xs text-slate-600 dark:text-slate-400">
            {t('datesHint', { zone: timeZone })}
          </p>
          {view.refused?.includes('dates') ? <RefusedNote text={t('datesReversed')} /> : null}
        </fieldset>
        <div className="flex items-center gap-3 pb-5">
          <Button type="submit">{t('apply')}</Button>
          {filtered ? (
            <Link href="/activity" className="text-sm font-medium underline">
              {t('clear')}
            </Link>
          ) : null}
        </div>
      </form>
    </search>
  );
}

/** Why a typed filter was not applied; `role="alert"` so a screen reader hears it after the page loads. */
function RefusedNote({ text }: { text: string }) {
  return (
    <p role="alert" className="text-xs text-red-700 dark:text-red-300" data-testid="activity-filter-refused">
      {text}
    </p>
  );
}
