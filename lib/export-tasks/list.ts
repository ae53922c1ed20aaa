import 'server-only';
import {
  type ExportTask as AwsExportTask,
  DescribeExportTasksCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { logsClient } from '@/lib/aws/clients';
import { SharedAnswers } from './cache';
import { pollBackoffMs } from './poll';
import { isStatusCode } from './status';
import type { ExportTask, ExportTaskPage, StatusCode } from './types';

export type ListQuery = {
  region: string;
  statusCode?: StatusCode;
  taskId?: string;
  nextToken?: string;
  limit?: number;
};

// Module state survives across requests in one server process (globalThis keeps it across dev reloads).
const g = globalThis as unknown as {
  logportTaskAnswers?: SharedAnswers<ExportTaskPage>;
  logportHeadAnswers?: SharedAnswers<ExportTaskPage>;
};
g.logportTaskAnswers ??= new SharedAnswers<ExportTaskPage>(2_000);
// Idle tables only watch the newest row for exports started outside Logport. However many tabs watch, that
// costs AWS at most two calls a minute; Logport's own creates and cancels clear it at once.
g.logportHeadAnswers ??= new SharedAnswers<ExportTaskPage>(30_000);
const answers = g.logportTaskAnswers;
const headAnswers = g.logportHeadAnswers;

export function toExportTask(t: AwsExportTask): ExportTask {
  const code = t.status?.code;
  return {
    taskId: t.taskId ?? '',
    taskName: t.taskName ?? null,
    logGroupName: t.logGroupName ?? '',
    from: t.from ?? 0,
    to: t.to ?? 0,
    destination: t.destination ?? '',
    destinationPrefix: t.destinationPrefix ?? 'exportedlogs',
    status: isStatusCode(code) ? code : 'PENDING',
    statusMessage: t.status?.message ?? null,
    createdAt: t.executionInfo?.creationTime ?? null,
    completedAt: t.executionInfo?.completionTime ?? null,
  };
}

async function fetchPage(query: ListQuery): Promise<ExportTaskPage> {
  const out = await logsClient(query.region).send(
    new DescribeExportTasksCommand({
      statusCode: query.statusCode,
      taskId: query.taskId,
      nextToken: query.nextToken,
      limit: query.limit ?? 50,
    }),
  );
  return {
    tasks: (out.exportTasks ?? []).map(toExportTask),
    nextToken: out.nextToken ?? null,
    fetchedAt: Date.now(),
  };
}

/**
 * One page of the account's export tasks in a Region, newest first (AWS's order). The same function serves
 * the server-rendered first page and the polling route; identical concurrent calls share one AWS call.
 */
// Per list (Region and filter): whether the last refreshes changed anything, to pace everyone's next poll.
const watched = new Map<string, { signature: string; unchanged: number }>();

function withPollAt(key: string, page: ExportTaskPage): ExportTaskPage {
  const signature = page.tasks.map((t) => `${t.taskId}:${t.status}`).join(',');
  const prev = watched.get(key);
  const unchanged = prev && prev.signature === signature ? prev.unchanged + 1 : 0;
  if (watched.size > 1_000) watched.clear();
  watched.set(key, { signature, unchanged });
  return { ...page, pollAt: page.fetchedAt + pollBackoffMs(unchanged) };
}

export function listExportTasks(query: ListQuery, use: 'page' | 'head' = 'page'): Promise<ExportTaskPage> {
  const key = [
    query.region,
    query.statusCode ?? '',
    query.taskId ?? '',
    query.nextToken ?? '',
    query.limit ?? 50,
  ].join('|');
  if (use === 'head') return headAnswers.get(key, () => fetchPage(query));
  return answers.get(key, async () => withPollAt(key, await fetchPage(query)));
}

/** Drop shared answers after a change (create, cancel) so the next poll shows it. */
export function invalidateExportTasks(region?: string): void {
  answers.invalidate(region ? `${region}|` : '');
  headAnswers.invalidate(region ? `${region}|` : '');
}

export async function getExportTask(region: string, taskId: string): Promise<ExportTask | null> {
  const page = await listExportTasks({ region, taskId });
  return page.tasks[0] ?? null;
}

/**
 * The account's active export (PENDING or RUNNING), if any. The limit is per account, so every configured
 * Region is asked; filtering by status keeps each call to one small page. `fresh` skips the shared answers:
 * for a decision (the queue submitting, a launch refused as busy) a two-second-old list is not good enough.
 */
export async function findActiveExportTask(
  regions: readonly string[],
  { fresh = false }: { fresh?: boolean } = {},
): Promise<(ExportTask & { region: string }) | null> {
  for (const region of regions) {
    for (const statusCode of ['RUNNING', 'PENDING'] as const) {
      const task = fresh
        ? await logsClient(region)
            .send(new DescribeExportTasksCommand({ statusCode, limit: 1 }))
            .then((out) => (out.exportTasks?.[0] ? toExportTask(out.exportTasks[0]) : undefined))
        : (await listExportTasks({ region, statusCode, limit: 1 })).tasks[0];
      if (task) return { ...task, region };
    }
  }
  return null;
}
