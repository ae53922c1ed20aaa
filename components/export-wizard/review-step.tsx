'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { createExportTaskCommand } from '@/lib/export-tasks/cli';
import { useFormat } from '@/lib/format/use-format';
import type { LogGroupSummary } from '@/lib/log-groups/search';
import type { Wizard } from './use-wizard';

const PLAN_ROWS = 100;
/** Presets counted back from now: the review says from when, and can count again. */
const RELATIVE = new Set(['last-hour', 'last-24-hours']);

/** The summary in words, the equivalent CLI command (one export) or the plan (several). */
export function ReviewStep({ wizard, info }: { wizard: Wizard; info: Record<string, LogGroupSummary> }) {
  const t = useTranslations('wizard.review');
  const f = useFormat();
  const { state, plan, resolved } = wizard;
  const range = resolved.range;
  const first = plan[0];
  if (!range || !first) return <p className="text-sm">{t('incomplete')}</p>;
  const sizes = state.groups
    .map((g) => info[g]?.storedBytes)
    .filter((b): b is number => typeof b === 'number');
  const total = sizes.reduce((a, b) => a + b, 0);
  const fmt = (ms: number) => f.dateTime(ms, 'auto', state.tz);
  const command = createExportTaskCommand(first);

  return (
    <div className="space-y-5">
      <dl
        className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]"
        data-testid="review-summary"
      >
        <dt className="font-medium text-slate-600 dark:text-slate-400">{t('groups')}</dt>
        <dd className="break-all font-mono text-xs">{state.groups.join(', ')}</dd>
        {state.stream ? (
          <>
            <dt className="font-medium text-slate-600 dark:text-slate-400">{t('stream')}</dt>
            <dd className="break-all font-mono text-xs">{state.stream}</dd>
          </>
        ) : null}
        <dt className="font-medium text-slate-600 dark:text-slate-400">{t('range')}</dt>
        <dd>
          {t('rangeWords', { start: fmt(range.start), end: fmt(range.end), zone: state.tz })}
          <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">
            --from {range.start} --to {range.end - 1}
          </span>
          {RELATIVE.has(state.preset) ? (
            <span className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
              <span data-testid="range-fixed-at">{t('fixedAt', { time: fmt(wizard.now) })}</span>
              <Button variant="ghost" size="sm" onClick={wizard.recount}>
                {t('recount')}
              </Button>
            </span>
          ) : null}
        </dd>
        <dt className="font-medium text-slate-600 dark:text-slate-400">{t('destination')}</dt>
        <dd className="break-all font-mono text-xs">
          s3://{state.bucket}/{first.destinationPrefix}/
        </dd>
        <dt className="font-medium text-slate-600 dark:text-slate-400">{t('exports')}</dt>
        <dd>
          {t('exportCount', { count: plan.length })}
          {sizes.length > 0 ? (
            <span className="block text-xs text-slate-600 dark:text-slate-400">
              {t('sizeHint', { size: f.bytes(total) })}
            </span>
          ) : null}
        </dd>
      </dl>
      <p className="text-sm">
        {t(plan.length > 1 ? 'sentenceMany' : 'sentenceOne', {
          count: plan.length,
          bucket: state.bucket,
          name: first.taskName,
        })}
      </p>

      {plan.length === 1 ? (
        <div>
          <div className="flex items-center justify-between gap-2">
            <h3 className="text-sm font-medium">{t('command')}</h3>
            <CopyButton text={command} label={t('copyCommand')} />
          </div>
          <pre
            data-testid="cli-command"
            className="mt-2 overflow-x-auto whitespace-pre-wrap break-all rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100"
          >
            {command}
          </pre>
        </div>
      ) : (
        <div className="overflow-x-auto">
          {/* A phone gets the plan as a list: four columns do not fit 390 px. */}
          <div className="sm:hidden">
            <h3 className="mb-2 text-sm font-medium">{t('planCaption', { count: plan.length })}</h3>
            <ol className="divide-y divide-slate-100 text-xs dark:divide-slate-800" data-testid="plan-list">
              {plan.slice(0, PLAN_ROWS).map((p, i) => (
                <li key={p.taskName} className="space-y-0.5 py-2">
                  <p className="break-all font-mono">
                    <span className="tabular-nums">{i + 1}.</span> {p.taskName}
                  </p>
                  <p className="break-all font-mono text-slate-600 dark:text-slate-400">{p.logGroupName}</p>
                  <p>{t('rangeShort', { start: fmt(p.from), end: fmt(p.to + 1) })}</p>
                </li>
              ))}
            </ol>
          </div>
          <table className="hidden min-w-full text-left text-sm sm:table" data-testid="plan-table">
            <caption className="mb-2 text-left text-sm font-medium">
              {t('planCaption', { count: plan.length })}
            </caption>
            <thead className="border-b border-slate-200 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  #
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t('planName')}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t('planGroup')}
                </th>
                <th scope="col" className="py-1">
                  {t('planRange')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {plan.slice(0, PLAN_ROWS).map((p, i) => (
                <tr key={p.taskName}>
                  <td className="py-1 pr-3 tabular-nums">{i + 1}</td>
                  <td className="py-1 pr-3 font-mono text-xs">{p.taskName}</td>
                  <td className="break-all py-1 pr-3 font-mono text-xs">{p.logGroupName}</td>
                  <td className="whitespace-nowrap py-1 text-xs">
                    {t('rangeShort', { start: fmt(p.from), end: fmt(p.to + 1) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.length > PLAN_ROWS ? (
            <p className="mt-1 text-xs text-slate-600">{t('planMore', { count: plan.length - PLAN_ROWS })}</p>
          ) : null}
        </div>
      )}
    </div>
  );
}
