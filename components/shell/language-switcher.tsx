'use client';

import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { setPreferenceCookie } from '@/lib/client-cookie';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/config';

export function LanguageSwitcher() {
  const t = useTranslations('shell');
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-1.5">
      <span className="sr-only">{t('language')}</span>
      <select
        value={locale}
        disabled={pending}
        data-testid="language-switcher"
        onChange={(e) => {
          setPreferenceCookie(LOCALE_COOKIE, e.target.value);
          startTransition(() => router.refresh());
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t('languageName', { locale: l })}
          </option>
        ))}
      </select>
    </label>
  );
}
