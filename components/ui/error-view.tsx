'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useTransition } from 'react';
import { Button } from './button';

/** The body of every error.tsx: plain words, a retry, a way out; never the error text or a stack. */
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('common');
  const router = useRouter();
  const [retrying, startRetry] = useTransition();
  useEffect(() => {
    console.error(error.digest ?? 'client error');
  }, [error]);
  return (
    <div role="alert" className="mx-auto max-w-xl py-10">
      <h1 className="text-2xl font-semibold">{t('errorTitle')}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        {t('errorBody', { digest: error.digest ?? '-' })}
      </p>
      <div className="mt-4 flex gap-3">
        {/* reset() alone re-renders the client tree; refresh() also re-runs the server component that failed. */}
        <Button
          disabled={retrying}
          onClick={() =>
            startRetry(() => {
              router.refresh();
              reset();
            })
          }
        >
          {t('retry')}
        </Button>
        <Link href="/exports" className="inline-flex items-center text-sm font-medium underline">
          {t('goToExports')}
        </Link>
      </div>
    </div>
  );
}
