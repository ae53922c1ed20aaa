import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { DeliveryView, WebhookView } from '@/lib/alerts/types';
import { getFormat } from '@/lib/format/server';
import { DeliveryResult } from './delivery-result';
import { eventKey } from './event-label';

/**
 * One webhook's recent deliveries: event, when, result (status or why none), time taken, tries, and the
 * message's words. The receiver's answer is in `deliveries` for admins only (the service leaves it out for
 * operators); React escapes it as text, and it is at most 4 KB.
 */
export async function DeliveryLog({
  webhook,
  deliveries,
}: {
  webhook: WebhookView;
  deliveries: DeliveryView[];
}) {
  const [t, f] = await Promise.all([getTranslations('alerts'), getFormat()]);
  const headingId = `webhook-${webhook.id}`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid="delivery-log"
      data-webhook={webhook.id}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="space-y-1">
        <h2 id={headingId} className="break-all font-mono text-sm font-semibold">
          {webhook.url}
        </h2>
        <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
          <Badge tone="brand">{t(`format.${webhook.format}`)}</Badge>
          <Badge tone={webhook.hasSecret ? 'success' : 'neutral'}>
            {webhook.hasSecret ? t('webhooks.signed') : t('webhooks.unsigned')}
          </Badge>
          <span>{webhook.events.map((e) => t(`events.${eventKey(e)}` as 'events.test')).join(' · ')}</span>
        </p>
      </div>
      {deliveries.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('log.empty')}</p>
      ) : (
        <ul
          className="divide-y divide-slate-200 dark:divide-slate-800"
          aria-label={t('log.caption', { url: webhook.url })}
        >
          {deliveries.map((d) => {
            const when = d.lastAt ?? d.createdAt;
            return (
              <li
                key={d.id}
                data-testid="delivery-row"
                data-event={d.event}
                className="space-y-1 py-2 text-sm"
              >
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="font-medium">{t(`events.${eventKey(d.event)}` as 'events.test')}</span>
                  <time
                    dateTime={new Date(when).toISOString()}
                    className="text-xs text-slate-600 dark:text-slate-400"
                  >
                    {f.dateTime(when)}
                  </time>
                  <DeliveryResult delivery={d} />
                  <span className="text-xs text-slate-600 dark:text-slate-400">
                    {t('log.tries', { count: d.attempts })}
                    {d.nextAt !== null ? ` · ${t('log.nextTry', { when: f.dateTime(d.nextAt) })}` : ''}
                  </span>
                </div>
                {d.message ? (
                  // What was sent, as sent (messages are in English, as the receivers get them).
                  <p className="break-words text-slate-700 dark:text-slate-300">
                    <span className="text-xs text-slate-600 dark:text-slate-400">{t('log.message')} </span>
                    <q lang="en">{d.message}</q>
                  </p>
                ) : null}
                {d.responseBody !== undefined && d.attempts > 0 ? (
                  <details className="text-xs" data-testid="delivery-answer">
                    <summary className="cursor-pointer text-slate-600 dark:text-slate-400">
                      {t('log.answer')}
                    </summary>
                    {d.responseBody ? (
                      <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 font-mono dark:bg-slate-800">
                        {d.responseBody}
                      </pre>
                    ) : (
                      <p className="mt-1 text-slate-600 dark:text-slate-400">{t('log.emptyAnswer')}</p>
                    )}
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
