'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type ReactNode, useMemo, useState, useTransition } from 'react';
import { saveRule } from '@/app/(console)/rules/actions';
import { useScope } from '@/components/shell/scope-context';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { describedBy, Field, inputClass } from '@/components/ui/field';
import type { PreflightResult } from '@/lib/preflight/types';
import { DestinationFields } from './destination-fields';
import { previewScope, type RuleFormState, serverFieldErrors, toInput } from './form-state';
import { ruleKeys } from './queries';
import { RuleChecks } from './rule-checks';
import { ScheduleFields } from './schedule-fields';
import { SelectionFields } from './selection-fields';
import { useErrorText } from './use-error-text';
import { usePreviewGroups } from './use-preview-groups';
import { useRuleForm } from './use-rule-form';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby={id}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * Create or edit a rule (admins). Checked with the one rule schema as the user types; on save the server runs
 * the preflight, and a refusal shows its checks with the fix while everything typed stays as it was.
 */
export function RuleForm({
  initial,
  ruleId,
  region,
  account: accountId,
  serverNow,
}: {
  initial: RuleFormState;
  /** Absent for a new rule. */
  ruleId?: string;
  region: string;
  /** The 12-digit id of the account (STS), for {account} in the template; null when unknown. */
  account: string | null;
  serverNow: number;
}) {
  const t = useTranslations('rules.form');
  const te = useTranslations('errors');
  const text = useErrorText();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { account } = useScope();
  const scope = useMemo(() => ({ account, region }), [account, region]);
  const form = useRuleForm(initial, scope);
  const preview = usePreviewGroups(form, scope);
  const [saving, startSaving] = useTransition();
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ result: PreflightResult; bucket: string } | null>(null);
  const { state, update, blur, errors } = form;
  const nameErrors = text(errors.name);
  const formErrors = text(errors.form);

  function submit() {
    setNotice(null);
    if (!form.checkAll()) return;
    startSaving(async () => {
      let result: Awaited<ReturnType<typeof saveRule>>;
      try {
        result = await saveRule(toInput(state, scope), ruleId);
      } catch {
        result = { ok: false, error: 'internal' };
      }
      if (result.ok) {
        setRefusal(null);
        // The list renders the server's rules after the save; a list this tab cached before the edit (fresh for
        // a moment) would win over them and show the rule as it was until its next poll.
        queryClient.removeQueries({ queryKey: ruleKeys.all });
        void queryClient.invalidateQueries({ queryKey: ['coverage'] });
        router.push(`/rules?saved=${encodeURIComponent(result.data.id)}`);
        router.refresh();
        return;
      }
      if (result.preflight) {
        setRefusal({ result: result.preflight, bucket: state.bucket });
        setNotice(t('refused'));
        setTimeout(() => document.getElementById('rule-checks')?.focus(), 30);
        return;
      }
      if (result.fieldErrors) {
        form.showServerErrors(serverFieldErrors(result.fieldErrors, state.mode));
        setNotice(t('fixFields'));
        return;
      }
      setNotice(te.has(result.error) ? te(result.error, result.params) : te('internal'));
    });
  }

  return (
    <form
      noValidate
      className="space-y-5"
      aria-busy={saving}
      data-ready={form.ready ? 'true' : undefined}
      data-testid="rule-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Section id="rule-about" title={t('aboutHeading')}>
        <Field id="rule-name" label={t('nameLabel')} hint={t('nameHint')} errors={nameErrors}>
          <input
            id="rule-name"
            className={inputClass}
            value={state.name}
            onChange={(e) => update({ name: e.target.value })}
            onBlur={() => blur('name')}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={nameErrors ? true : undefined}
            aria-describedby={describedBy('rule-name', { hint: true, error: Boolean(nameErrors) })}
          />
        </Field>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {state.kept &&
          (state.kept.accounts === '*' || state.kept.accounts.length > 1 || state.kept.regions.length > 1)
            ? t('placesNote', {
                accounts: state.kept.accounts === '*' ? '*' : state.kept.accounts.join(', '),
                regions: state.kept.regions.join(', ') || region,
              })
            : t('regionNote', {
                region,
                account:
                  state.kept && Array.isArray(state.kept.accounts)
                    ? (state.kept.accounts[0] ?? account)
                    : account,
              })}
        </p>
        <label className="flex items-start gap-2 text-sm">
          <input
            id="rule-enabled"
            type="checkbox"
            className="mt-0.5 h-4 w-4 accent-brand-600"
            checked={state.enabled}
            onChange={(e) => update({ enabled: e.target.checked })}
          />
          <span>
            <span className="font-medium">{t('enabledLabel')}</span>
            <span className="block text-xs text-slate-600 dark:text-slate-400">{t('enabledHint')}</span>
          </span>
        </label>
      </Section>

      <Section id="rule-groups" title={t('groupsHeading')}>
        <SelectionFields form={form} region={region} timeZone={state.timeZone} preview={preview} />
      </Section>

      <Section id="rule-destination" title={t('destinationHeading')}>
        <DestinationFields
          form={form}
          region={region}
          account={accountId}
          groups={preview.names}
          now={serverNow}
        />
      </Section>

      <Section id="rule-schedule" title={t('scheduleHeading')}>
        <ScheduleFields form={form} />
      </Section>

      {refusal ? (
        <RuleChecks
          refusal={refusal}
          form={form}
          scope={previewScope(state, scope)}
          account={accountId}
          groups={preview.names}
          now={serverNow}
        />
      ) : null}

      <div aria-live="polite" data-testid="rule-notice">
        {notice ? <Alert tone={refusal ? 'danger' : 'warning'}>{notice}</Alert> : null}
        {formErrors ? <Alert tone="danger">{formErrors.join(' ')}</Alert> : null}
      </div>

      <div className="flex flex-wrap justify-end gap-3">
        <Link href="/rules" className={buttonClass('secondary')}>
          {t('cancel')}
        </Link>
        <Button type="submit" disabled={saving || !form.ready} data-testid="rule-save">
          {saving ? t('saving') : ruleId ? t('saveChanges') : t('create')}
        </Button>
      </div>
    </form>
  );
}
