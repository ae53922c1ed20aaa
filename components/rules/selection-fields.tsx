'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { LogGroupPicker } from '@/components/export-wizard/log-group-picker';
import { describedBy, Field, inputClass } from '@/components/ui/field';
import type { LogGroupSummary } from '@/lib/log-groups/search';
import type { SelectionMode } from './form-state';
import { MatchedGroups } from './matched-groups';
import { useErrorText } from './use-error-text';
import type { usePreviewGroups } from './use-preview-groups';
import type { RuleForm } from './use-rule-form';

const MODES: SelectionMode[] = ['tag', 'prefix', 'names'];

/** Which log groups the rule exports: by tag, by name prefix or a list of names; and the ones it never does. */
export function SelectionFields({
  form,
  region,
  timeZone,
  preview,
}: {
  form: RuleForm;
  region: string;
  timeZone: string;
  preview: ReturnType<typeof usePreviewGroups>;
}) {
  const t = useTranslations('rules.form');
  const text = useErrorText();
  const { state, update, blur, errors } = form;
  const [info, setInfo] = useState<Record<string, LogGroupSummary>>({});
  const remember = (groups: LogGroupSummary[]) =>
    setInfo((prev) => ({ ...prev, ...Object.fromEntries(groups.map((g) => [g.name, g])) }));
  const prefixErrors = text(errors.prefix);
  const keyErrors = text(errors.tagKey);
  const valueErrors = text(errors.tagValue);
  const excludeErrors = text(errors.exclude);

  return (
    <div className="space-y-5">
      <fieldset>
        <legend className="text-sm font-medium">{t('modeLegend')}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {MODES.map((m) => (
            <label
              key={m}
              className="inline-flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 dark:border-slate-600 dark:has-[:checked]:bg-brand-700/30"
            >
              <input
                type="radio"
                name="rule-mode"
                id={`rule-mode-${m}`}
                value={m}
                className="accent-brand-600"
                checked={state.mode === m}
                onChange={() => update({ mode: m })}
              />
              {t(`modes.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>

      {state.mode === 'tag' ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="rule-tag-key" label={t('tagKeyLabel')} hint={t('tagKeyHint')} errors={keyErrors}>
            <input
              id="rule-tag-key"
              className={inputClass}
              value={state.tagKey}
              onChange={(e) => update({ tagKey: e.target.value })}
              onBlur={() => blur('tagKey')}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={keyErrors ? true : undefined}
              aria-describedby={describedBy('rule-tag-key', { hint: true, error: Boolean(keyErrors) })}
            />
          </Field>
          <Field id="rule-tag-value" label={t('tagValueLabel')} hint={t('tagValueHint')} errors={valueErrors}>
            <input
              id="rule-tag-value"
              className={inputClass}
              value={state.tagValue}
              onChange={(e) => update({ tagValue: e.target.value })}
              onBlur={() => blur('tagValue')}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={valueErrors ? true : undefined}
              aria-describedby={describedBy('rule-tag-value', { hint: true, error: Boolean(valueErrors) })}
            />
          </Field>
        </div>
      ) : state.mode === 'prefix' ? (
        <Field id="rule-prefix" label={t('prefixLabel')} hint={t('prefixHint')} errors={prefixErrors}>
          <input
            id="rule-prefix"
            className={`${inputClass} font-mono`}
            value={state.prefix}
            onChange={(e) => update({ prefix: e.target.value })}
            onBlur={() => blur('prefix')}
            placeholder="/app/"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={prefixErrors ? true : undefined}
            aria-describedby={describedBy('rule-prefix', { hint: true, error: Boolean(prefixErrors) })}
          />
        </Field>
      ) : (
        <LogGroupPicker
          region={region}
          timeZone={timeZone}
          selected={state.names}
          info={info}
          errors={text(errors.names)}
          onToggle={(g, on) => {
            remember([g]);
            update({
              names: on ? [...new Set([...state.names, g.name])] : state.names.filter((n) => n !== g.name),
            });
            blur('names');
          }}
          onSelectMany={(groups, on) => {
            remember(groups);
            const names = new Set(groups.map((g) => g.name));
            update({
              names: on ? [...new Set([...state.names, ...names])] : state.names.filter((n) => !names.has(n)),
            });
            blur('names');
          }}
        />
      )}

      <Field
        id="rule-exclude"
        label={t('excludeLabel')}
        hint={t('excludeHint')}
        errors={excludeErrors}
        optional
        optionalLabel={t('optional')}
      >
        <textarea
          id="rule-exclude"
          rows={2}
          className={`${inputClass} font-mono`}
          value={state.exclude}
          onChange={(e) => update({ exclude: e.target.value })}
          onBlur={() => blur('exclude')}
          spellCheck={false}
          aria-invalid={excludeErrors ? true : undefined}
          aria-describedby={describedBy('rule-exclude', { hint: true, error: Boolean(excludeErrors) })}
        />
      </Field>

      <MatchedGroups preview={preview} mode={state.mode} />
    </div>
  );
}
