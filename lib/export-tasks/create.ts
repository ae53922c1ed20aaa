import 'server-only';
import { CreateExportTaskCommand } from '@aws-sdk/client-cloudwatch-logs';
import { logsCreateClient } from '@/lib/aws/clients';
import { type LogportError, reportAwsError } from '@/lib/aws/errors';
import { configuredRegions } from '@/lib/aws/regions';
import { CLOCK_SKEW_MS, findTask, sameExport } from './find';
import { findActiveExportTask, invalidateExportTasks } from './list';
import type { ExportSpec, ExportTask } from './types';

export type CreateExportRequest = Omit<ExportSpec, 'taskName'> & { taskName?: string };

export type ActiveExport = ExportTask & { region: string };

export type CreateExportResult =
  /** `recovered`: AWS's answer was lost, but the task it created was found. */
  | { ok: true; taskId: string; recovered?: boolean }
  | { ok: false; error: LogportError; active?: ActiveExport | null };

/**
 * CreateExportTask, with AWS's errors mapped to codes a person can act on. The clients' retry strategy never
 * retries LimitExceededException, so "another export is active" comes back at once; we then name that export
 * (any configured Region: the limit is per account) so the user can open it or queue behind it.
 *
 * Exactly once: a 5xx, a timeout or a cut connection may come after AWS created the task, and the SDK's retry
 * of such a call then meets our own task as "another export is active". After any failure that may hide a
 * created task, we look for it (same name, group, range and destination, created since we asked) and report
 * it as launched; if AWS cannot even be asked, we say the launch is unconfirmed instead of "not launched".
 */
export async function createExport(req: CreateExportRequest): Promise<CreateExportResult> {
  const askedAt = Date.now();
  try {
    const out = await logsCreateClient(req.region).send(
      new CreateExportTaskCommand({
        logGroupName: req.logGroupName,
        logStreamNamePrefix: req.logStreamNamePrefix || undefined,
        from: req.from,
        to: req.to,
        destination: req.destination,
        destinationPrefix: req.destinationPrefix,
        taskName: req.taskName || undefined,
      }),
    );
    invalidateExportTasks(req.region);
    if (!out.taskId) return { ok: false, error: { code: 'awsUnknown', retryable: false } };
    return { ok: true, taskId: out.taskId };
  } catch (err) {
    const error = reportAwsError('CreateExportTask', err, {
      logGroup: req.logGroupName,
      bucket: req.destination,
      region: req.region,
    });
    if (!error.retryable) return { ok: false, error };
    // The list may hold an answer from before the task (ours or another) started.
    invalidateExportTasks();
    const { taskName } = req;
    if (taskName) {
      try {
        const mine = await findTask(req.region, askedAt - CLOCK_SKEW_MS, sameExport({ ...req, taskName }));
        if (mine) return { ok: true, taskId: mine.taskId, recovered: true };
      } catch (lookupErr) {
        reportAwsError('DescribeExportTasks (after a failed create)', lookupErr);
        if (error.code !== 'exportLimit')
          return { ok: false, error: { code: 'launchUnconfirmed', params: { taskName }, retryable: true } };
      }
    }
    if (error.code !== 'exportLimit') return { ok: false, error };
    let active: ActiveExport | null = null;
    try {
      active = await findActiveExportTask(await configuredRegions());
    } catch (lookupErr) {
      reportAwsError('DescribeExportTasks (active)', lookupErr);
    }
    return {
      ok: false,
      error: {
        ...error,
        ...(active
          ? {
              code: 'exportLimitNamed',
              params: { taskId: active.taskId, name: active.taskName ?? active.logGroupName },
            }
          : {}),
      },
      active,
    };
  }
}
