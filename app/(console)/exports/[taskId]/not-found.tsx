import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** An export id this Region does not know: plain words and a way back. */
export default async function TaskNotFound() {
  const t = await getTranslations('exports.detail');
  return (
    <div className="mx-auto max-w-xl py-10" data-testid="task-not-found">
      <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t('notFoundBody')}</p>
      <Link href="/exports" className="mt-4 inline-block font-medium underline">
        {t('back')}
      </Link>
    </div>
  );
}
