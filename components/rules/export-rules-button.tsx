'use client';

import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';

/**
 * "Download rules (JSON)": every rule the user may see, as the file POST /api/rules/import applies (any role).
 * A plain link: the route answers with Content-Disposition: attachment, so the browser saves it.
 */
export function ExportRulesButton() {
  const t = useTranslations('rules.export');
  return (
    <a href="/api/rules/export" download className={buttonClass('secondary')} data-testid="export-rules">
      {t('download')}
    </a>
  );
}
