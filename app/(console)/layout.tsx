import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { accountsFor, currentScope, refusedUrlAccount } from '@/lib/accounts/scope';
import { currentUser } from '@/lib/auth/require-role';
import { getIdentity } from '@/lib/aws/identity';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/signin');
  const [scope, accounts, refused] = await Promise.all([
    currentScope(user.accounts),
    accountsFor(user.accounts),
    refusedUrlAccount(user.accounts),
  ]);
  const identity = await getIdentity(scope);
  return (
    <AppShell
      user={user}
      accounts={accounts.map((a) => ({ name: a.name, regions: a.regions }))}
      scope={scope}
      identity={identity}
      refusedAccount={refused}
    >
      {children}
    </AppShell>
  );
}
