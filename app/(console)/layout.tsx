import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { currentUser } from '@/lib/auth/require-role';
import { getIdentity } from '@/lib/aws/identity';
import { configuredRegions, currentRegion } from '@/lib/aws/regions';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/signin');
  const [regions, region] = await Promise.all([configuredRegions(), currentRegion()]);
  const identity = await getIdentity(region);
  return (
    <AppShell user={user} regions={regions} region={region} identity={identity}>
      {children}
    </AppShell>
  );
}
