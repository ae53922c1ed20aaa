import 'server-only';
import { CreateExportTaskCommand } from '@aws-sdk/client-cloudwatch-logs';
import { logsClient } from '@/lib/aws/clients';
import { type LogportError, reportAwsError } from '@/lib/aws/errors';
import { configuredRegions } from '@/lib/aws/regions';
import { findActiveExportTask, invalidateExportTasks } from './list';
import type { ExportSpec, ExportTask } from './types';

export type CreateExportRequest = Omit<ExportSpec, 'taskName'> & { taskName?: string };

export type ActiveExport = ExportTask & { region: string };

export type CreateExportResult =
  | { ok: true; taskId: string }
  | { ok: false; error: LogportError; active?: ActiveExport | null };

/**
 * CreateExportTask, with AWS's errors mapped to codes a person can act on. The clients' retry strategy never
 * retries LimitExceededException, so "another export is active" comes back at once; we then name that export
 * (any configured Region: the limit is per account) so the user can open it or queue behind it.
 */
export async function createExport(req: CreateExportRequest): Promise<CreateExportResult> {
  try {
    const out = await logsClient(req.region).send(
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
    if (error.code !== 'exportLimit') return { ok: false, error };
    // The list may hold an answer from before the other export started.
    invalidateExportTasks();
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
