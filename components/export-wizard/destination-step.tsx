'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { scopeParams, useScope } from '@/components/shell/scope-context';
import { Button } from '@/components/ui/button';
import { describedBy, Field, inputClass } from '@/components/ui/field';
import { randomPrefix } from '@/lib/policy/names';
import type { BucketSummary } from '@/lib/s3/buckets';
import type { PolicyAccess } from './policy-request';
import { PreflightPanel } from './preflight-panel';
import { useFieldErrors } from './use-errors';
import type { usePreflight } from './use-preflight';
import type { Wizard } from './use-wizard';

export function DestinationStep({
  wizard,
  region,
  preflight,
  access,
}: {
  wizard: Wizard;
  region: string;
  preflight: ReturnType<typeof usePreflight>;
  access: PolicyAccess;
}) {
  const t = useTranslations('wizard');
  const errorsOf = useFieldErrors(wizard.errors);
  const { state, update } = wizard;
  const { account } = useScope();
  const buckets = useQuery({
    queryKey: ['wizard', 'buckets', account, region],
    queryFn: async (): Promise<BucketSummary[]> => {
      const res = await fetch(`/api/buckets?${scopeParams({ account, region })}`, { cache: 'no-store' });
      const body = (await res.json()) as { buckets: BucketSummary[] } | { error: string };
      if (!res.ok || 'error' in body) throw new Error('error' in body ? body.error : 'awsUnknown');
      return body.buckets;
    },
    staleTime: 60_000,
  });
  const list = buckets.data ?? [];
  const bucketErrors = errorsOf('destination');
  const prefixErrors = errorsOf('destinationPrefix');
  const nameErrors = errorsOf('taskName');
  const base = (state.prefix || 'exportedlogs').split('/')[0] || 'exportedlogs';

  return (
    <div className="space-y-6">
      <Field
        id="wizard-bucket"
        label={t('destination.bucketLabel')}
        hint={buckets.isError ? t('destination.bucketsUnavailable') : t('destination.bucketHint', { region })}
        errors={bucketErrors}
      >
        <input
          id="wizard-bucket"
          list="wizard-bucket-list"
          className={inputClass}
          value={state.bucket}
          onChange={(e) => update({ bucket: e.target.value })}
          onBlur={() => wizard.blur('destination')}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={bucketErrors ? true : undefined}
          aria-describedby={describedBy('wizard-bucket', { hint: true, error: Boolean(bucketErrors) })}
        />
        <datalist id="wizard-bucket-list">
          {list.map((b) => (
            <option key={b.name} value={b.name} label={b.region ? `${b.name} (${b.region})` : b.name} />
          ))}
        </datalist>
      </Field>
      {list.length > 0 ? (
        <div>
          <p className="text-xs text-slate-600 dark:text-slate-400">{t('destination.bucketsInAccount')}</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {list.map((b) => {
              const other = b.region !== null && b.region !== region;
              return (
                <li key={b.name}>
                  <button
                    type="button"
                    onClick={() => update({ bucket: b.name })}
                    aria-pressed={state.bucket === b.name}
                    className={`rounded-md border px-2 py-1 text-left text-xs aria-pressed:border-brand-600 aria-pressed:bg-brand-50 dark:aria-pressed:bg-brand-700/30 ${other ? 'border-dashed border-slate-300 text-slate-600 dark:border-slate-600 dark:text-slate-400' : 'border-slate-300 dark:border-slate-600'}`}
                  >
                    <span className="font-mono">{b.name}</span>{' '}
                    <span className="text-slate-600 dark:text-slate-400">
                      {other ? t('destination.otherRegion', { region: b.region ?? '' }) : (b.region ?? '')}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}

      <Field
        id="wizard-prefix"
        label={t('destination.prefixLabel')}
        hint={t('destination.prefixHint')}
        errors={prefixErrors}
      >
        <div className="flex flex-wrap gap-2">
          <input
            id="wizard-prefix"
            className={`${inputClass} min-w-0 flex-1`}
            value={state.prefix}
            onChange={(e) => update({ prefix: e.target.value })}
            onBlur={() => wizard.blur('destinationPrefix')}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={prefixErrors ? true : undefined}
            aria-describedby={describedBy('wizard-prefix', { hint: true, error: Boolean(prefixErrors) })}
          />
          <Button variant="secondary" onClick={() => update({ prefix: randomPrefix(base, 12) })}>
            {t('destination.randomSuffix')}
          </Button>
        </div>
      </Field>

      {wizard.exportCount > 1 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t('destination.namesGenerated', { count: wizard.exportCount })}
        </p>
      ) : (
        <Field
          id="wizard-task-name"
          label={t('destination.nameLabel')}
          hint={t('destination.nameHint')}
          errors={nameErrors}
        >
          <div className="flex flex-wrap gap-2">
            <input
              id="wizard-task-name"
              className={`${inputClass} min-w-0 flex-1`}
              value={state.name ?? ''}
              onChange={(e) => update({ name: e.target.value })}
              onBlur={() => wizard.blur('taskName')}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={nameErrors ? true : undefined}
              aria-describedby={describedBy('wizard-task-name', { hint: true, error: Boolean(nameErrors) })}
            />
            {wizard.rawName !== null ? (
              <Button variant="ghost" onClick={() => update({ name: null })}>
                {t('destination.nameReset')}
              </Button>
            ) : null}
          </div>
        </Field>
      )}

      <PreflightPanel query={preflight.query} ready={preflight.ready} access={access} />
    </div>
  );
}
