'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { scopeParams, useScope } from '@/components/shell/scope-context';
import { describedBy, Field, inputClass } from '@/components/ui/field';
import { useFormat } from '@/lib/format/use-format';
import { PLACEHOLDERS } from '@/lib/rules/template';
import type { BucketSummary } from '@/lib/s3/buckets';
import { isValidTimeZone } from '@/lib/time-range/zone';
import { previewKeys, STREAM_PLACEHOLDER, TASK_ID_PLACEHOLDER } from './key-preview';
import { useErrorText } from './use-error-text';
import type { RuleForm } from './use-rule-form';

/** Where the exports go: the bucket, and the prefix template with the first keys it will make. */
export function DestinationFields({
  form,
  region,
  account,
  groups,
  now,
}: {
  form: RuleForm;
  region: string;
  account: string | null;
  /** The first groups the selection matches now (the preview renders keys for them). */
  groups: string[];
  now: number;
}) {
  const t = useTranslations('rules.form');
  const f = useFormat();
  const text = useErrorText();
  const { state, update, blur, errors } = form;
  // The same list (and cache entry) as the export wizard's destination step.
  const page = useScope();
  const where =
    form.state.kept && Array.isArray(form.state.kept.accounts)
      ? (form.state.kept.accounts[0] ?? page.account)
      : page.account;
  const buckets = useQuery({
    queryKey: ['wizard', 'buckets', where, region],
    queryFn: async (): Promise<BucketSummary[]> => {
      const res = await fetch(`/api/buckets?${scopeParams({ account: where, region })}`, {
        cache: 'no-store',
      });
      const body = (await res.json()) as { buckets: BucketSummary[] } | { error: string };
      if (!res.ok || 'error' in body) throw new Error('error' in body ? body.error : 'awsUnknown');
      return body.buckets;
    },
    staleTime: 60_000,
  });
  const inRegion = (buckets.data ?? []).filter((b) => b.region === null || b.region === region);
  const bucketErrors = text(errors.bucket);
  const templateErrors = text(errors.prefixTemplate);
  const settle = Number(state.settleMinutes);
  const keys =
    errors.prefixTemplate || form.allErrors?.prefixTemplate || !isValidTimeZone(state.timeZone)
      ? []
      : previewKeys({
          template: state.prefixTemplate,
          groups,
          account: account ?? '<account>',
          region,
          every: state.every,
          timeZone: state.timeZone,
          settleMinutes: Number.isFinite(settle) && settle >= 0 ? settle : 0,
          now,
        });

  return (
    <div className="space-y-5">
      <Field
        id="rule-bucket"
        label={t('bucketLabel')}
        hint={t('bucketHint', { region })}
        errors={bucketErrors}
      >
        <input
          id="rule-bucket"
          list="rule-bucket-list"
          className={inputClass}
          value={state.bucket}
          onChange={(e) => update({ bucket: e.target.value })}
          onBlur={() => blur('bucket')}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={bucketErrors ? true : undefined}
          aria-describedby={describedBy('rule-bucket', { hint: true, error: Boolean(bucketErrors) })}
        />
        <datalist id="rule-bucket-list">
          {inRegion.map((b) => (
            <option key={b.name} value={b.name} />
          ))}
        </datalist>
      </Field>
      {inRegion.length > 0 ? (
        <div>
          <p className="text-xs text-slate-600 dark:text-slate-400">{t('bucketsInRegion', { region })}</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {inRegion.map((b) => (
              <li key={b.name}>
                <button
                  type="button"
                  onClick={() => update({ bucket: b.name })}
                  aria-pressed={state.bucket === b.name}
                  className="rounded-md border border-slate-300 px-2 py-1 font-mono text-xs aria-pressed:border-brand-600 aria-pressed:bg-brand-50 dark:border-slate-600 dark:aria-pressed:bg-brand-700/30"
                >
                  {b.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <Field
        id="rule-template"
        label={t('templateLabel')}
        hint={t('templateHint', { placeholders: PLACEHOLDERS.map((p) => `{${p}}`).join(' ') })}
        errors={templateErrors}
      >
        <input
          id="rule-template"
          className={`${inputClass} font-mono`}
          value={state.prefixTemplate}
          onChange={(e) => update({ prefixTemplate: e.target.value })}
          onBlur={() => blur('prefixTemplate')}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={templateErrors ? true : undefined}
          aria-describedby={`${describedBy('rule-template', { hint: true, error: Boolean(templateErrors) })} rule-keys-heading`}
        />
      </Field>

      <section
        aria-labelledby="rule-keys-heading"
        className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
        data-testid="rule-key-preview"
      >
        <h3 id="rule-keys-heading" className="font-medium">
          {t('keysHeading')}
        </h3>
        {keys.length === 0 ? (
          <p className="mt-1 text-slate-600 dark:text-slate-400">{t('keysUnavailable')}</p>
        ) : (
          <ol className="mt-1 space-y-1">
            {keys.map((k) => (
              <li key={`${k.logGroup}-${k.window.start}`} className="min-w-0">
                {k.key ? (
                  <code className="block break-all font-mono text-xs" data-testid="rule-key">
                    {k.key}
                  </code>
                ) : (
                  <span className="text-red-700 dark:text-red-300">
                    {t('keyUnusable', { logGroup: k.logGroup })}
                  </span>
                )}
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  {t('keyFor', {
                    logGroup: k.logGroup,
                    window: f.span(k.window.start, k.window.end, state.timeZone),
                  })}
                </span>
              </li>
            ))}
          </ol>
        )}
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          {t('keysNote', { taskId: TASK_ID_PLACEHOLDER, stream: STREAM_PLACEHOLDER })}
        </p>
      </section>
    </div>
  );
}
