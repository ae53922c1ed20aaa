import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import { TimeZoneSync } from '@/components/shell/time-zone-sync';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return {
    title: { default: t('appName'), template: `%s · ${t('appName')}` },
    description: t('tagline'),
    icons: { icon: '/logo.svg' },
    // A self-hosted console: nothing here is for search engines (see also public/robots.txt).
    robots: { index: false, follow: false },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <NextIntlClientProvider>
          <Providers>
            <TimeZoneSync />
            {children}
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
