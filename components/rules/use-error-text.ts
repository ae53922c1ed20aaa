'use client';

import { useTranslations } from 'next-intl';
import { MAX_EXPORTS } from '@/lib/export-tasks/limits';

/**
 * Field errors arrive as whole message keys (`rules.errors.nameTaken`, `wizard.errors.bucketInvalid`): the one
 * schema is shared with the wizard. This turns them into sentences; a key with no words says "invalid value".
 */
export function useErrorText() {
  const t = useTranslations();
  return (keys: string[] | undefined): string[] | undefined =>
    keys?.map((k) =>
      t.has(k as 'common.appName')
        ? t(k as 'common.appName', { max: MAX_EXPORTS })
        : t('wizard.errors.invalidValue'),
    );
}
