import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** A rule id that does not exist (deleted, or a mistyped link): plain words and a way back. */
export default async function RuleNotFound() {
  const t = await getTranslations('rules');
  return (
    <div className="mx-auto max-w-xl py-10" data-testid="rule-not-found">
      <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t('notFoundBody')}</p>
      <Link href="/rules" className="mt-4 inline-block font-medium underline">
        {t('back')}
      </Link>
    </div>
  );
}
