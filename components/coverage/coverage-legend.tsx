import { useTranslations } from 'next-intl';
import { fillOf, MARKS, STATE_ORDER } from './state-style';

function Swatch({ state }: { state: (typeof STATE_ORDER)[number] }) {
  return (
    <svg
      aria-hidden="true"
      width="22"
      height="12"
      className="shrink-0 rounded-[2px] ring-1 ring-slate-300 dark:ring-slate-600"
    >
      <rect width="22" height="12" fill={fillOf(state)} />
    </svg>
  );
}

/** What each fill means, with its word (the fills are patterns too, never colour alone), and what it implies. */
export function CoverageLegend() {
  const t = useTranslations('coverage');
  return (
    <div className="space-y-1 text-sm">
      <h2 className="sr-only">{t('legendHeading')}</h2>
      <ul className="flex flex-wrap gap-x-4 gap-y-1" data-testid="coverage-legend">
        {STATE_ORDER.map((s) => (
          <li key={s} className="inline-flex items-center gap-1.5">
            <Swatch state={s} />
            <span aria-hidden="true" className="text-xs text-slate-500">
              {MARKS[s]}
            </span>
            <span>{t(`state.${s}`)}</span>
          </li>
        ))}
      </ul>
      <details className="text-slate-700 dark:text-slate-300">
        <summary className="cursor-pointer text-xs font-medium">{t('legendMore')}</summary>
        <dl className="mt-1 grid gap-x-3 gap-y-1 text-xs sm:grid-cols-[auto_1fr]">
          {STATE_ORDER.map((s) => (
            <div key={s} className="contents">
              <dt className="inline-flex items-center gap-1.5 font-medium">
                <Swatch state={s} />
                {t(`state.${s}`)}
              </dt>
              <dd>{t(`stateHelp.${s}`)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
