'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { generatorHref } from '@/lib/policy/generator-href';
import { usePolicyTexts } from './use-policy-texts';

/** Who may do what about a bucket policy that stops an export, and the account the statements are for. */
export type PolicyAccess = { canApplyPolicy: boolean; account: string | null };

export type PolicyProblem = {
  bucket: string;
  region: string;
  prefix: string;
  account: string | null;
  /** What the check or AWS said, in the user's words (one sentence each). */
  why: string[];
  /** The preflight's own link to the generator, when it gave one (it names the bucket owner's account). */
  href?: string;
  /** The bucket is another account's central archive: its statements serve every member, not this one alone. */
  centralArchive?: boolean;
};

/**
 * What to do about a bucket policy that stops an export. Admins apply policies: they get the generator,
 * prefilled. Anyone else cannot apply one, so telling them to would be a dead end: they get a request to
 * copy for an admin, holding what is wrong, what the change fixes, the statements and where to apply them.
 */
export function PolicyFix({ access, problem }: { access: PolicyAccess; problem: PolicyProblem }) {
  const t = useTranslations('wizard');
  const href = problem.href ?? generatorHref(problem.bucket, problem.region, problem.account, problem.prefix);
  if (access.canApplyPolicy) {
    return (
      <p className="mt-1">
        <Link href={href} className="font-medium text-brand-700 underline dark:text-brand-100">
          {t('preflight.fix.policy')}
        </Link>
      </p>
    );
  }
  return <AdminRequest problem={problem} href={href} />;
}

function AdminRequest({ problem, href }: { problem: PolicyProblem; href: string }) {
  const t = useTranslations('wizard.request');
  const texts = usePolicyTexts(problem.account !== null);
  // The link is absolute so it works when pasted into a chat or a ticket; the origin exists only in the browser.
  const [origin, setOrigin] = useState('');
  useEffect(() => setOrigin(window.location.origin), []);
  const { bucket, region, prefix, account } = problem;
  // An archive's statements list every member: ones for this account alone would cut the others off when merged.
  const statements =
    texts && account && !problem.centralArchive
      ? texts.bucketStatements({ bucket, region, account, prefix })
      : null;
  const text = [
    t('subject', { bucket, region }),
    '',
    t('why'),
    ...problem.why.map((w) => `- ${w}`),
    '',
    t('fixes', { bucket, region, prefix }),
    t('how', { bucket }),
    `${origin}${href}`,
    ...(problem.centralArchive
      ? ['', t('centralArchive', { account: account ?? '' })]
      : statements
        ? ['', statements]
        : account
          ? []
          : ['', t('noAccount')]),
  ].join('\n');
  return (
    <div
      className="mt-2 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-950"
      data-testid="policy-request"
    >
      <p>{t('intro')}</p>
      <CopyButton text={text} label={t('copy')} />
      <details>
        <summary className="cursor-pointer text-sm font-medium">{t('show')}</summary>
        <pre
          data-testid="policy-request-text"
          className="mt-2 max-h-80 overflow-auto whitespace-pre-wrap break-all rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100"
        >
          {text}
        </pre>
      </details>
    </div>
  );
}
