'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { removeWebhook, sendWebhookTest } from '@/app/(console)/settings/webhook-actions';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { ActionResult } from '@/lib/action-result';
import { attemptErrorKey } from '@/lib/alerts/error-key';
import type { DeliveryView, WebhookView } from '@/lib/alerts/types';
import { useFormat } from '@/lib/format/use-format';
import { DeliveryResult } from './delivery-result';
import { eventKey } from './event-label';

type Notice = { id: string; tone: 'success' | 'danger'; text: string };

/**
 * Settings → Webhooks (admins): each webhook with its format, events and last delivery; "Send a test" posts a
 * message now and says what the receiver answered; "Remove" asks first. The actions check the role themselves.
 */
export function WebhookList({ webhooks }: { webhooks: WebhookView[] }) {
  const t = useTranslations('alerts');
  const te = useTranslations('errors');
  const f = useFormat();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirming, setConfirming] = useState<WebhookView | null>(null);

  const errorText = (r: { error: string; params?: Record<string, string | number> }) =>
    te.has(r.error) ? te(r.error, r.params) : te('internal');

  function test(hook: WebhookView) {
    setBusy(hook.id);
    setNotice(null);
    startTransition(async () => {
      let result: ActionResult<DeliveryView>;
      try {
        result = await sendWebhookTest({ id: hook.id });
      } catch {
        result = { ok: false, error: 'internal' };
      }
      if (!result.ok) setNotice({ id: hook.id, tone: 'danger', text: errorText(result) });
      else if (result.data.state === 'delivered')
        setNotice({
          id: hook.id,
          tone: 'success',
          text: t('webhooks.testDelivered', {
            status: result.data.statusCode ?? 0,
            ms: result.data.durationMs ?? 0,
          }),
        });
      else {
        const key = attemptErrorKey(result.data.error ?? 'connectionFailed');
        const reason = te.has(key) ? te(key, { status: result.data.statusCode ?? '' }) : te('internal');
        setNotice({ id: hook.id, tone: 'danger', text: t('webhooks.testFailed', { reason }) });
      }
      setBusy(null);
      router.refresh();
    });
  }

  function remove(hook: WebhookView) {
    setBusy(hook.id);
    startTransition(async () => {
      let result: ActionResult<{ id: string }>;
      try {
        result = await removeWebhook({ id: hook.id });
      } catch {
        result = { ok: false, error: 'internal' };
      }
      setConfirming(null);
      setBusy(null);
      setNotice(
        result.ok
          ? { id: '', tone: 'success', text: t('webhooks.removed') }
          : { id: hook.id, tone: 'danger', text: errorText(result) },
      );
      router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      <div aria-live="polite">
        {notice && notice.id === '' ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      </div>
      {webhooks.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {t('webhooks.empty')}
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {webhooks.map((hook) => (
            <li
              key={hook.id}
              data-testid="webhook-row"
              data-url={hook.url}
              className="space-y-2 px-4 py-3 text-sm"
            >
              <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:gap-6">
                <div className="min-w-0 flex-1 space-y-1">
                  <p className="break-all font-mono text-sm">
                    <span className="sr-only">{t('webhooks.urlLabel')}: </span>
                    {hook.url}
                  </p>
                  <p className="flex flex-wrap items-center gap-2">
                    <Badge tone="brand">{t(`format.${hook.format}`)}</Badge>
                    <Badge tone={hook.hasSecret ? 'success' : 'neutral'}>
                      {hook.hasSecret ? t('webhooks.signed') : t('webhooks.unsigned')}
                    </Badge>
                    <span className="text-xs text-slate-600 dark:text-slate-400">
                      {hook.events.map((e) => t(`events.${eventKey(e)}` as 'events.test')).join(' · ')}
                    </span>
                  </p>
                  <div className="text-slate-700 dark:text-slate-300" data-testid="webhook-last">
                    <span className="mr-2">{t('webhooks.lastDelivery')}</span>
                    {hook.last ? (
                      <>
                        <span className="mr-2 text-xs text-slate-600 dark:text-slate-400">
                          {t(`events.${eventKey(hook.last.event)}` as 'events.test')} ·{' '}
                          <time dateTime={new Date(hook.last.lastAt ?? hook.last.createdAt).toISOString()}>
                            {f.dateTime(hook.last.lastAt ?? hook.last.createdAt)}
                          </time>
                        </span>
                        <DeliveryResult delivery={hook.last} />
                      </>
                    ) : (
                      <span className="text-slate-600 dark:text-slate-400">{t('webhooks.never')}</span>
                    )}
                  </div>
                </div>
                <div className="flex shrink-0 gap-2 self-start">
                  <Button
                    variant="secondary"
                    size="sm"
                    disabled={pending}
                    onClick={() => test(hook)}
                    aria-label={t('webhooks.testLabel', { url: hook.url })}
                  >
                    {busy === hook.id && !confirming ? t('webhooks.testing') : t('webhooks.test')}
                  </Button>
                  <Button
                    variant="secondary"
                    size="sm"
                    disabled={pending}
                    onClick={() => setConfirming(hook)}
                    aria-label={t('webhooks.removeLabel', { url: hook.url })}
                  >
                    {t('webhooks.remove')}
                  </Button>
                </div>
              </div>
              <div aria-live="polite" data-testid="webhook-notice">
                {notice && notice.id === hook.id ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('webhooks.removeTitle')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(null)} disabled={pending}>
              {t('webhooks.cancel')}
            </Button>
            <Button variant="danger" onClick={() => confirming && remove(confirming)} disabled={pending}>
              {pending ? t('webhooks.removing') : t('webhooks.removeConfirm')}
            </Button>
          </>
        }
      >
        <p className="break-all">{t('webhooks.removeBody', { url: confirming?.url ?? '' })}</p>
      </Dialog>
    </div>
  );
}
