'use client';

import { useTranslations } from 'next-intl';
import { useId, useMemo } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
// Module imports, not '@/lib/policy': its index also loads the zod schema, which this page loads lazily.
import { checkExportAccess, DEFAULT_EXPORT_PREFIX } from '@/lib/policy/check';
import type { CheckResult } from '@/lib/policy/check-types';
import { normalizePrefix } from '@/lib/policy/names';
import type { PolicyDocument } from '@/lib/policy/types';
import { findingMessage } from './describe';

export interface CheckTarget {
  region: string;
  bucket: string;
  prefix: string;
  accountId: string;
  /** The exporting identity's ARN, for a bucket of another account ('' for the exporting account's own bucket). */
  caller: string;
}

export type CheckSource = 'result' | 'existing';

/**
 * "May CloudWatch Logs in Region R export to bucket B under prefix P?" for the merged result or the
 * existing policy. The target follows the generator until the user changes it here (e.g. to the Region
 * the log groups really are in, which is how a policy made for the wrong Region shows up).
 */
export function CheckPanel({
  policies,
  source,
  onSource,
  target,
  linked,
  onTarget,
  onRelink,
  regions,
}: {
  policies: { result: PolicyDocument | null; existing: PolicyDocument | null; existingGiven: boolean };
  source: CheckSource;
  onSource: (s: CheckSource) => void;
  target: CheckTarget;
  linked: boolean;
  onTarget: (t: CheckTarget) => void;
  onRelink: () => void;
  regions: string[];
}) {
  const t = useTranslations('policy');
  const uid = useId();
  const policy = source === 'result' ? policies.result : policies.existing;
  const usable = /^\d{12}$/.test(target.accountId) && target.bucket !== '' && target.region !== '';
  const result = useMemo<CheckResult | null>(() => {
    if (!usable) return null;
    if (source === 'result' && policy === null) return null;
    if (source === 'existing' && policies.existingGiven && policy === null) return null;
    const { caller, ...rest } = target;
    return checkExportAccess(policy, { ...rest, ...(caller ? { caller } : {}) });
  }, [usable, source, policy, policies.existingGiven, target]);

  const prefix = normalizePrefix(target.prefix);
  const where = {
    region: target.region,
    bucket: target.bucket,
    prefix: prefix === '' ? DEFAULT_EXPORT_PREFIX : prefix,
  };
  const field = (name: keyof CheckTarget, label: string, list?: string) => (
    <div className="space-y-1">
      <label htmlFor={`${uid}-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={`${uid}-${name}`}
        className={inputClass}
        value={target[name]}
        list={list}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onTarget({ ...target, [name]: e.target.value.trim() })}
      />
    </div>
  );

  return (
    <section aria-labelledby={`${uid}-title`} className="space-y-3">
      <h2 id={`${uid}-title`} className="text-lg font-semibold">
        {t('check.title')}
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('check.intro')}</p>
      <fieldset className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <legend className="mb-1 text-sm font-medium">{t('check.source')}</legend>
        {(['result', 'existing'] as const).map((s) => (
          <label key={s} className="flex items-center gap-2">
            <input type="radio" name={`${uid}-source`} checked={source === s} onChange={() => onSource(s)} />
            {t(`check.source-${s}`)}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        {field('region', t('check.region'), `${uid}-regions`)}
        {field('bucket', t('check.bucket'))}
        {field('prefix', t('check.prefix'))}
        {field('accountId', t('check.accountId'))}
        <div className="sm:col-span-2">
          {field('caller', t('check.caller'))}
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t('check.callerHint')}</p>
        </div>
      </div>
      <datalist id={`${uid}-regions`}>
        {regions.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      {!linked ? (
        <Button variant="ghost" size="sm" onClick={onRelink}>
          {t('check.relink')}
        </Button>
      ) : null}
      <div aria-live="polite" data-testid="check-result" className="space-y-2">
        {result === null ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {t(usable && source === 'result' && policy === null ? 'check.noResult' : 'check.nothing')}
          </p>
        ) : (
          <Verdict result={result} where={where} />
        )}
      </div>
    </section>
  );
}

function Verdict({ result, where }: { result: CheckResult; where: Record<string, string> }) {
  const t = useTranslations('policy');
  const verdict = !result.allowed ? 'denied' : result.uncertain ? 'uncertain' : 'allowed';
  const tone = {
    allowed:
      'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100',
    uncertain:
      'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100',
    denied: 'border-red-300 bg-red-50 text-red-950 dark:border-red-700 dark:bg-red-950 dark:text-red-100',
  }[verdict];
  return (
    <div data-verdict={verdict} className={`rounded-md border px-4 py-3 text-sm ${tone}`}>
      <p className="font-semibold">
        <span aria-hidden="true">{verdict === 'allowed' ? '✓ ' : verdict === 'denied' ? '✗ ' : '? '}</span>
        {t(`check.verdict-${verdict}`, where)}
      </p>
      {result.findings.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {result.findings.map((f, i) => {
            const m = findingMessage(f);
            return (
              // Findings are derived from the policy on each render; their order is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              <li key={i} data-code={f.code} data-severity={f.severity}>
                <span className="sr-only">
                  {t(f.severity === 'error' ? 'check.error' : 'check.warning')}{' '}
                </span>
                {t(m.key, m.values)}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
