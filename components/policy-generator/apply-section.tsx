'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { applyBucketPolicy } from '@/app/(console)/bucket-policy/actions';
import { useScope } from '@/components/shell/scope-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { DiffLine } from '@/lib/policy';
import { DiffView } from './diff-view';

type Outcome =
  | { kind: 'ok'; bucket: string; statements: number }
  | { kind: 'error'; message: string; reload?: boolean }
  | null;

/** Admin only: review the diff in a dialog, then PutBucketPolicy with the merged policy. */
export function ApplySection({
  showAccount,
  bucket,
  region,
  policyText,
  basedOn,
  diff,
  changed,
  disabledReason,
  onApplied,
  onLoad,
}: {
  /** Say which of Logport's accounts reads and applies (when it has several). */
  showAccount: boolean;
  bucket: string;
  region: string;
  policyText: string;
  basedOn: string | null;
  diff: DiffLine[];
  changed: boolean;
  /** Why Apply cannot be used right now (message), or null. */
  disabledReason: string | null;
  onApplied: (policy: string) => void;
  /** Loads the bucket's current policy into the merge (offered when Apply was refused for not having it). */
  onLoad: () => void;
}) {
  const t = useTranslations('policy');
  const tErr = useTranslations('errors');
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const { account } = useScope();

  function apply() {
    start(async () => {
      let message: string;
      let reload = false;
      try {
        const res = await applyBucketPolicy({ account, bucket, region, policy: policyText, basedOn });
        if (res.ok) {
          setOutcome({ kind: 'ok', bucket, statements: res.data.statements });
          setOpen(false);
          onApplied(res.data.policy);
          return;
        }
        message = tErr(res.error, res.params);
        reload = res.error === 'bucketPolicyChanged';
      } catch {
        // Network failure or a server crash: the action itself never throws.
        message = tErr('internal');
      }
      setOutcome({ kind: 'error', message, reload });
      setOpen(false);
    });
  }

  const reason = disabledReason ?? (changed ? null : t('apply.nothingToApply'));
  return (
    <section aria-labelledby="apply-title" className="space-y-3">
      <h2 id="apply-title" className="text-lg font-semibold">
        {t('apply.title')}
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t('apply.intro', { bucket: bucket || '…' })}
      </p>
      {showAccount ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('apply.account', { account })}</p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          onClick={() => {
            setOutcome(null);
            setOpen(true);
          }}
          disabled={reason !== null || pending}
          aria-describedby={reason ? 'apply-disabled-reason' : undefined}
        >
          {t('apply.open')}
        </Button>
        {reason ? (
          <span id="apply-disabled-reason" className="text-sm text-slate-600 dark:text-slate-400">
            {reason}
          </span>
        ) : null}
      </div>
      <div aria-live="polite">
        {outcome?.kind === 'ok' ? (
          <Alert tone="success">
            {t('apply.done', { bucket: outcome.bucket, statements: outcome.statements })}
          </Alert>
        ) : null}
        {outcome?.kind === 'error' ? (
          <Alert tone="danger" title={t('apply.failed')}>
            <p>{outcome.message}</p>
            {outcome.reload ? (
              <Button
                variant="secondary"
                size="sm"
                className="mt-2"
                onClick={() => {
                  setOutcome(null);
                  onLoad();
                }}
              >
                {t('merge.load')}
              </Button>
            ) : null}
          </Alert>
        ) : null}
      </div>
      <Dialog
        open={open}
        onClose={() => (pending ? undefined : setOpen(false))}
        title={t('apply.confirmTitle', { bucket })}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              {t('apply.cancel')}
            </Button>
            <Button onClick={apply} disabled={pending}>
              {pending ? t('apply.applying') : t('apply.confirm')}
            </Button>
          </>
        }
      >
        <p className="mb-3">
          {t(basedOn === null ? 'apply.confirmBodyNew' : 'apply.confirmBody', { bucket, region })}
        </p>
        <DiffView diff={diff} id="apply-diff" />
      </Dialog>
    </section>
  );
}
