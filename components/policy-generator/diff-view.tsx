'use client';

import { useTranslations } from 'next-intl';
import type { DiffLine } from '@/lib/policy';
import { diffCounts } from './merge-state';

const STYLE: Record<DiffLine['kind'], string> = {
  same: 'text-slate-700 dark:text-slate-300',
  add: 'bg-emerald-100 text-emerald-950 no-underline dark:bg-emerald-950 dark:text-emerald-100',
  remove: 'bg-red-100 text-red-950 no-underline dark:bg-red-950 dark:text-red-100',
};
// A sign as well as a colour: the change must not depend on seeing colour.
const SIGN: Record<DiffLine['kind'], string> = { same: ' ', add: '+', remove: '−' };

/** Line diff of the bucket policy before and after; added and removed lines are <ins>/<del> for assistive tech. */
export function DiffView({ diff, id }: { diff: DiffLine[]; id: string }) {
  const t = useTranslations('policy');
  const { added, removed } = diffCounts(diff);
  return (
    <figure className="space-y-1" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="text-sm text-slate-700 dark:text-slate-300">
        {t('diff.summary', { added, removed })}
      </figcaption>
      <div
        data-testid={id}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: long diffs must be scrollable with the keyboard.
        tabIndex={0}
        className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 bg-white py-2 font-mono text-xs leading-5 dark:border-slate-700 dark:bg-slate-950"
      >
        {diff.map((line, i) => {
          const body = (
            <>
              <span aria-hidden="true" className="inline-block w-5 select-none pl-1 text-center">
                {SIGN[line.kind]}
              </span>
              {line.kind !== 'same' ? (
                <span className="sr-only">{t(line.kind === 'add' ? 'diff.added' : 'diff.removed')} </span>
              ) : null}
              <span className="whitespace-pre">{line.text}</span>
            </>
          );
          const cls = `block min-w-max pr-3 ${STYLE[line.kind]}`;
          // Lines have no identity of their own; position is what they are.
          const key = `${i}-${line.kind}`;
          if (line.kind === 'add')
            return (
              <ins key={key} data-diff="add" className={cls}>
                {body}
              </ins>
            );
          if (line.kind === 'remove')
            return (
              <del key={key} data-diff="remove" className={cls}>
                {body}
              </del>
            );
          return (
            <span key={key} data-diff="same" className={cls}>
              {body}
            </span>
          );
        })}
      </div>
    </figure>
  );
}
