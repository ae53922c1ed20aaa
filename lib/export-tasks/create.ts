import 'server-only';
import { CreateExportTaskCommand } from '@aws-sdk/client-cloudwatch-logs';
import { accountRegions } from '@/lib/accounts/registry';
import { DEFAULT_ACCOUNT } from '@/lib/accounts/types';
import { logsCreateClient } from '@/lib/aws/clients';
import { type LogportError, mayHaveActed, reportAwsError } from '@/lib/aws/errors';
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
 * Exactly once: a 5xx, a timeout or a cut connection may come after AWS created the task, so the create
 * client never retries those (lib/aws/clients.ts). After such a failure we look for the task (same name,
 * group, range and destination, created since we asked), now and again 2 s later, and report it launched if
 * it is there; if AWS cannot even be asked, the launch is "unconfirmed", never "not launched". When the account
 * is busy with this very export (an earlier launch whose answer was lost), that export is the launch.
 */
export async function createExport(req: CreateExportRequest): Promise<CreateExportResult> {
  const askedAt = Date.now();
  const scope = { account: req.account ?? DEFAULT_ACCOUNT, region: req.region };
  try {
    const out = await logsCreateClient(scope).send(
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
    invalidateExportTasks(scope);
    if (!out.taskId) return { ok: false, error: { code: 'awsUnknown', retryable: false } };
    return { ok: true, taskId: out.taskId };
  } catch (err) {
    const error = reportAwsError('CreateExportTask', err, {
      logGroup: req.logGroupName,
      bucket: req.destination,
      region: req.region,
    });
    // The list may hold an answer from before the task (ours or another) started.
    invalidateExportTasks();
    if (error.code === 'exportLimit') return busy(req, error);
    if (!mayHaveActed(err)) return { ok: false, error };
    const unconfirmed: CreateExportResult = {
      ok: false,
      error: {
        code: 'launchUnconfirmed',
        params: { taskName: req.taskName || req.logGroupName },
        retryable: true,
      },
    };
    const { taskName } = req;
    if (!taskName) return unconfirmed;
    for (const waitMs of [0, LOOK_AGAIN_MS]) {
      if (waitMs) await new Promise((r) => setTimeout(r, waitMs));
      try {
        const mine = await findTask(scope, askedAt - CLOCK_SKEW_MS, sameExport({ ...req, taskName }));
        if (mine) return { ok: true, taskId: mine.taskId, recovered: true };
      } catch (lookupErr) {
        reportAwsError('DescribeExportTasks (after a failed create)', lookupErr);
        return unconfirmed;
      }
    }
    // Asked twice: AWS holds no such task, so nothing was made.
    return { ok: false, error };
  }
}

/** A second look after a failure that may hide a created task; AWS may list a new task a moment late. */
const LOOK_AGAIN_MS = 2_000;

/** "Another export is active": name it, unless it is this very export, which then counts as launched. */
async function busy(req: CreateExportRequest, error: LogportError): Promise<CreateExportResult> {
  let active: ActiveExport | null = null;
  try {
    const account = req.account ?? DEFAULT_ACCOUNT;
    active = await findActiveExportTask(account, await accountRegions(account), { fresh: true });
  } catch (lookupErr) {
    reportAwsError('DescribeExportTasks (active)', lookupErr);
  }
  if (
    active &&
    req.taskName &&
    active.region === req.region &&
    sameExport({ ...req, taskName: req.taskName })(active)
  )
    return { ok: true, taskId: active.taskId, recovered: true };
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
