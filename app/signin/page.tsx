import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { signInHint, userList } from '@/components/auth/sign-in-hint';
import { LanguageSwitcher } from '@/components/shell/language-switcher';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { oidcConfigFromEnv } from '@/lib/auth/oidc';
import { currentUser } from '@/lib/auth/require-role';
import { siteOrigin } from '@/lib/http/origin';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('signInTitle') };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl, siteOrigin(await headers()));
  if (await currentUser()) redirect(callbackUrl);
  const t = await getTranslations('auth');
  const tc = await getTranslations('common');
  const oidc = oidcConfigFromEnv();
  const error = typeof params.error === 'string' ? params.error : undefined;
  const retryAfter = Number(typeof params.retryAfter === 'string' ? params.retryAfter : NaN);
  const hint = signInHint(process.env);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-between">
          <p className="flex items-center gap-2 text-xl font-bold tracking-tight">
            <span
              aria-hidden="true"
              className="inline-block h-7 w-7 rounded bg-brand-600 text-center leading-7 text-white"
            >
              L
            </span>
            {tc('appName')}
          </p>
          <LanguageSwitcher />
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <h1 className="text-lg font-semibold">{t('signInTitle')}</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t('signInIntro')}</p>
          <SignInForm
            callbackUrl={callbackUrl}
            initialError={error}
            initialRetryAfter={
              Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 86_400) : undefined
            }
            signedOut={params.signedOut === '1'}
            oidc={oidc ? { name: oidc.name } : null}
          />
        </div>
        <p className="mt-4 text-center text-xs text-slate-500" data-testid="sign-in-hint">
          {hint.kind === 'sandbox'
            ? t('sandboxHint', { users: userList(hint.users, await getLocale()) })
            : t('noUsersHint')}
        </p>
      </div>
    </main>
  );
}
