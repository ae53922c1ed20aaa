import 'server-only';
import { CancelExportTaskCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { Scope } from '@/lib/accounts/types';
import { type ActionResult, fail, ok } from '@/lib/action-result';
import { recordActivity } from '@/lib/audit';
import type { Caller } from '@/lib/auth/require-role';
import { logsClient } from '@/lib/aws/clients';
import { reportAwsError } from '@/lib/aws/errors';
import { describeTask } from './find';
import { invalidateExportTasks } from './list';

/**
 * Cancels one export task for a caller whose role was already checked. AWS's refusals come back as message
 * keys ("This export already finished", "does not exist"); every attempt is recorded with who made it.
 *
 * A cancel whose answer was lost (a 5xx or a cut connection after AWS acted) is retried by the SDK, and the
 * retry is refused because the task is already being cancelled: when AWS refuses or fails, we look at the
 * task, and if it is cancelling or cancelled, the cancel did what was asked.
 */
export async function cancelExport(
  caller: Caller,
  input: Scope & { taskId: string },
): Promise<ActionResult<{ taskId: string }>> {
  const { account, region, taskId } = input;
  const scope = { account, region };
  try {
    await logsClient(scope).send(new CancelExportTaskCommand({ taskId }));
  } catch (err) {
    const mapped = reportAwsError('CancelExportTask', err, { taskId });
    // A refusal changes nothing in AWS, but the list may be showing a stale status: fetch it again.
    invalidateExportTasks(scope);
    if (mapped.code === 'taskAlreadyFinished' || mapped.retryable) {
      const now = await describeTask(scope, taskId).catch(() => null);
      if (now?.status === 'PENDING_CANCEL' || now?.status === 'CANCELLED') {
        await recordActivity(caller, {
          action: 'export.cancel',
          account,
          region,
          target: taskId,
          outcome: 'ok',
        });
        return ok({ taskId });
      }
    }
    await recordActivity(caller, {
      action: 'export.cancel',
      account,
      region,
      target: taskId,
      outcome: 'error',
      detail: { error: mapped.code },
    });
    return fail(mapped.code, mapped.params);
  }
  invalidateExportTasks(scope);
  await recordActivity(caller, { action: 'export.cancel', account, region, target: taskId, outcome: 'ok' });
  return ok({ taskId });
}
