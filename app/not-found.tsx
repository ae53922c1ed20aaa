import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('common');
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t('notFoundBody')}</p>
      <Link
        href="/exports"
        className="mt-4 inline-block font-medium text-brand-700 underline dark:text-brand-100"
      >
        {t('goToExports')}
      </Link>
    </main>
  );
}
