import 'server-only';
import { DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { Scope } from '@/lib/accounts/types';
import { logsClient } from '@/lib/aws/clients';
import { describeExportTask, toExportTask } from './list';
import type { ExportSpec, ExportTask } from './types';

/** AWS's clock and ours may differ; a task created this long before we asked may still be ours. */
export const CLOCK_SKEW_MS = 60_000;

/**
 * The newest task in the Region that matches, created at or after `since`, read with fresh
 * DescribeExportTasks calls (never the shared list cache: a decision rests on it). AWS lists newest first, so
 * paging stops at the first task created before `since`, and long histories are never read to the end. A page
 * that is not newest first (a backend that is not quite AWS) is read whole, and never ends the search early.
 */
export async function findTask(
  scope: Scope,
  since: number,
  matches: (task: ExportTask) => boolean,
): Promise<ExportTask | null> {
  let nextToken: string | undefined;
  do {
    const out = await logsClient(scope).send(new DescribeExportTasksCommand({ nextToken, limit: 50 }));
    const tasks = (out.exportTasks ?? []).map(toExportTask);
    const newestFirst = tasks.every(
      (t, i) => t.createdAt !== null && (i === 0 || (tasks[i - 1]?.createdAt ?? 0) >= t.createdAt),
    );
    if (!newestFirst) {
      const found = tasks
        .filter((t) => (t.createdAt === null || t.createdAt >= since) && matches(t))
        .sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
      if (found[0]) return found[0];
    } else {
      for (const task of tasks) {
        if (task.createdAt !== null && task.createdAt < since) return null;
        if (matches(task)) return task;
      }
    }
    nextToken = out.nextToken;
  } while (nextToken);
  return null;
}

/** One task by id, fresh from AWS (null: unknown, an empty list from AWS or an error from moto alike). */
export function describeTask(scope: Scope, taskId: string): Promise<ExportTask | null> {
  return describeExportTask(scope, taskId);
}

/** The task a submission created under its (unique per job) name, unless it is one we must not adopt. */
export function findTaskByName(
  scope: Scope,
  taskName: string,
  since: number,
  exclude: readonly string[] = [],
): Promise<ExportTask | null> {
  return findTask(scope, since, (t) => t.taskName === taskName && !exclude.includes(t.taskId));
}

/** A task exactly like this request: same name, group, range and destination. */
export function sameExport(spec: ExportSpec) {
  return (t: ExportTask): boolean =>
    t.taskName === spec.taskName &&
    t.logGroupName === spec.logGroupName &&
    t.from === spec.from &&
    t.to === spec.to &&
    t.destination === spec.destination &&
    t.destinationPrefix === spec.destinationPrefix;
}
