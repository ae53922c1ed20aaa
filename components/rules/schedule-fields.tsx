'use client';

import { useTranslations } from 'next-intl';
import { TimeZoneInput } from '@/components/export-wizard/time-zone-input';
import { Button } from '@/components/ui/button';
import { describedBy, Field, inputClass } from '@/components/ui/field';
import { DEFAULT_SETTLE_MINUTES } from '@/lib/rules/schema';
import { EVERY } from '@/lib/rules/types';
import { settleParts } from './describe';
import { useErrorText } from './use-error-text';
import type { RuleForm } from './use-rule-form';

const SETTLE_PRESETS = [0, 60, DEFAULT_SETTLE_MINUTES];

/**
 * When windows are exported: their length, the zone they follow, how long they settle, where backfill starts,
 * and how long a due window may wait before the rule counts as behind (the rule.behind alert).
 */
export function ScheduleFields({ form }: { form: RuleForm }) {
  const t = useTranslations('rules');
  const text = useErrorText();
  const { state, update, blur, errors } = form;
  const zoneErrors = text(errors.timeZone);
  const settleErrors = text(errors.settleMinutes);
  const backfillErrors = text(errors.backfillFrom);
  const behindErrors = text(errors.behindAfterMinutes);
  const behind = /^\d+$/.test(state.behindAfterMinutes.trim())
    ? settleParts(Number(state.behindAfterMinutes))
    : null;
  const settle = /^\d+$/.test(state.settleMinutes.trim()) ? Number(state.settleMinutes) : null;
  const parts = settle === null ? null : settleParts(settle);

  return (
    <div className="space-y-5">
      <fieldset>
        <legend className="text-sm font-medium">{t('form.everyLegend')}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {EVERY.map((e) => (
            <label
              key={e}
              className="inline-flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 dark:border-slate-600 dark:has-[:checked]:bg-brand-700/30"
            >
              <input
                type="radio"
                name="rule-every"
                id={`rule-every-${e}`}
                value={e}
                className="accent-brand-600"
                checked={state.every === e}
                onChange={() => update({ every: e })}
              />
              {t(`every.${e}`)}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t('form.everyHint')}</p>
      </fieldset>

      <Field id="rule-zone" label={t('form.zoneLabel')} hint={t('form.zoneHint')} errors={zoneErrors}>
        <TimeZoneInput
          id="rule-zone"
          value={state.timeZone}
          onChange={(timeZone) => update({ timeZone })}
          onBlur={() => blur('timeZone')}
          invalid={Boolean(zoneErrors)}
        />
      </Field>

      <Field id="rule-settle" label={t('form.settleLabel')} hint={t('form.settleHint')} errors={settleErrors}>
        <div className="flex flex-wrap items-center gap-2">
          <MinutesInput
            id="rule-settle"
            min={0}
            value={state.settleMinutes}
            onChange={(settleMinutes) => update({ settleMinutes })}
            onBlur={() => blur('settleMinutes')}
            invalid={Boolean(settleErrors)}
            text={parts ? t(`settle.${parts.key}`, parts.values) : ''}
          />
          {SETTLE_PRESETS.map((m) => {
            const p = settleParts(m);
            return (
              <Button
                key={m}
                variant="ghost"
                size="sm"
                onClick={() => update({ settleMinutes: String(m) })}
                disabled={settle === m}
              >
                {t(`settle.${p.key}`, p.values)}
              </Button>
            );
          })}
        </div>
      </Field>

      <Field
        id="rule-backfill"
        label={t('form.backfillLabel')}
        hint={t('form.backfillHint')}
        errors={backfillErrors}
        optional
        optionalLabel={t('form.optional')}
      >
        <input
          id="rule-backfill"
          type="date"
          className={`${inputClass} max-w-48`}
          value={state.backfillFrom}
          onChange={(e) => update({ backfillFrom: e.target.value })}
          onBlur={() => blur('backfillFrom')}
          aria-invalid={backfillErrors ? true : undefined}
          aria-describedby={describedBy('rule-backfill', { hint: true, error: Boolean(backfillErrors) })}
        />
      </Field>

      <Field id="rule-behind" label={t('form.behindLabel')} hint={t('form.behindHint')} errors={behindErrors}>
        <div className="flex flex-wrap items-center gap-2">
          <MinutesInput
            id="rule-behind"
            min={15}
            value={state.behindAfterMinutes}
            onChange={(behindAfterMinutes) => update({ behindAfterMinutes })}
            onBlur={() => blur('behindAfterMinutes')}
            invalid={Boolean(behindErrors)}
            text={behind ? t(`settle.${behind.key}`, behind.values) : ''}
          />
        </div>
      </Field>
    </div>
  );
}

/** A whole number of minutes as typed, with the same span in words beside it (`<id>-text`). */
function MinutesInput(props: {
  id: string;
  min: number;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  invalid: boolean;
  text: string;
}) {
  return (
    <>
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={props.min}
        step={1}
        className={`${inputClass} max-w-32`}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={props.onBlur}
        aria-invalid={props.invalid ? true : undefined}
        aria-describedby={describedBy(props.id, { hint: true, error: props.invalid })}
      />
      <span className="text-sm text-slate-600 dark:text-slate-400" data-testid={`${props.id}-text`}>
        {props.text}
      </span>
    </>
  );
}
