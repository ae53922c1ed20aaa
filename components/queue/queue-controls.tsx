'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { pauseQueue, resumeQueue, setQueueOnFailure } from '@/app/(console)/queue/actions';
import { useScope } from '@/components/shell/scope-context';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { QueueSettings } from '@/lib/queue/types';
import type { useQueueAction } from './use-queue-action';

/** Pause/resume (operators and admins) and the on-failure setting (admins change it, operators see it). */
export function QueueControls({
  settings,
  action,
  canChangeSettings,
  canPauseAll = false,
}: {
  settings: QueueSettings;
  action: ReturnType<typeof useQueueAction>;
  canChangeSettings: boolean;
  /** Pausing every account at once: several accounts, and this user may reach them all. */
  canPauseAll?: boolean;
}) {
  const t = useTranslations('queue');
  const id = useId();
  const { account } = useScope();
  // Every account at once: offered when there are several and this user may reach them all.
  const several = canPauseAll;
  return (
    <div className="flex flex-wrap items-end gap-3">
      {settings.pausedAll ? (
        <p className="basis-full text-sm text-amber-800 dark:text-amber-200" data-testid="queue-paused-all">
          {t('pausedAll')}
        </p>
      ) : null}
      {settings.pausedAccount || (settings.pausedAll && !canPauseAll) ? (
        settings.pausedAccount ? (
          <Button
            onClick={() =>
              action.run(
                () => resumeQueue({ account }),
                () => t('done.resume'),
              )
            }
            disabled={action.pending}
            data-testid="queue-resume"
          >
            {several ? t('resumeAccount', { account }) : t('resume')}
          </Button>
        ) : null
      ) : (
        <Button
          variant="secondary"
          onClick={() =>
            action.run(
              () => pauseQueue({ account }),
              () => t('done.pause'),
            )
          }
          disabled={action.pending}
          data-testid="queue-pause"
        >
          {several ? t('pauseAccount', { account }) : t('pause')}
        </Button>
      )}
      {several ? (
        <Button
          variant="secondary"
          onClick={() =>
            action.run(
              () => (settings.pausedAll ? resumeQueue({ all: true }) : pauseQueue({ all: true })),
              () => t(settings.pausedAll ? 'done.resume' : 'done.pause'),
            )
          }
          disabled={action.pending}
          data-testid={settings.pausedAll ? 'queue-resume-all' : 'queue-pause-all'}
        >
          {settings.pausedAll ? t('resumeAll') : t('pauseAll')}
        </Button>
      ) : null}
      <div className="space-y-1">
        <label htmlFor={`${id}-on-failure`} className="block text-sm font-medium">
          {t('onFailure')}
        </label>
        <select
          id={`${id}-on-failure`}
          className={inputClass}
          value={settings.onFailure}
          disabled={action.pending || !canChangeSettings}
          aria-describedby={canChangeSettings ? undefined : `${id}-admins-only`}
          onChange={(e) =>
            action.run(
              () => setQueueOnFailure({ onFailure: e.target.value, account }),
              () => t('done.onFailure'),
            )
          }
        >
          <option value="continue">{t('onFailureContinue')}</option>
          <option value="pause">{t('onFailurePause')}</option>
        </select>
        {canChangeSettings ? null : (
          <p id={`${id}-admins-only`} className="text-xs text-slate-600 dark:text-slate-400">
            {t('onFailureAdminsOnly')}
          </p>
        )}
      </div>
    </div>
  );
}
