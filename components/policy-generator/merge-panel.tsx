'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, inputClass } from '@/components/ui/field';
import { problemMessage, problemOffset } from './describe';
import type { MergeView } from './merge-state';

export type LoadState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; bucket: string; hadPolicy: boolean }
  | { status: 'error'; message: string };

/** The existing policy to merge into: pasted, or loaded from the bucket by an admin. */
export function MergePanel({
  text,
  onText,
  view,
  canLoad,
  onLoad,
  load,
  loadDisabled,
}: {
  text: string;
  onText: (text: string) => void;
  view: MergeView | null;
  canLoad: boolean;
  onLoad: () => void;
  load: LoadState;
  loadDisabled: boolean;
}) {
  const t = useTranslations('policy');
  const uid = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const invalid = view?.kind === 'invalid' ? view : null;
  const problem = invalid ? problemMessage(invalid.problem) : null;
  const offset = invalid ? problemOffset(invalid.problem) : null;

  function showProblem() {
    const el = area.current;
    if (!el || offset === null) return;
    el.focus();
    el.setSelectionRange(offset, Math.min(offset + 1, el.value.length));
  }

  return (
    <section aria-labelledby={`${uid}-title`} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${uid}-title`} className="text-lg font-semibold">
          {t('merge.title')}
        </h2>
        {canLoad ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={onLoad}
            disabled={loadDisabled || load.status === 'loading'}
          >
            {load.status === 'loading' ? t('merge.loading') : t('merge.load')}
          </Button>
        ) : null}
      </div>
      <p id={`${uid}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
        {t(canLoad ? 'merge.hintAdmin' : 'merge.hint')}
      </p>
      <label htmlFor={`${uid}-text`} className="block text-sm font-medium">
        {t('merge.existingLabel')}
      </label>
      <textarea
        ref={area}
        id={`${uid}-text`}
        name="existingPolicy"
        rows={8}
        spellCheck={false}
        className={`${inputClass} font-mono text-xs`}
        value={text}
        placeholder={t('merge.placeholder')}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy(`${uid}-text`, { error: Boolean(invalid) }) ?? `${uid}-hint`}
        onChange={(e) => onText(e.target.value)}
      />
      <div aria-live="polite" className="space-y-2">
        {problem ? (
          <div id={`${uid}-text-error`} className="space-y-1 text-sm text-red-700 dark:text-red-300">
            <p>{t(problem.key, problem.values)}</p>
            {invalid && invalid.problems.length > 1 ? (
              <p>{t('merge.moreProblems', { count: invalid.problems.length - 1 })}</p>
            ) : null}
            {offset !== null ? (
              <Button variant="ghost" size="sm" onClick={showProblem}>
                {t('merge.showProblem')}
              </Button>
            ) : null}
          </div>
        ) : null}
        {load.status === 'loaded' ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {t(load.hadPolicy ? 'merge.loaded' : 'merge.loadedNone', { bucket: load.bucket })}
          </p>
        ) : null}
        {load.status === 'error' ? <Alert tone="danger">{load.message}</Alert> : null}
        {view?.kind === 'merged' ? <MergeSummary view={view} /> : null}
      </div>
    </section>
  );
}

function MergeSummary({ view }: { view: Extract<MergeView, { kind: 'merged' }> }) {
  const t = useTranslations('policy');
  const { merge } = view;
  return (
    <div className="space-y-2 text-sm">
      <p data-testid="merge-summary">
        {view.changed
          ? t('merge.summary', {
              kept: merge.kept,
              added: merge.added.length,
              replaced: merge.replaced.length,
            })
          : t('merge.unchanged', { kept: merge.kept })}
      </p>
      {merge.stale.length > 0 ? (
        <Alert tone="warning">{t('merge.stale', { sids: merge.stale.join(', ') })}</Alert>
      ) : null}
    </div>
  );
}
