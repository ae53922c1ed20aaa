import { getTranslations } from 'next-intl/server';

// Placeholder until the feature lands; keeps navigation and sign-in testable.
export default async function Page() {
  const t = await getTranslations('shell');
  return <h1 className="text-2xl font-semibold">{t('navQueue')}</h1>;
}
