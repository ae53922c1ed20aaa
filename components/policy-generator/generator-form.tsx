'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { describedBy, Field, inputClass } from '@/components/ui/field';
import { randomPrefix } from '@/lib/policy/names';
import { PARTITIONS } from '@/lib/policy/types';
import { ArchiveFields } from './archive-fields';
import {
  type ArchiveMemberOption,
  GENERATOR_SCENARIOS,
  type GeneratorState,
  isPartition,
  withRegion,
} from './form-state';

type Props = {
  state: GeneratorState;
  onChange: (next: GeneratorState) => void;
  fieldErrors: Record<string, string[]>;
  regions: string[];
  /** Logport's accounts, offered as central archive members. */
  memberOptions: ArchiveMemberOption[];
};

/** The generator's inputs; every change re-generates the outputs at once (no submit). */
export function GeneratorForm({ state, onChange, fieldErrors, regions, memberOptions }: Props) {
  const t = useTranslations('policy');
  const tAll = useTranslations();
  const uid = useId();
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const set = <K extends keyof GeneratorState>(key: K, value: GeneratorState[K]) =>
    onChange({ ...state, [key]: value });
  const touch = (field: string) => () => setTouched((v) => (v[field] ? v : { ...v, [field]: true }));
  // An empty field is not scolded until the user has been there; a prefilled wrong value is.
  const errorsOf = (field: keyof GeneratorState): string[] | undefined => {
    const keys = fieldErrors[field];
    const value = state[field];
    const empty = value === '' || value === undefined || (field === 'members' && state.otherMembers === '');
    if (!keys || (!touched[field] && empty)) return undefined;
    return keys.slice(0, 1).map((k) => tAll(k));
  };
  const id = (name: string) => `${uid}-${name}`;
  const control = (name: keyof GeneratorState, hint: boolean) => {
    const errors = errorsOf(name);
    return {
      id: id(name),
      'aria-invalid': errors ? true : undefined,
      'aria-describedby': describedBy(id(name), { hint, error: Boolean(errors) }),
      onBlur: touch(name),
    };
  };
  const archive = state.scenario === 'central-archive';
  const crossAccount = state.scenario !== 'same-account' && !archive;

  return (
    <form className="space-y-4" noValidate onSubmit={(e) => e.preventDefault()} aria-label={t('form.label')}>
      <Field
        id={id('bucket')}
        label={t('form.bucket')}
        hint={t('form.bucketHint')}
        errors={errorsOf('bucket')}
      >
        <input
          {...control('bucket', true)}
          name="bucket"
          className={inputClass}
          value={state.bucket}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set('bucket', e.target.value)}
        />
      </Field>

      <div className="grid gap-4">
        <Field
          id={id('region')}
          label={t('form.region')}
          hint={t('form.regionHint')}
          errors={errorsOf('region')}
        >
          <input
            {...control('region', true)}
            name="region"
            className={inputClass}
            value={state.region}
            list={id('regions')}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onChange(withRegion(state, e.target.value.trim()))}
          />
          <datalist id={id('regions')}>
            {regions.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </Field>
        <Field id={id('partition')} label={t('form.partition')} errors={errorsOf('partition')}>
          <select
            {...control('partition', false)}
            name="partition"
            className={inputClass}
            value={state.partition}
            onChange={(e) => {
              if (isPartition(e.target.value))
                onChange({ ...state, partition: e.target.value, partitionTouched: true });
            }}
          >
            {PARTITIONS.map((p) => (
              <option key={p} value={p}>
                {t(`form.partitionOptions.${p}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
          {t('form.scenario')}
        </legend>
        {GENERATOR_SCENARIOS.map((s) => (
          <label key={s} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="scenario"
              value={s}
              className="mt-1"
              checked={state.scenario === s}
              onChange={() => set('scenario', s)}
            />
            <span>
              <span className="font-medium">{t(`scenario.${s}`)}</span>
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                {t(`scenario.${s}-hint`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>

      {archive ? (
        <ArchiveFields
          state={state}
          onChange={onChange}
          options={memberOptions}
          errorsOf={errorsOf}
          onBlur={touch}
          id={id}
        />
      ) : (
        <div className="grid gap-4">
          <Field
            id={id('accountId')}
            label={t('form.accountId')}
            hint={t('form.accountIdHint')}
            errors={errorsOf('accountId')}
          >
            <input
              {...control('accountId', true)}
              name="account"
              inputMode="numeric"
              className={inputClass}
              value={state.accountId}
              autoComplete="off"
              onChange={(e) => set('accountId', e.target.value)}
            />
          </Field>
          {crossAccount ? (
            <Field
              id={id('exporterName')}
              label={t(state.scenario === 'cross-account-user' ? 'form.userName' : 'form.roleName')}
              hint={t('form.exporterNameHint')}
              errors={errorsOf('exporterName')}
            >
              <input
                {...control('exporterName', true)}
                name="exporterName"
                className={inputClass}
                value={state.exporterName}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => set('exporterName', e.target.value)}
              />
            </Field>
          ) : null}
        </div>
      )}

      <Field
        id={id('prefix')}
        label={t('form.prefix')}
        hint={t('form.prefixHint')}
        errors={errorsOf('prefix')}
      >
        <div className="flex flex-wrap gap-2">
          <input
            {...control('prefix', true)}
            name="prefix"
            className={`${inputClass} min-w-0 flex-1 basis-48`}
            value={state.prefix}
            placeholder={t('form.prefixPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => set('prefix', e.target.value)}
          />
          <Button variant="secondary" size="md" onClick={() => set('prefix', randomPrefix())}>
            {t('form.randomPrefix')}
          </Button>
          <Button variant="ghost" size="md" onClick={() => set('prefix', '')} disabled={state.prefix === ''}>
            {t('form.wholeBucket')}
          </Button>
        </div>
      </Field>

      {archive ? null : (
        <Field
          id={id('sourceAccounts')}
          label={t('form.sourceAccounts')}
          hint={t('form.sourceAccountsHint')}
          errors={errorsOf('sourceAccounts')}
          optional
          optionalLabel={t('form.optional')}
        >
          <input
            {...control('sourceAccounts', true)}
            name="sourceAccounts"
            className={inputClass}
            value={state.sourceAccounts}
            placeholder={state.accountId}
            autoComplete="off"
            onChange={(e) => set('sourceAccounts', e.target.value)}
          />
        </Field>
      )}

      <div className="space-y-2">
        {archive ? null : (
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1"
              checked={state.confusedDeputy}
              aria-describedby={id('deputy-hint')}
              onChange={(e) => set('confusedDeputy', e.target.checked)}
            />
            <span>
              <span className="font-medium">{t('form.confusedDeputy')}</span>
              <span id={id('deputy-hint')} className="block text-xs text-slate-600 dark:text-slate-400">
                {t('form.confusedDeputyHint')}
              </span>
            </span>
          </label>
        )}
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-1"
            checked={state.kms}
            aria-describedby={id('kms-hint')}
            onChange={(e) => set('kms', e.target.checked)}
          />
          <span>
            <span className="font-medium">{t('form.kms')}</span>
            <span id={id('kms-hint')} className="block text-xs text-slate-600 dark:text-slate-400">
              {t('form.kmsHint')}
            </span>
          </span>
        </label>
      </div>
    </form>
  );
}
