'use client';

import { useTranslations } from 'next-intl';
import { describedBy, Field, inputClass } from '@/components/ui/field';
import type { ArchiveMemberOption, GeneratorState } from './form-state';

type Props = {
  state: GeneratorState;
  onChange: (next: GeneratorState) => void;
  options: ArchiveMemberOption[];
  /** The first error message per field (already translated), for fields the user has been to. */
  errorsOf: (field: 'members' | 'exporterRole' | 'orgId') => string[] | undefined;
  onBlur: (field: 'members' | 'exporterRole' | 'orgId') => () => void;
  id: (name: string) => string;
};

/**
 * The central archive's inputs: which of Logport's accounts (and which others) export into the bucket, the role
 * they export as, and an optional organization. Logport's accounts come with their id and role from the server.
 */
export function ArchiveFields({ state, onChange, options, errorsOf, onBlur, id }: Props) {
  const t = useTranslations('policy');
  const set = <K extends keyof GeneratorState>(key: K, value: GeneratorState[K]) =>
    onChange({ ...state, [key]: value });
  const toggle = (exporter: string, on: boolean) => {
    // Kept in the order of Logport's accounts, so the generated list does not depend on the clicking order.
    const chosen = new Set(state.members);
    if (on) chosen.add(exporter);
    else chosen.delete(exporter);
    const order = options.flatMap((o) => (o.exporter ? [o.exporter] : []));
    set('members', [
      ...order.filter((m) => chosen.has(m)),
      ...state.members.filter((m) => !order.includes(m) && chosen.has(m)),
    ]);
  };
  const memberErrors = errorsOf('members');
  const roleErrors = errorsOf('exporterRole');
  const orgErrors = errorsOf('orgId');

  return (
    <div className="space-y-4">
      {options.length > 0 ? (
        <fieldset className="space-y-2" aria-describedby={id('members-hint')}>
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
            {t('form.members')}
          </legend>
          <p id={id('members-hint')} className="text-xs text-slate-600 dark:text-slate-400">
            {t('form.membersHint')}
          </p>
          {options.map((o) => (
            <label key={o.name} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-1"
                name="member"
                value={o.exporter ?? ''}
                disabled={o.exporter === null}
                checked={o.exporter !== null && state.members.includes(o.exporter)}
                onChange={(e) => o.exporter && toggle(o.exporter, e.target.checked)}
              />
              <span className="min-w-0">
                <span className="font-medium">
                  {o.id
                    ? t('form.memberLabel', { name: o.name, id: o.id })
                    : t('form.memberNoId', { name: o.name })}
                </span>
                {o.exporter ? (
                  <span className="block break-all font-mono text-xs text-slate-600 dark:text-slate-400">
                    {o.exporter}
                  </span>
                ) : null}
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}

      <Field
        id={id('otherMembers')}
        label={options.length > 0 ? t('form.otherMembers') : t('form.members')}
        hint={t('form.otherMembersHint')}
        errors={memberErrors}
        optional={options.length > 0}
        optionalLabel={t('form.optional')}
      >
        <textarea
          id={id('otherMembers')}
          name="otherMembers"
          rows={3}
          className={`${inputClass} font-mono`}
          value={state.otherMembers}
          aria-invalid={memberErrors ? true : undefined}
          aria-describedby={describedBy(id('otherMembers'), { hint: true, error: Boolean(memberErrors) })}
          autoComplete="off"
          spellCheck={false}
          placeholder="111122223333"
          onBlur={onBlur('members')}
          onChange={(e) => set('otherMembers', e.target.value)}
        />
      </Field>

      <Field
        id={id('exporterRole')}
        label={t('form.exporterRole')}
        hint={t('form.exporterRoleHint')}
        errors={roleErrors}
      >
        <input
          id={id('exporterRole')}
          name="exporterRole"
          className={inputClass}
          value={state.exporterRole}
          aria-invalid={roleErrors ? true : undefined}
          aria-describedby={describedBy(id('exporterRole'), { hint: true, error: Boolean(roleErrors) })}
          autoComplete="off"
          spellCheck={false}
          onBlur={onBlur('exporterRole')}
          onChange={(e) => set('exporterRole', e.target.value)}
        />
      </Field>

      <Field
        id={id('orgId')}
        label={t('form.orgId')}
        hint={t('form.orgIdHint')}
        errors={orgErrors}
        optional
        optionalLabel={t('form.optional')}
      >
        <input
          id={id('orgId')}
          name="org"
          className={inputClass}
          value={state.orgId}
          placeholder="o-a1b2c3d4e5"
          aria-invalid={orgErrors ? true : undefined}
          aria-describedby={describedBy(id('orgId'), { hint: true, error: Boolean(orgErrors) })}
          autoComplete="off"
          spellCheck={false}
          onBlur={onBlur('orgId')}
          onChange={(e) => set('orgId', e.target.value)}
        />
      </Field>
    </div>
  );
}
