'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { addWebhook } from '@/app/(console)/settings/webhook-actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, inputClass } from '@/components/ui/field';
import { useFieldForm } from '@/components/ui/use-field-form';
import type { ActionResult } from '@/lib/action-result';
import { webhookInputSchema } from '@/lib/alerts/schema';
import { ALERT_EVENTS, type AlertEvent, type WebhookFormat, type WebhookView } from '@/lib/alerts/types';
import { eventKey } from './event-label';

type State = { url: string; format: WebhookFormat; secret: string; events: AlertEvent[] };
const EMPTY: State = { url: '', format: 'json', secret: '', events: [...ALERT_EVENTS] };

/** Field errors of the one webhook schema (the server checks again with it), as message keys per field. */
function check(state: State): Record<string, string[]> {
  const parsed = webhookInputSchema.safeParse(state);
  if (parsed.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= [issue.message];
  }
  return out;
}

/**
 * Settings → Webhooks → add (admins): URL, format, optional secret, events (all by default). Checked as the
 * admin types; the secret is sent once and never comes back (the field is emptied after adding).
 */
export function WebhookForm() {
  const t = useTranslations('alerts');
  const te = useTranslations('errors');
  const router = useRouter();
  const id = useId();
  const form = useFieldForm(EMPTY, check);
  const { state, touched, words } = form;
  const [notice, setNotice] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function update(change: Partial<State>) {
    form.update(change);
    setNotice(null);
  }

  function submit() {
    form.touch('url', 'format', 'secret', 'events');
    if (form.invalid()) return;
    startTransition(async () => {
      let result: ActionResult<WebhookView>;
      try {
        result = await addWebhook(state);
      } catch {
        result = { ok: false, error: 'internal' };
      }
      if (result.ok) {
        form.reset();
        setNotice({ tone: 'success', text: t('webhooks.added') });
        router.refresh();
        return;
      }
      if (result.fieldErrors) form.setServerErrors(result.fieldErrors);
      setNotice({
        tone: 'danger',
        text: te.has(result.error) ? te(result.error, result.params) : te('internal'),
      });
    });
  }

  const urlId = `${id}-url`;
  const secretId = `${id}-secret`;
  const urlErrors = words('url');
  const secretErrors = words('secret');
  const eventErrors = words('events');
  return (
    <form
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-5 dark:border-slate-800 dark:bg-slate-900"
      aria-labelledby={`${id}-title`}
      data-testid="webhook-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3 id={`${id}-title`} className="font-semibold">
        {t('webhooks.addTitle')}
      </h3>
      <Field id={urlId} label={t('webhooks.url')} hint={t('webhooks.urlHint')} errors={urlErrors}>
        <input
          id={urlId}
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          className={`${inputClass} font-mono`}
          placeholder="https://hooks.example.com/logport"
          value={state.url}
          aria-invalid={urlErrors ? true : undefined}
          aria-describedby={describedBy(urlId, { hint: true, error: Boolean(urlErrors) })}
          onChange={(e) => update({ url: e.target.value })}
          onBlur={() => form.touch('url')}
        />
      </Field>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
          {t('webhooks.formatLabel')}
        </legend>
        {(['json', 'slack'] as const).map((format) => (
          <label key={format} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name={`${id}-format`}
              value={format}
              className="mt-1"
              checked={state.format === format}
              onChange={() => update({ format })}
            />
            <span>
              {format === 'json'
                ? t('webhooks.formatJson')
                : t('webhooks.formatSlack', { example: '{"text": "…"}' })}
            </span>
          </label>
        ))}
      </fieldset>
      <Field
        id={secretId}
        label={t('webhooks.secret')}
        optional
        optionalLabel={t('webhooks.optional')}
        hint={t('webhooks.secretHint')}
        errors={secretErrors}
      >
        <input
          id={secretId}
          name="secret"
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          className={`${inputClass} font-mono`}
          value={state.secret}
          aria-invalid={secretErrors ? true : undefined}
          aria-describedby={describedBy(secretId, { hint: true, error: Boolean(secretErrors) })}
          onChange={(e) => update({ secret: e.target.value })}
          onBlur={() => form.touch('secret')}
        />
      </Field>
      <fieldset className="space-y-2" aria-describedby={eventErrors ? `${id}-events-error` : undefined}>
        <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
          {t('webhooks.eventsLabel')}
        </legend>
        {ALERT_EVENTS.map((event) => (
          <label key={event} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1"
              checked={state.events.includes(event)}
              onChange={(e) => {
                form.touch('events');
                update({
                  events: e.target.checked
                    ? ALERT_EVENTS.filter((x) => x === event || state.events.includes(x))
                    : state.events.filter((x) => x !== event),
                });
              }}
            />
            <span>
              <span className="font-medium">{t(`events.${eventKey(event)}` as 'events.export_failed')}</span>{' '}
              <code className="text-xs text-slate-600 dark:text-slate-400">{event}</code>
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                {t(`eventHints.${eventKey(event)}` as 'eventHints.export_failed')}
              </span>
            </span>
          </label>
        ))}
        {eventErrors ? (
          <p id={`${id}-events-error`} className="text-sm text-red-700 dark:text-red-300">
            {eventErrors.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <div aria-live="polite">{notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}</div>
      <Button type="submit" disabled={pending}>
        {pending ? t('webhooks.adding') : t('webhooks.add')}
      </Button>
    </form>
  );
}
