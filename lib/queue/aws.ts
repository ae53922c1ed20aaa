import 'server-only';
import { DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import { logsClient } from '@/lib/aws/clients';
import { toExportTask } from '@/lib/export-tasks/list';
import type { ExportTask } from '@/lib/export-tasks/types';

/**
 * Fresh DescribeExportTasks calls for the worker's decisions. The shared 2-second cache serves pages; a
 * decision to submit must not rest on an answer that is two seconds old.
 */

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
