'use client';

import { useTranslations } from 'next-intl';
import { describedBy, Field, inputClass } from '@/components/ui/field';
import { useFormat } from '@/lib/format/use-format';
import type { LogGroupSummary } from '@/lib/log-groups/search';
import { CHUNKS } from '@/lib/time-range/chunks';
import { PRESETS } from '@/lib/time-range/presets';
import { formatLocalInput } from '@/lib/time-range/zone';
import { RangeNotes } from './range-notes';
import { TimeZoneInput } from './time-zone-input';
import { useFieldErrors } from './use-errors';
import type { Wizard } from './use-wizard';

const HOUR = 3_600_000;

export function RangeStep({ wizard, info }: { wizard: Wizard; info: Record<string, LogGroupSummary> }) {
  const t = useTranslations('wizard');
  const f = useFormat();
  const errorsOf = useFieldErrors(wizard.errors);
  const { state, update, resolved } = wizard;
  const range = resolved.range;
  // The inputs show what a preset means; typing in them makes the range custom.
  const shown = (which: 'start' | 'end') => {
    if (state.preset === 'custom') return state[which];
    return range ? formatLocalInput(which === 'start' ? range.start : range.end, state.tz) : '';
  };
  const edit = (which: 'start' | 'end', value: string) =>
    update({ preset: 'custom', start: shown('start'), end: shown('end'), [which]: value });
  const startErrors = errorsOf('from');
  const endErrors = errorsOf('to');
  const tzErrors = errorsOf('timeZone');
  const chunkErrors = errorsOf('chunk');

  return (
    <div className="space-y-6">
      <fieldset>
        <legend className="text-sm font-medium">{t('range.presetLegend')}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {PRESETS.map((p) => (
            <label
              key={p}
              className="inline-flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 dark:border-slate-600 dark:has-[:checked]:bg-brand-700/30"
            >
              <input
                type="radio"
                name="preset"
                value={p}
                className="accent-brand-600"
                checked={state.preset === p}
                onChange={() =>
                  update(
                    p === 'custom' ? { preset: p, start: shown('start'), end: shown('end') } : { preset: p },
                  )
                }
              />
              {t(`range.presets.${p}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="wizard-start"
          label={t('range.startLabel')}
          hint={t('range.startHint')}
          errors={startErrors}
        >
          <input
            id="wizard-start"
            type="datetime-local"
            step={1}
            className={inputClass}
            value={shown('start')}
            onChange={(e) => edit('start', e.target.value)}
            onBlur={() => wizard.blur('from')}
            aria-invalid={startErrors ? true : undefined}
            aria-describedby={describedBy('wizard-start', { hint: true, error: Boolean(startErrors) })}
          />
        </Field>
        <Field id="wizard-end" label={t('range.endLabel')} hint={t('range.endHint')} errors={endErrors}>
          <input
            id="wizard-end"
            type="datetime-local"
            step={1}
            className={inputClass}
            value={shown('end')}
            onChange={(e) => edit('end', e.target.value)}
            onBlur={() => wizard.blur('to')}
            aria-invalid={endErrors ? true : undefined}
            aria-describedby={describedBy('wizard-end', { hint: true, error: Boolean(endErrors) })}
          />
        </Field>
      </div>

      <Field id="wizard-tz" label={t('range.tzLabel')} hint={t('range.tzHint')} errors={tzErrors}>
        <TimeZoneInput
          id="wizard-tz"
          value={state.tz}
          onChange={(tz) => update({ tz })}
          onBlur={() => wizard.blur('timeZone')}
          invalid={Boolean(tzErrors)}
        />
      </Field>

      {range && range.start < range.end ? (
        <div
          className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
          data-testid="range-summary"
          aria-live="polite"
        >
          <p>
            {t('range.summary', {
              start: f.dateTime(range.start, 'auto', state.tz),
              end: f.dateTime(range.end, 'auto', state.tz),
              zone: state.tz,
              hours: Math.round(((range.end - range.start) / HOUR) * 10) / 10,
            })}
          </p>
          <p className="mt-1 font-mono text-xs text-slate-600 dark:text-slate-400">
            {t('range.epoch', { from: String(range.start), to: String(range.end - 1) })}
          </p>
        </div>
      ) : null}
      <RangeNotes wizard={wizard} info={info} />

      <fieldset aria-describedby={chunkErrors ? 'wizard-chunk-error' : 'wizard-chunk-hint'}>
        <legend className="text-sm font-medium">{t('range.chunkLegend')}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {CHUNKS.map((c) => (
            <label
              key={c}
              className="inline-flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:border-slate-600 dark:has-[:checked]:bg-brand-700/30"
            >
              <input
                id={`wizard-chunk-${c}`}
                type="radio"
                name="chunk"
                value={c}
                className="accent-brand-600"
                checked={state.chunk === c}
                onChange={() => update({ chunk: c })}
              />
              {t(`range.chunks.${c}`)}
            </label>
          ))}
        </div>
        <p id="wizard-chunk-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {t('range.chunkHint', {
            exports: wizard.exportCount,
            groups: state.groups.length,
            chunks: wizard.chunkCount,
          })}
        </p>
        {chunkErrors ? (
          <p id="wizard-chunk-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {chunkErrors.join(' ')}
          </p>
        ) : null}
      </fieldset>
    </div>
  );
}
