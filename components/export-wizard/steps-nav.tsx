'use client';

import { useTranslations } from 'next-intl';
import { STEPS, type Step } from './state';

/** Where the user is; earlier steps can be reopened, later ones are reached with Next (which validates). */
export function StepsNav({ current, onGo }: { current: Step; onGo: (step: Step) => void }) {
  const t = useTranslations('wizard');
  const index = STEPS.indexOf(current);
  return (
    <nav aria-label={t('stepsLabel')}>
      <ol className="flex flex-wrap gap-2 text-sm">
        {STEPS.map((step, i) => {
          const done = i < index;
          const here = i === index;
          const style = here
            ? 'bg-brand-600 text-white'
            : done
              ? 'bg-brand-50 text-brand-700 hover:bg-brand-100 dark:bg-brand-700/30 dark:text-brand-100'
              : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300';
          const label = (
            <>
              <span aria-hidden="true" className="font-semibold tabular-nums">
                {i + 1}
              </span>
              <span>{t(`steps.${step}`)}</span>
            </>
          );
          return (
            <li key={step}>
              {done ? (
                <button
                  type="button"
                  onClick={() => onGo(step)}
                  className={`inline-flex items-center gap-2 rounded-full px-3 py-1 ${style}`}
                >
                  {label}
                  <span className="sr-only">{t('stepDone')}</span>
                </button>
              ) : (
                <span
                  aria-current={here ? 'step' : undefined}
                  className={`inline-flex items-center gap-2 rounded-full px-3 py-1 ${style}`}
                >
                  {label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
