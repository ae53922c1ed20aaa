'use client';

import { useTranslations } from 'next-intl';
import { describedBy, Field, inputClass } from '@/components/ui/field';
import type { LogGroupSummary } from '@/lib/log-groups/search';
import { LogGroupPicker } from './log-group-picker';
import { useFieldErrors } from './use-errors';
import type { Wizard } from './use-wizard';

export function SourceStep({
  wizard,
  region,
  info,
  onInfo,
}: {
  wizard: Wizard;
  region: string;
  info: Record<string, LogGroupSummary>;
  onInfo: (groups: LogGroupSummary[]) => void;
}) {
  const t = useTranslations('wizard');
  const tc = useTranslations('common');
  const errorsOf = useFieldErrors(wizard.errors);
  const { state, update } = wizard;
  const streamErrors = errorsOf('logStreamNamePrefix');
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('source.intro', { region })}</p>
      <LogGroupPicker
        region={region}
        timeZone={state.tz}
        selected={state.groups}
        info={info}
        errors={errorsOf('logGroupNames')}
        onToggle={(g, on) => {
          onInfo([g]);
          update({
            groups: on
              ? [...state.groups.filter((n) => n !== g.name), g.name]
              : state.groups.filter((n) => n !== g.name),
          });
        }}
        onSelectMany={(shown, on) => {
          const names = new Set(shown.map((g) => g.name));
          if (on) onInfo(shown);
          update({
            groups: on
              ? [...state.groups, ...shown.map((g) => g.name).filter((n) => !state.groups.includes(n))]
              : state.groups.filter((n) => !names.has(n)),
          });
        }}
      />
      <Field
        id="wizard-stream"
        label={t('source.streamLabel')}
        hint={t('source.streamHint')}
        errors={streamErrors}
        optional
        optionalLabel={tc('optional')}
      >
        <input
          id="wizard-stream"
          className={inputClass}
          value={state.stream}
          onChange={(e) => update({ stream: e.target.value })}
          onBlur={() => wizard.blur('logStreamNamePrefix')}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={streamErrors ? true : undefined}
          aria-describedby={describedBy('wizard-stream', { hint: true, error: Boolean(streamErrors) })}
        />
      </Field>
    </div>
  );
}
