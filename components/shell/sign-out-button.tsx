'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { signOutAndGo } from '@/lib/auth/client';

export function SignOutButton() {
  const t = useTranslations('shell');
  return (
    <Button variant="ghost" size="sm" onClick={() => signOutAndGo('/signin?signedOut=1')}>
      {t('signOut')}
    </Button>
  );
}
