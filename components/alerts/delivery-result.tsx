'use client';

import { useTranslations } from 'next-intl';
import { Badge, type Tone } from '@/components/ui/badge';
import { attemptErrorKey } from '@/lib/alerts/error-key';
import type { DeliveryView } from '@/lib/alerts/types';

const TONES: Record<string, Tone> = {
  delivered: 'success',
  failed: 'danger',
  pending: 'warning',
  waiting: 'neutral',
};

export function stateOf(d: Pick<DeliveryView, 'state' | 'attempts'>): 'waiting' | DeliveryView['state'] {
  return d.state === 'pending' && d.attempts === 0 ? 'waiting' : d.state;
}

/** A delivery's outcome in words: its state, the receiver's status (or why there was none) and the time taken. */
export function DeliveryResult({ delivery }: { delivery: DeliveryView }) {
  const t = useTranslations('alerts');
  const te = useTranslations('errors');
  const state = stateOf(delivery);
  const reason = delivery.error
    ? te.has(attemptErrorKey(delivery.error))
      ? te(attemptErrorKey(delivery.error), { status: delivery.statusCode ?? '' })
      : delivery.error
    : null;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <Badge tone={TONES[state] ?? 'neutral'}>{t(`states.${state}`)}</Badge>
      {delivery.statusCode !== null ? (
        <span className="font-mono text-xs">HTTP {delivery.statusCode}</span>
      ) : delivery.attempts > 0 ? (
        <span className="text-xs text-slate-600 dark:text-slate-400">{t('log.noAnswer')}</span>
      ) : null}
      {delivery.durationMs !== null ? (
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {t('log.ms', { ms: delivery.durationMs })}
        </span>
      ) : null}
      {reason && state !== 'delivered' ? (
        <span className="basis-full text-xs text-red-800 dark:text-red-300">{reason}</span>
      ) : null}
    </span>
  );
}
