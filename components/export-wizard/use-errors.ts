'use client';

import { useTranslations } from 'next-intl';
import { MAX_EXPORTS } from '@/lib/export-tasks/limits';

/** Turns field error keys (`wizard.errors.*`) into sentences in the user's language. */
export function useFieldErrors(errors: Record<string, string[]>) {
  const t = useTranslations('wizard');
  return (field: string): string[] | undefined => {
    const keys = errors[field];
    if (!keys || keys.length === 0) return undefined;
    return keys.map((k) =>
      k.startsWith('wizard.')
        ? t(k.slice('wizard.'.length) as 'errors.startAfterEnd', { max: MAX_EXPORTS })
        : k,
    );
  };
}
