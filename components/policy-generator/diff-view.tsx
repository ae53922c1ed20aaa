'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { DiffLine } from '@/lib/policy';
import { diffCounts, foldDiff } from './merge-state';

const STYLE: Record<DiffLine['kind'], string> = {
  same: 'text-slate-700 dark:text-slate-300',
  add: 'bg-emerald-100 text-emerald-950 no-underline dark:bg-emerald-950 dark:text-emerald-100',
  remove: 'bg-red-100 text-red-950 no-underline dark:bg-red-950 dark:text-red-100',
};
// A sign as well as a colour: the change must not depend on seeing colour.
const SIGN: Record<DiffLine['kind'], string> = { same: ' ', add: '+', remove: '−' };

function Line({ line }: { line: DiffLine }) {
  const t = useTranslations('policy');
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
  if (line.kind === 'add')
    return (
      <ins data-diff="add" className={cls}>
        {body}
      </ins>
    );
  if (line.kind === 'remove')
    return (
      <del data-diff="remove" className={cls}>
        {body}
      </del>
    );
  return (
    <span data-diff="same" className={cls}>
      {body}
    </span>
  );
}

/**
 * Line diff of the bucket policy before and after. Added and removed lines are <ins>/<del> with a +/− sign;
 * long unchanged stretches are folded behind a button so the changes come first.
 */
export function DiffView({ diff, id }: { diff: DiffLine[]; id: string }) {
  const t = useTranslations('policy');
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const { added, removed } = diffCounts(diff);
  const chunks = foldDiff(diff);
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
        {chunks.map((chunk, c) =>
          chunk.kind === 'fold' && !open.has(c) ? (
            <button
              // Chunks are positions in one diff; the diff is recomputed as a whole.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              key={c}
              type="button"
              onClick={() => setOpen((s) => new Set(s).add(c))}
              className="block w-full bg-slate-100 px-6 py-0.5 text-left font-sans text-slate-600 hover:bg-slate-200 dark:bg-slate-800 dark:text-slate-300 dark:hover:bg-slate-700"
            >
              {t('diff.unchanged', { count: chunk.lines.length })}
            </button>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <div key={c}>
              {chunk.lines.map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place.
                <Line key={i} line={line} />
              ))}
            </div>
          ),
        )}
      </div>
    </figure>
  );
}
