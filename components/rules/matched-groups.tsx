'use client';

import { useTranslations } from 'next-intl';
import type { SelectionMode } from './form-state';
import type { usePreviewGroups } from './use-preview-groups';

const SHOWN = 8;

/** "Matches 3 log groups: …", announced as the selection changes. */
export function MatchedGroups({
  preview,
  mode,
}: {
  preview: ReturnType<typeof usePreviewGroups>;
  mode: SelectionMode;
}) {
  const t = useTranslations('rules.form');
  const te = useTranslations('errors');
  const shown = preview.names.slice(0, SHOWN);
  return (
    <div
      className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
      data-testid="rule-matches"
    >
      <p aria-live="polite" className="font-medium">
        {!preview.valid
          ? t('matchesWaiting')
          : preview.pending
            ? t('matchesLoading')
            : preview.error
              ? t('matchesFailed', { reason: te.has(preview.error) ? te(preview.error) : te('internal') })
              : t('matches', { count: preview.total })}
      </p>
      {preview.valid && !preview.pending && shown.length > 0 ? (
        <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 font-mono text-xs text-slate-700 dark:text-slate-300">
          {shown.map((n) => (
            <li key={n} className="break-all">
              {n}
            </li>
          ))}
          {preview.total > shown.length ? (
            <li className="font-sans">{t('matchesMore', { count: preview.total - shown.length })}</li>
          ) : null}
        </ul>
      ) : null}
      {mode === 'tag' ? (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t('tagCacheNote')}</p>
      ) : mode === 'prefix' ? (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t('newGroupsNote')}</p>
      ) : null}
    </div>
  );
}
