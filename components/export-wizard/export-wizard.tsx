'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { LogGroupSummary } from '@/lib/log-groups/search';
import { DestinationStep } from './destination-step';
import { LaunchPanel } from './launch-panel';
import { PreflightPanel } from './preflight-panel';
import { RangeStep } from './range-step';
import { ReviewStep } from './review-step';
import { SourceStep } from './source-step';
import { StepsNav } from './steps-nav';
import { usePreflight } from './use-preflight';
import { useWizard } from './use-wizard';
import { WizardFooter } from './wizard-footer';

/** The export wizard: log groups → time range → destination (with preflight) → review and launch. */
export function ExportWizard({
  region,
  serverNow,
  initialGroups,
  canApplyPolicy,
  identityAccount,
}: {
  region: string;
  serverNow: number;
  initialGroups: LogGroupSummary[];
  /** Admins apply a bucket policy themselves; operators get a request to copy for an admin. */
  canApplyPolicy: boolean;
  /** The account Logport exports from (STS), or null when unknown. */
  identityAccount: string | null;
}) {
  const t = useTranslations('wizard');
  const tc = useTranslations('common');
  const wizard = useWizard(region, serverNow);
  const preflight = usePreflight(wizard, region);
  const access = { canApplyPolicy, account: identityAccount };
  const [info, setInfo] = useState<Record<string, LogGroupSummary>>(() =>
    Object.fromEntries(initialGroups.map((g) => [g.name, g])),
  );
  const step = wizard.state.step;
  const { refetch } = preflight.query;
  // The review re-runs the checks: a bucket policy or another export may have changed since the last step.
  useEffect(() => {
    if (step === 'review' && preflight.ready) void refetch();
  }, [step, preflight.ready, refetch]);

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('subtitle', { region })}</p>
      </div>
      <StepsNav current={step} onGo={wizard.goTo} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (step !== 'review') wizard.next();
        }}
        className="space-y-6 rounded-lg border border-slate-200 bg-white p-5 shadow-xs dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="wizard-step-heading" tabIndex={-1} className="text-lg font-semibold outline-none">
          {t(`headings.${step}`)}
        </h2>
        {step === 'source' ? (
          <SourceStep
            wizard={wizard}
            region={region}
            info={info}
            onInfo={(groups) =>
              setInfo((prev) => ({ ...prev, ...Object.fromEntries(groups.map((g) => [g.name, g])) }))
            }
          />
        ) : null}
        {step === 'range' ? <RangeStep wizard={wizard} info={info} /> : null}
        {step === 'destination' ? (
          <DestinationStep wizard={wizard} region={region} preflight={preflight} access={access} />
        ) : null}
        {step === 'review' ? (
          <>
            <ReviewStep wizard={wizard} info={info} />
            <PreflightPanel query={preflight.query} ready={preflight.ready} access={access} />
            <LaunchPanel
              wizard={wizard}
              region={region}
              preflight={preflight}
              access={access}
              back={
                <Button variant="secondary" onClick={wizard.back}>
                  {tc('back')}
                </Button>
              }
            />
          </>
        ) : (
          // The primary action sits where the eye ends, at the end of the last row; the review's Launch takes
          // the same place (see LaunchPanel).
          <WizardFooter
            start={
              step !== 'source' ? (
                <Button variant="secondary" onClick={wizard.back}>
                  {tc('back')}
                </Button>
              ) : null
            }
          >
            <Button type="submit" data-testid="wizard-next" disabled={!wizard.ready}>
              {tc('next')}
            </Button>
          </WizardFooter>
        )}
      </form>
    </div>
  );
}
