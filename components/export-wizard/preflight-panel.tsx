'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Badge, type Tone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { PreflightCheck, PreflightResult, Verdict } from '@/lib/preflight/types';
import { KmsStatements } from './kms-statements';
import { type PolicyAccess, PolicyFix } from './policy-request';

const TONE: Record<Verdict, Tone> = { pass: 'success', fail: 'danger', warn: 'warning', skip: 'neutral' };
const ICON: Record<Verdict, string> = { pass: '✓', fail: '✕', warn: '!', skip: '–' };

/** The generator link's query (bucket, region, account, prefix) says which policy the check looked for. */
function fixTarget(href: string): URLSearchParams {
  return new URLSearchParams(href.split('?')[1] ?? '');
}

function CheckRow({ check, access }: { check: PreflightCheck; access: PolicyAccess }) {
  const t = useTranslations('wizard.preflight');
  const te = useTranslations('errors');
  const ts = useTranslations('exports');
  const params = { ...check.params };
  if (typeof params.reason === 'string') params.reason = te(params.reason as 'awsUnknown');
  if (typeof params.status === 'string' && ts.has(`status.${params.status}`)) {
    params.status = ts(`status.${params.status}` as 'status.PENDING');
  }
  const message = t(`codes.${check.code}` as 'codes.bucketFound', params);
  const findings =
    check.verdict === 'pass'
      ? []
      : (check.findings ?? []).map((f) => ({
          key: `${f.code}-${JSON.stringify(f.params)}`,
          text: t.has(`findings.${f.code}`)
            ? t(`findings.${f.code}` as 'findings.no-policy', f.params)
            : t('findings.other', { code: f.code }),
        }));
  return (
    <li className="flex gap-3 py-3" data-testid={`preflight-${check.id}`} data-verdict={check.verdict}>
      <span
        aria-hidden="true"
        className={`mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-sm font-bold ${
          check.verdict === 'pass'
            ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200'
            : check.verdict === 'fail'
              ? 'bg-red-100 text-red-800 dark:bg-red-900 dark:text-red-200'
              : check.verdict === 'warn'
                ? 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100'
                : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300'
        }`}
      >
        {ICON[check.verdict]}
      </span>
      <div className="min-w-0 flex-1 text-sm">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          {t(`titles.${check.id}`)}
          <Badge tone={TONE[check.verdict]}>{t(`verdicts.${check.verdict}`)}</Badge>
        </p>
        <p className="mt-0.5 break-words text-slate-700 dark:text-slate-300">{message}</p>
        {findings.length > 0 ? (
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-700 dark:text-slate-300">
            {findings.map((f) => (
              <li key={f.key} className="break-words">
                {f.text}
              </li>
            ))}
          </ul>
        ) : null}
        {check.code === 'kmsKeyPolicy' ? (
          <KmsStatements
            bucket={String(check.params.bucket ?? '')}
            region={String(check.params.region ?? '')}
            keyId={String(check.params.keyId ?? '')}
            account={access.account}
          />
        ) : null}
        {check.fix?.kind === 'policy' && check.verdict !== 'pass' ? (
          <PolicyFix
            access={access}
            problem={{
              bucket: fixTarget(check.fix.href).get('bucket') ?? '',
              region: fixTarget(check.fix.href).get('region') ?? '',
              prefix: fixTarget(check.fix.href).get('prefix') ?? 'exportedlogs',
              // `accountId` is the exporting account's id (`account` names the Logport account of the link).
              account: fixTarget(check.fix.href).get('accountId') ?? access.account,
              why: [message, ...findings.map((f) => f.text)],
              href: check.fix.href,
              centralArchive: fixTarget(check.fix.href).get('scenario') === 'central-archive',
            }}
          />
        ) : check.fix && check.verdict !== 'pass' ? (
          <p className="mt-1">
            <Link href={check.fix.href} className="font-medium text-brand-700 underline dark:text-brand-100">
              {t(`fix.${check.fix.kind}`)}
            </Link>
          </p>
        ) : null}
      </div>
    </li>
  );
}

/** The checks with plain verdicts; the summary line is announced when it changes. */
export function PreflightPanel({
  query,
  ready,
  access,
}: {
  query: UseQueryResult<PreflightResult, Error>;
  ready: boolean;
  access: PolicyAccess;
}) {
  const t = useTranslations('wizard.preflight');
  const te = useTranslations('errors');
  const result = query.data;
  const fails = result?.checks.filter((c) => c.verdict === 'fail').length ?? 0;
  const warns = result?.checks.filter((c) => c.verdict === 'warn').length ?? 0;
  const summary = !ready
    ? t('waiting')
    : query.isFetching
      ? t('running')
      : result
        ? fails > 0
          ? t('summaryFail', { count: fails })
          : warns > 0
            ? t('summaryWarn', { count: warns })
            : t('summaryPass')
        : '';
  return (
    <section
      aria-labelledby="preflight-heading"
      className="rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="preflight-heading" className="font-semibold">
          {t('heading')}
        </h3>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => query.refetch()}
          disabled={!ready || query.isFetching}
        >
          {t('again')}
        </Button>
      </div>
      <p
        aria-live="polite"
        data-testid="preflight-summary"
        className={`mt-1 text-sm ${fails > 0 && !query.isFetching ? 'font-medium text-red-700 dark:text-red-300' : 'text-slate-600 dark:text-slate-400'}`}
      >
        {summary}
      </p>
      {query.isError ? <Alert tone="danger">{te(query.error.message as 'awsUnknown')}</Alert> : null}
      {ready && result ? (
        <ul
          className={`divide-y divide-slate-200 dark:divide-slate-700 ${query.isFetching ? 'opacity-60' : ''}`}
        >
          {result.checks.map((c) => (
            <CheckRow key={c.id} check={c} access={access} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
