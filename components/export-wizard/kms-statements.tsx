'use client';

import { useTranslations } from 'next-intl';
import { CopyButton } from '@/components/ui/copy-button';
import { arnAccount, usePolicyTexts } from './use-policy-texts';

/**
 * The key-policy statements an SSE-KMS bucket's key needs so CloudWatch Logs can encrypt the export's files,
 * from the same generator as the bucket-policy page, ready to copy: a sentence alone leaves the user to
 * write IAM JSON by hand.
 */
export function KmsStatements({
  bucket,
  region,
  keyId,
  account,
}: {
  bucket: string;
  region: string;
  keyId: string;
  account: string | null;
}) {
  const t = useTranslations('wizard.kms');
  // The exporting account; a key in the same account names it too.
  const owner = account ?? arnAccount(keyId);
  const texts = usePolicyTexts(owner !== null);
  if (!owner || !texts) return null;
  const text = texts.kmsStatements({ bucket, region, account: owner, prefix: '' });
  return (
    <div className="mt-2 space-y-2" data-testid="kms-statements">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium">{t('title')}</p>
        <CopyButton text={text} label={t('copy')} />
      </div>
      <p className="text-slate-700 dark:text-slate-300">{t('hint')}</p>
      <pre
        data-testid="kms-statements-text"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: long code must be scrollable with the keyboard.
        tabIndex={0}
        className="max-h-72 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100"
      >
        {text}
      </pre>
    </div>
  );
}
