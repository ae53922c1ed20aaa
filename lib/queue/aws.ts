import 'server-only';
import { DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import { logsClient } from '@/lib/aws/clients';
import { toExportTask } from '@/lib/export-tasks/list';
import type { ExportTask } from '@/lib/export-tasks/types';

/**
 * Fresh DescribeExportTasks calls for the worker's decisions. The shared 2-second cache serves pages; a
 * decision to submit must not rest on an answer that is two seconds old.
 */

export async function describeTask(region: string, taskId: string): Promise<ExportTask | null> {
  const out = await logsClient(region).send(new DescribeExportTasksCommand({ taskId }));
  const task = out.exportTasks?.[0];
  return task ? toExportTask(task) : null;
}

/**
 * The task a job submitted under its unique name, if any. AWS lists newest first, so paging stops at the
 * first task created before `since` (the job's first intent, less a margin for clock skew): older tasks
 * cannot be this job's, and long histories are never read to the end.
 */
export async function findTaskByName(
  region: string,
  taskName: string,
  since: number,
  exclude: readonly string[] = [],
): Promise<ExportTask | null> {
  let nextToken: string | undefined;
  do {
    const out = await logsClient(region).send(new DescribeExportTasksCommand({ nextToken, limit: 50 }));
    for (const raw of out.exportTasks ?? []) {
      const task = toExportTask(raw);
      if (task.createdAt !== null && task.createdAt < since) return null;
      if (task.taskName === taskName && !exclude.includes(task.taskId)) return task;
    }
    nextToken = out.nextToken;
  } while (nextToken);
  return null;
}

/** The account's export holding its one slot (PENDING or RUNNING), in any of the given Regions. */
export async function findActiveTask(
  regions: readonly string[],
): Promise<(ExportTask & { region: string }) | null> {
  for (const region of regions) {
    for (const statusCode of ['RUNNING', 'PENDING'] as const) {
      const out = await logsClient(region).send(new DescribeExportTasksCommand({ statusCode, limit: 1 }));
      const task = out.exportTasks?.[0];
      if (task) return { ...toExportTask(task), region };
    }
  }
  return null;
}
