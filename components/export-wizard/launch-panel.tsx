'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { type ReactNode, useState, useTransition } from 'react';
import { type LaunchError, launchExport } from '@/app/(console)/exports/new/actions';
import { scopeParams, useScope } from '@/components/shell/scope-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { type PolicyAccess, PolicyFix } from './policy-request';
import { toValues } from './state';
import type { usePreflight } from './use-preflight';
import { preflightKey } from './use-preflight';
import type { Wizard } from './use-wizard';
import { WizardFooter } from './wizard-footer';

/** AWS refusals that only a bucket-policy change can fix. */
const POLICY_ERRORS = new Set(['bucketPolicyDenied', 'putObjectDenied']);

/**
 * Launch (one export) or queue (several), in the wizard's last row where Next sat on the other steps; the
 * result, if it is not a redirect, is announced above it. It launches exactly the reviewed values: the
 * range was fixed when the review opened (useWizard), and nothing recounts it here.
 */
export function LaunchPanel({
  wizard,
  region,
  preflight,
  access,
  back,
}: {
  wizard: Wizard;
  region: string;
  preflight: ReturnType<typeof usePreflight>;
  access: PolicyAccess;
  back: ReactNode;
}) {
  const t = useTranslations('wizard.launch');
  const te = useTranslations('errors');
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<LaunchError | null>(null);
  // The page's account, named in the action's input and the links (not left to the cookie).
  const { account } = useScope();
  const scope = { account, region };
  const many = wizard.exportCount > 1;
  const failing = preflight.query.data?.checks.some((c) => c.verdict === 'fail') ?? false;
  const activeOnly =
    failing &&
    (preflight.query.data?.checks.filter((c) => c.verdict === 'fail').every((c) => c.id === 'active') ??
      false);

  function launch(queue: boolean) {
    if (!wizard.checkAll()) return;
    setError(null);
    startTransition(async () => {
      const result = await launchExport({
        ...toValues(wizard.state, region, wizard.resolved, queue),
        account,
      });
      // A successful launch redirects; anything returned is a refusal to show.
      if (result?.ok !== false) return;
      setError(result);
      if (result.preflight) {
        queryClient.setQueryData(
          preflightKey(
            account,
            region,
            wizard.state.bucket,
            wizard.state.prefix || 'exportedlogs',
            wizard.state.groups,
            many || queue ? 'queue' : 'launch',
          ),
          result.preflight,
        );
      }
      if (result.fieldErrors) wizard.showServerErrors(result.fieldErrors);
    });
  }

  const activeTaskId = error?.params?.taskId ? String(error.params.taskId) : null;
  // AWS may hold the task: not a refusal, and launching again could export twice.
  const unconfirmed = error?.error === 'launchUnconfirmed';
  const offerQueue = !many && (activeOnly || error?.canQueue);

  return (
    <div className="space-y-3">
      <div aria-live="assertive">
        {error ? (
          <Alert
            tone={unconfirmed ? 'warning' : 'danger'}
            title={unconfirmed ? t('unconfirmed') : t('refused')}
          >
            <p>{te(error.error as 'internal', error.params ?? {})}</p>
            {unconfirmed ? (
              <p className="mt-1">
                <Link
                  href={`/exports?${scopeParams(scope, { q: String(error.params?.taskName ?? '') })}`}
                  className="font-medium underline"
                >
                  {t('findInHistory')}
                </Link>
              </p>
            ) : null}
            {POLICY_ERRORS.has(error.error) ? (
              <PolicyFix
                access={access}
                problem={{
                  bucket: wizard.state.bucket,
                  region,
                  prefix: wizard.state.prefix || 'exportedlogs',
                  account: access.account,
                  why: [te(error.error as 'internal', error.params ?? {})],
                }}
              />
            ) : null}
            {activeTaskId ? (
              <p className="mt-1">
                <Link
                  href={`/exports/${encodeURIComponent(activeTaskId)}?${scopeParams(scope)}`}
                  className="font-medium underline"
                >
                  {t('openActive')}
                </Link>
              </p>
            ) : null}
          </Alert>
        ) : null}
      </div>
      <WizardFooter start={back}>
        {failing && !activeOnly ? (
          <p className="text-sm text-red-700 dark:text-red-300">{t('fixFirst')}</p>
        ) : null}
        {activeOnly && !many ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">{t('busyHint')}</p>
        ) : null}
        {offerQueue ? (
          <Button
            variant="secondary"
            onClick={() => launch(true)}
            disabled={!wizard.ready || pending}
            data-testid="queue-instead"
          >
            {t('queueInstead')}
          </Button>
        ) : null}
        <Button
          onClick={() => launch(false)}
          disabled={!wizard.ready || pending || failing}
          data-testid="launch"
        >
          {pending ? t('working') : many ? t('queueMany', { count: wizard.exportCount }) : t('launch')}
        </Button>
      </WizardFooter>
    </div>
  );
}
