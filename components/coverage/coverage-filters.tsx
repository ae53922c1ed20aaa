'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { COVERAGE_STATES } from '@/lib/coverage/types';
import { type CoverageView, RANGES, type RangeProblem } from './view-params';

export type RuleOption = { id: string; name: string };

/** Rule, state, name and range: each change goes into the URL at once (the name after a pause in typing). */
export function CoverageFilters({
  view,
  onChange,
  rules,
  problem,
}: {
  view: CoverageView;
  onChange: (next: Partial<CoverageView>) => void;
  rules: RuleOption[];
  problem: RangeProblem | null;
}) {
  const t = useTranslations('coverage.filters');
  const ts = useTranslations('coverage.state');
  const [q, setQ] = useState(view.q);
  useEffect(() => setQ(view.q), [view.q]);
  useEffect(() => {
    if (q === view.q) return;
    const timer = setTimeout(() => onChange({ q }), 300);
    return () => clearTimeout(timer);
  }, [q, view.q, onChange]);
  const filtered = Boolean(view.rule || view.state || view.q || view.range !== '30d');

  return (
    <search
      aria-label={t('label')}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="space-y-1">
          <label htmlFor="coverage-rule" className="block text-sm font-medium">
            {t('rule')}
          </label>
          <select
            id="coverage-rule"
            className={inputClass}
            value={view.rule ?? ''}
            onChange={(e) => onChange({ rule: e.target.value || null })}
          >
            <option value="">{t('ruleAll')}</option>
            {rules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="coverage-state" className="block text-sm font-medium">
            {t('state')}
          </label>
          <select
            id="coverage-state"
            className={inputClass}
            value={view.state ?? ''}
            onChange={(e) =>
              onChange({
                state: (COVERAGE_STATES as readonly string[]).includes(e.target.value)
                  ? (e.target.value as CoverageView['state'])
                  : null,
              })
            }
          >
            <option value="">{t('stateAll')}</option>
            {COVERAGE_STATES.map((s) => (
              <option key={s} value={s}>
                {t('stateHas', { state: ts(s) })}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="coverage-q" className="block text-sm font-medium">
            {t('name')}
          </label>
          <input
            id="coverage-q"
            type="search"
            className={inputClass}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="/aws/lambda/"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{t('range')}</legend>
        <div className="mt-1 flex flex-wrap items-end gap-2">
          {RANGES.map((r) => (
            <label
              key={r}
              className="inline-flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 dark:border-slate-600 dark:has-[:checked]:bg-brand-700/30"
            >
              <input
                type="radio"
                name="coverage-range"
                value={r}
                className="accent-brand-600"
                checked={view.range === r}
                onChange={() => onChange({ range: r })}
              />
              {t(`ranges.${r}`)}
            </label>
          ))}
          {view.range === 'custom' ? (
            <div className="flex flex-wrap items-end gap-2">
              <div className="space-y-1">
                <label htmlFor="coverage-from" className="block text-xs">
                  {t('from')}
                </label>
                <input
                  id="coverage-from"
                  type="date"
                  className={`${inputClass} max-w-44`}
                  value={view.from}
                  onChange={(e) => onChange({ from: e.target.value })}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? 'coverage-range-problem' : undefined}
                />
              </div>
              <div className="space-y-1">
                <label htmlFor="coverage-to" className="block text-xs">
                  {t('to')}
                </label>
                <input
                  id="coverage-to"
                  type="date"
                  className={`${inputClass} max-w-44`}
                  value={view.to}
                  onChange={(e) => onChange({ to: e.target.value })}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? 'coverage-range-problem' : undefined}
                />
              </div>
            </div>
          ) : null}
        </div>
        {problem ? (
          <p id="coverage-range-problem" role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {t(`problems.${problem}`)}
          </p>
        ) : (
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t('rangeHint')}</p>
        )}
      </fieldset>
      {filtered ? (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => onChange({ rule: null, state: null, q: '', range: '30d', from: '', to: '' })}
        >
          {t('clear')}
        </Button>
      ) : null}
    </search>
  );
}
