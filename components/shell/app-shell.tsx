import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import type { Scope } from '@/lib/accounts/types';
import type { Caller } from '@/lib/auth/require-role';
import type { AwsIdentity } from '@/lib/aws/identity';
import { AwsStatusBanner } from './aws-status-banner';
import { LanguageSwitcher } from './language-switcher';
import { NavLinks } from './nav-links';
import { ScopeProvider } from './scope-context';
import { ScopeSwitcher } from './scope-switcher';
import { ShellMenu } from './shell-menu';
import { SignOutButton } from './sign-out-button';

function endpointHost(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

export async function AppShell({
  user,
  accounts,
  scope,
  identity,
  refusedAccount = null,
  children,
}: {
  user: Caller;
  /** The accounts this user may see, with their Regions. */
  accounts: ReadonlyArray<{ name: string; regions: readonly string[] }>;
  scope: Scope;
  identity: AwsIdentity;
  /** An account the page's URL named that this user may not reach (the page shows `scope` instead). */
  refusedAccount?: string | null;
  children: ReactNode;
}) {
  const t = await getTranslations('shell');
  const tc = await getTranslations('common');
  return (
    <ScopeProvider scope={scope} accounts={accounts}>
      <div className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm dark:focus:bg-slate-900"
        >
          {t('skipToContent')}
        </a>
        <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
            <Link href="/exports" className="flex items-center gap-2 text-lg font-bold tracking-tight">
              <span
                aria-hidden="true"
                className="inline-block h-6 w-6 rounded bg-brand-600 text-center text-sm leading-6 text-white"
              >
                L
              </span>
              {tc('appName')}
            </Link>
            <ShellMenu>
              <div className="lg:order-last lg:-mx-3 lg:basis-full">
                <NavLinks role={user.role} />
              </div>
              <div className="flex flex-wrap items-center gap-3 text-sm lg:ml-auto lg:justify-end">
                <ScopeSwitcher accounts={accounts} />
                <span className="flex flex-wrap items-center gap-2" data-testid="aws-identity">
                  {identity.local ? <Badge tone="warning">{t('localSandbox')}</Badge> : null}
                  <span className="text-slate-600 dark:text-slate-300">
                    {identity.account ? t('account', { account: identity.account }) : t('accountUnknown')}
                  </span>
                  {/* A configured endpoint (sandbox, LocalStack) is named; the real AWS endpoint needs no mention. */}
                  {identity.endpoint ? (
                    <span
                      className="font-mono text-xs text-slate-500 dark:text-slate-400"
                      data-testid="aws-endpoint"
                    >
                      {t('endpoint', { endpoint: endpointHost(identity.endpoint) })}
                    </span>
                  ) : null}
                </span>
                <LanguageSwitcher />
                <span className="flex items-center gap-2" data-testid="current-user">
                  <span className="sr-only">{t('signedInAs', { name: user.name })}</span>
                  <span aria-hidden="true" className="font-medium">
                    {user.name}
                  </span>
                  <Badge tone="brand">{tc('role', { role: user.role })}</Badge>
                </span>
                <SignOutButton />
              </div>
            </ShellMenu>
          </div>
        </header>
        <AwsStatusBanner initial={identity} />
        {refusedAccount ? (
          <div
            role="alert"
            data-testid="account-refused"
            className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          >
            <p className="mx-auto max-w-7xl">
              {t('accountRefused', { account: refusedAccount, shown: scope.account })}
            </p>
          </div>
        ) : null}
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
          {children}
        </main>
      </div>
    </ScopeProvider>
  );
}
