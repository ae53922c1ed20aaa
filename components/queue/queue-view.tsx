'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import {
  cancelQueueBatch,
  cancelQueueJob,
  retryQueueJob,
  retryRuleFailedJobs,
} from '@/app/(console)/queue/actions';
import { useScope } from '@/components/shell/scope-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { QueueBatch, QueueJob, QueueSnapshot, RuleBatchSummary } from '@/lib/queue/types';
import { BatchCard } from './batch-card';
import { batchProgress, cancellableOf, durationParts } from './format';
import { QueueLoadError, queueOptions } from './queries';
import { QueueControls } from './queue-controls';
import { RuleBatchCard } from './rule-batch-card';
import { useQueueAction } from './use-queue-action';

/**
 * The live queue: summary and time left, pause/resume, each batch people queued with its jobs, and each
 * rule's batch as a compact card (counts and the export that moves).
 */
export function QueueView({
  initial,
  canAct,
  canChangeSettings = false,
  canPauseAll = false,
  highlight = null,
  highlightJob = null,
}: {
  initial: QueueSnapshot;
  canAct: boolean;
  /** Admins change the queue's settings; operators see them. */
  canChangeSettings?: boolean;
  /** Several accounts, and this user may reach them all: "Pause all accounts" is offered. */
  canPauseAll?: boolean;
  /** A batch to point at (`?batch=`): a person's batch or a rule's. */
  highlight?: string | null;
  /** A job to point at (`?job=`), inside the highlighted batch. */
  highlightJob?: string | null;
}) {
  const t = useTranslations('queue');
  const te = useTranslations('errors');
  const { account } = useScope();
  const query = useQuery({
    ...queueOptions(account),
    initialData: initial,
    initialDataUpdatedAt: initial.fetchedAt,
  });
  const snap = query.data;
  const action = useQueueAction();
  const [confirming, setConfirming] = useState<QueueJob | null>(null);
  const [confirmingBatch, setConfirmingBatch] = useState<QueueBatch | null>(null);
  const batchCancel = confirmingBatch ? cancellableOf(confirmingBatch.jobs) : null;
  const rulesWaiting = snap.rules.reduce((n, r) => n + r.waiting, 0);

  const open = snap.batches.filter((b) =>
    b.jobs.some((j) => ['queued', 'submitting', 'running'].includes(j.state)),
  );
  const overall = batchProgress(open.flatMap((b) => b.jobs.map((j) => j.state)));
  const time = snap.estimateMs === null ? null : durationParts(snap.estimateMs);

  function cancel(job: QueueJob) {
    if (job.state === 'running') {
      setConfirming(job);
      return;
    }
    action.run(
      () => cancelQueueJob({ jobId: job.id }),
      (data) =>
        data.state === 'cancelled'
          ? t('done.cancel', { name: job.taskName })
          : t('done.cancelRequested', { name: job.taskName }),
    );
  }
  function cancelBatch(batch: QueueBatch) {
    setConfirmingBatch(null);
    action.run(
      () => cancelQueueBatch({ batchId: batch.id }),
      (data) =>
        [
          t('done.cancelBatch', { count: data.cancelled + data.requested }),
          data.refused > 0 ? t('done.cancelBatchRefused', { count: data.refused }) : null,
        ]
          .filter(Boolean)
          .join(' '),
    );
  }
  function retryFailed(rule: RuleBatchSummary) {
    action.run(
      () => retryRuleFailedJobs({ ruleId: rule.ruleId, account }),
      (data) => t('done.retryFailed', { count: data.retried, name: rule.ruleName ?? '' }),
    );
  }
  function retry(job: QueueJob) {
    action.run(
      () => retryQueueJob({ jobId: job.id }),
      () => t('done.retry', { name: job.taskName }),
    );
  }

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <div role="status" aria-live="polite" className="space-y-1" data-testid="queue-summary">
          <p className="text-lg font-semibold tabular-nums">
            {overall.total > 0
              ? t('summaryWorking', { done: overall.done, total: overall.total })
              : rulesWaiting > 0
                ? t('summaryRulesOnly', { count: rulesWaiting })
                : t('summaryIdle')}
          </p>
          {overall.total > 0 && rulesWaiting > 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {t('summaryRules', { count: rulesWaiting })}
            </p>
          ) : null}
          {snap.remaining > 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {snap.settings.paused
                ? t('estimatePaused', { count: snap.queued })
                : time
                  ? t('estimate', { time: t(time.key, time.values) })
                  : t('estimateUnknown')}
            </p>
          ) : null}
        </div>
        {canAct ? (
          <QueueControls
            settings={snap.settings}
            action={action}
            canChangeSettings={canChangeSettings}
            canPauseAll={canPauseAll}
          />
        ) : null}
      </div>

      <div aria-live="polite">
        {action.notice ? (
          <Alert tone={action.notice.tone === 'success' ? 'info' : 'danger'}>{action.notice.text}</Alert>
        ) : null}
      </div>
      {query.error ? (
        <Alert tone="warning">
          {t('loadFailed', {
            reason: te(
              query.error instanceof QueueLoadError && te.has(query.error.code)
                ? query.error.code
                : 'internal',
            ),
          })}
        </Alert>
      ) : null}
      {snap.settings.paused ? (
        <Alert tone="warning" title={t('pausedTitle')}>
          {snap.settings.updatedBy === 'queue' ? t('pausedAfterFailure') : t('pausedBody')}
        </Alert>
      ) : null}
      {!canAct ? <p className="text-sm text-slate-600 dark:text-slate-400">{t('viewerNote')}</p> : null}

      {snap.batches.length === 0 && snap.rules.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {t('empty')}
        </p>
      ) : (
        snap.batches.map((batch) => (
          <BatchCard
            key={batch.id}
            batch={batch}
            highlight={batch.id === highlight}
            highlightJob={highlightJob}
            canAct={canAct}
            busy={action.pending}
            onCancel={cancel}
            onRetry={retry}
            onCancelBatch={setConfirmingBatch}
          />
        ))
      )}

      {snap.rules.length > 0 ? (
        <section aria-labelledby="queue-rules-title" className="space-y-3">
          <div>
            <h2 id="queue-rules-title" className="text-lg font-semibold">
              {t('rulesTitle')}
            </h2>
            <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t('rulesIntro')}</p>
          </div>
          <div className="grid gap-3 lg:grid-cols-2">
            {snap.rules.map((rule) => (
              <RuleBatchCard
                key={rule.batchId}
                rule={rule}
                highlight={rule.batchId === highlight}
                canAct={canAct}
                busy={action.pending}
                onRetryFailed={retryFailed}
              />
            ))}
          </div>
        </section>
      ) : null}

      <Dialog
        open={confirmingBatch !== null}
        onClose={() => setConfirmingBatch(null)}
        title={t('cancelBatchTitle', { count: batchCancel?.total ?? 0 })}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmingBatch(null)}>
              {t('keepBatch')}
            </Button>
            <Button
              variant="danger"
              onClick={() => confirmingBatch && cancelBatch(confirmingBatch)}
              data-testid="queue-cancel-batch-confirm"
            >
              {t('cancelBatchConfirm', { count: batchCancel?.total ?? 0 })}
            </Button>
          </>
        }
      >
        <div className="space-y-2">
          {batchCancel && batchCancel.queued > 0 ? (
            <p>{t('cancelBatchQueued', { count: batchCancel.queued })}</p>
          ) : null}
          {batchCancel && batchCancel.inAws > 0 ? (
            <p>{t('cancelBatchInAws', { count: batchCancel.inAws })}</p>
          ) : null}
          <p>{t('cancelBatchFinished')}</p>
        </div>
      </Dialog>

      <Dialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('cancelRunningTitle')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              {t('keepRunning')}
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                const job = confirming;
                setConfirming(null);
                if (job)
                  action.run(
                    () => cancelQueueJob({ jobId: job.id }),
                    () => t('done.cancelRequested', { name: job.taskName }),
                  );
              }}
            >
              {t('cancelRunningConfirm')}
            </Button>
          </>
        }
      >
        <p>{t('cancelRunningBody', { name: confirming?.taskName ?? '' })}</p>
      </Dialog>
    </div>
  );
}
