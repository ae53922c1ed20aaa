'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { pauseQueue, resumeQueue, setQueueOnFailure } from '@/app/(console)/queue/actions';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { QueueSettings } from '@/lib/queue/types';
import type { useQueueAction } from './use-queue-action';

/** Pause/resume (operators and admins) and the on-failure setting (admins change it, operators see it). */
export function QueueControls({
  settings,
  action,
  canChangeSettings,
}: {
  settings: QueueSettings;
  action: ReturnType<typeof useQueueAction>;
  canChangeSettings: boolean;
}) {
  const t = useTranslations('queue');
  const id = useId();
  return (
    <div className="flex flex-wrap items-end gap-3">
      {settings.paused ? (
        <Button
          onClick={() => action.run(resumeQueue, () => t('done.resume'))}
          disabled={action.pending}
          data-testid="queue-resume"
        >
          {t('resume')}
        </Button>
      ) : (
        <Button
          variant="secondary"
          onClick={() => action.run(pauseQueue, () => t('done.pause'))}
          disabled={action.pending}
          data-testid="queue-pause"
        >
          {t('pause')}
        </Button>
      )}
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
              () => setQueueOnFailure({ onFailure: e.target.value }),
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
