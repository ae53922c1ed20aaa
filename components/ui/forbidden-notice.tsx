import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Role } from '@/lib/auth/roles';
import { Alert } from './alert';

/** What a signed-in user sees on a page their role cannot use: why, and a way back. */
export async function ForbiddenNotice({ role, needed }: { role: Role; needed: Role }) {
  const t = await getTranslations('common');
  return (
    <Alert tone="warning" title={t('forbiddenTitle')}>
      <p>{t('forbiddenBody', { role: t('role', { role }), needed: t('role', { role: needed }) })}</p>
      <p className="mt-2">
        <Link href="/exports" className="font-medium underline">
          {t('goToExports')}
        </Link>
      </p>
    </Alert>
  );
}
