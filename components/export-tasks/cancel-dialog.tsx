'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { cancelExportTask } from '@/app/(console)/exports/actions';
import { useScope } from '@/components/shell/scope-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { ActionError } from '@/lib/action-result';
import { exportTaskKeys, setTaskStatus } from '@/lib/export-tasks/queries';
import { taskLabel } from '@/lib/export-tasks/table-state';
import type { ExportTask } from '@/lib/export-tasks/types';

/**
 * Confirms a cancel, naming the task and its log group. On confirm the task shows PENDING_CANCEL at once in
 * every loaded list; if AWS refuses, the status goes back and the dialog says why in plain words.
 */
export function CancelDialog({
  task,
  region,
  onClose,
  onDone,
}: {
  task: ExportTask | null;
  region: string;
  onClose: () => void;
  onDone?: (task: ExportTask) => void;
}) {
  const t = useTranslations('exports.cancel');
  const te = useTranslations('errors');
  const td = useTranslations('exports.detail');
  const { account } = useScope();
  const client = useQueryClient();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function close() {
    if (pending) return;
    setError(null);
    onClose();
  }

  function confirm() {
    if (!task) return;
    setError(null);
    startTransition(async () => {
      // A poll already in flight must not put the old status back over the optimistic one.
      await client.cancelQueries({ queryKey: exportTaskKeys.lists() });
      const undo = setTaskStatus(client, task.taskId, 'PENDING_CANCEL');
      let result: Awaited<ReturnType<typeof cancelExportTask>>;
      try {
        result = await cancelExportTask({ account, region, taskId: task.taskId });
      } catch {
        result = { ok: false, error: 'awsUnreachable' };
      }
      if (!result.ok) undo();
      void client.invalidateQueries({ queryKey: exportTaskKeys.lists() });
      if (!result.ok) {
        setError(result);
        return;
      }
      onDone?.(task);
      onClose();
    });
  }

  const label = task ? taskLabel(task) : '';
  return (
    <Dialog
      open={task !== null}
      onClose={close}
      title={t('title')}
      footer={
        <>
          <Button variant="secondary" onClick={close} disabled={pending}>
            {t('keep')}
          </Button>
          <Button variant="danger" onClick={confirm} disabled={pending} data-testid="confirm-cancel">
            {pending ? t('working') : t('confirm')}
          </Button>
        </>
      }
    >
      {task ? (
        <div className="space-y-3">
          <p>{t('body', { name: label, logGroup: task.logGroupName })}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
            <dt className="text-slate-600 dark:text-slate-400">{td('taskId')}</dt>
            <dd className="break-all font-mono">{task.taskId}</dd>
          </dl>
          {error ? (
            <Alert tone="danger">
              {te.has(error.error) ? te(error.error, error.params) : te('internal')}
            </Alert>
          ) : null}
        </div>
      ) : null}
    </Dialog>
  );
}
