'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { createToken } from '@/app/(console)/settings/token-actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { describedBy, Field, inputClass } from '@/components/ui/field';
import { useFieldForm } from '@/components/ui/use-field-form';
import type { ActionResult } from '@/lib/action-result';
import { ROLES, type Role } from '@/lib/auth/roles';
import { DEFAULT_EXPIRY_DAYS, EXPIRY_CHOICES, tokenInputSchema } from '@/lib/auth/tokens-schema';
import type { CreatedToken } from '@/lib/auth/tokens-types';

type State = { name: string; role: Role; all: boolean; accounts: string[]; expiry: string };
const EMPTY: State = {
  name: '',
  role: 'viewer',
  all: true,
  accounts: [],
  expiry: String(DEFAULT_EXPIRY_DAYS),
};

function inputOf(state: State) {
  return {
    name: state.name,
    role: state.role,
    accounts: state.all ? ('*' as const) : state.accounts,
    expiresInDays: state.expiry === 'never' ? null : Number(state.expiry),
  };
}

/** Field errors of the one token schema (the server checks again with it), as message keys per field. */
function check(state: State): Record<string, string[]> {
  const parsed = tokenInputSchema.safeParse(inputOf(state));
  if (parsed.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) out[String(issue.path[0] ?? 'form')] ??= [issue.message];
  return out;
}

/**
 * Settings → API tokens → create (admins): name, role (viewer by default: the least a script needs to read),
 * accounts (every one by default), expiry (90 days by default). The token comes back once, in the action's
 * answer, and lives only in this component's state: shown with a copy button until "I have copied it", gone
 * on reload.
 */
export function TokenForm({ accounts, limited }: { accounts: string[]; limited: boolean }) {
  const t = useTranslations('settings.tokens');
  const tc = useTranslations('common');
  const te = useTranslations('errors');
  const router = useRouter();
  const id = useId();
  const form = useFieldForm(EMPTY, check);
  const { state, touched, words } = form;
  const [notice, setNotice] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function update(change: Partial<State>) {
    form.update(change);
    setNotice(null);
  }

  function submit() {
    form.touch('name', 'role', 'accounts', 'expiresInDays');
    if (form.invalid()) return;
    startTransition(async () => {
      let result: ActionResult<CreatedToken>;
      try {
        result = await createToken(inputOf(state));
      } catch {
        result = { ok: false, error: 'internal' };
      }
      if (result.ok) {
        setCreated({ name: result.data.view.name, token: result.data.token });
        form.reset();
        router.refresh();
        return;
      }
      if (result.fieldErrors) form.setServerErrors(result.fieldErrors);
      setNotice(te.has(result.error) ? te(result.error, result.params) : te('internal'));
    });
  }

  const nameId = `${id}-name`;
  const expiryId = `${id}-expiry`;
  const nameErrors = words('name');
  const accountErrors =
    touched.accounts && !state.all && state.accounts.length === 0 ? [t('accountsNeeded')] : words('accounts');
  const origin = typeof window === 'undefined' ? 'https://logport.example.com' : window.location.origin;

  return (
    <div className="space-y-3">
      {created ? (
        <div
          className="space-y-2 rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm dark:border-emerald-700 dark:bg-emerald-950"
          data-testid="token-created"
          role="status"
        >
          <p className="font-semibold">{t('createdTitle', { name: created.name })}</p>
          <p>{t('createdBody')}</p>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <code
              className="block min-w-0 flex-1 select-all break-all rounded bg-white px-2 py-1.5 font-mono text-xs dark:bg-slate-900"
              data-testid="token-value"
            >
              {created.token}
            </code>
            <CopyButton text={created.token} label={t('copyToken')} />
          </div>
          <p className="text-xs text-slate-700 dark:text-slate-300">{t('createdExample')}</p>
          <code className="block break-all rounded bg-white px-2 py-1.5 font-mono text-xs dark:bg-slate-900">
            {`curl -H "Authorization: Bearer $LOGPORT_TOKEN" ${origin}/api/coverage/overview`}
          </code>
          <Button variant="secondary" size="sm" onClick={() => setCreated(null)}>
            {t('done')}
          </Button>
        </div>
      ) : null}
      <form
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-5 dark:border-slate-800 dark:bg-slate-900"
        aria-labelledby={`${id}-title`}
        data-testid="token-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h3 id={`${id}-title`} className="font-semibold">
          {t('addTitle')}
        </h3>
        <Field id={nameId} label={t('name')} hint={t('nameHint')} errors={nameErrors}>
          <input
            id={nameId}
            name="name"
            autoComplete="off"
            spellCheck={false}
            maxLength={80}
            className={`${inputClass} font-mono`}
            placeholder="ci-deploy"
            value={state.name}
            aria-invalid={nameErrors ? true : undefined}
            aria-describedby={describedBy(nameId, { hint: true, error: Boolean(nameErrors) })}
            onChange={(e) => update({ name: e.target.value })}
            onBlur={() => form.touch('name')}
          />
        </Field>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">{t('roleLabel')}</legend>
          {ROLES.map((role) => (
            <label key={role} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name={`${id}-role`}
                value={role}
                className="mt-1"
                checked={state.role === role}
                onChange={() => update({ role })}
              />
              <span>
                <span className="font-medium">{tc('role', { role })}</span>
                <span className="text-slate-600 dark:text-slate-400"> — {t(`roleHints.${role}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="space-y-1" aria-describedby={accountErrors ? `${id}-accounts-error` : undefined}>
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
            {t('accountsLabel')}
          </legend>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1"
              name="all-accounts"
              checked={state.all}
              onChange={(e) => {
                form.touch('accounts');
                update({ all: e.target.checked });
              }}
            />
            <span>{limited ? t('allYourAccounts') : t('allAccounts')}</span>
          </label>
          {state.all ? null : (
            <div className="space-y-1 pl-6">
              <p className="text-sm text-slate-700 dark:text-slate-300">{t('someAccounts')}</p>
              {accounts.map((account) => (
                <label key={account} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="account"
                    value={account}
                    checked={state.accounts.includes(account)}
                    onChange={(e) =>
                      update({
                        accounts: e.target.checked
                          ? accounts.filter((a) => a === account || state.accounts.includes(a))
                          : state.accounts.filter((a) => a !== account),
                      })
                    }
                  />
                  <span className="font-mono">{account}</span>
                </label>
              ))}
            </div>
          )}
          {accountErrors ? (
            <p id={`${id}-accounts-error`} className="text-sm text-red-700 dark:text-red-300">
              {accountErrors.join(' ')}
            </p>
          ) : null}
        </fieldset>
        <div className="space-y-1">
          <label htmlFor={expiryId} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            {t('expiresLabel')}
          </label>
          <select
            id={expiryId}
            name="expiry"
            className={`${inputClass} sm:w-60`}
            value={state.expiry}
            onChange={(e) => update({ expiry: e.target.value })}
          >
            {EXPIRY_CHOICES.map((days) => (
              <option key={days ?? 'never'} value={days === null ? 'never' : String(days)}>
                {days === null ? t('never') : t('expiresIn', { days })}
              </option>
            ))}
          </select>
        </div>
        <div aria-live="polite">{notice ? <Alert tone="danger">{notice}</Alert> : null}</div>
        <Button type="submit" disabled={pending}>
          {pending ? t('creating') : t('create')}
        </Button>
      </form>
    </div>
  );
}
