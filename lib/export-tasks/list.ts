import 'server-only';
import {
  type ExportTask as AwsExportTask,
  DescribeExportTasksCommand,
  type DescribeExportTasksCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';
import { DEFAULT_ACCOUNT, type Scope } from '@/lib/accounts/types';
import { logsClient } from '@/lib/aws/clients';
import { SharedAnswers } from './cache';
import { pollBackoffMs } from './poll';
import { holdsExportSlot, isStatusCode } from './status';
import type { ExportTask, ExportTaskPage, StatusCode } from './types';

export type ListQuery = {
  /** The Logport account (default: `default`, the ambient credentials). */
  account?: string;
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

/**
 * AWS's task, flattened. What a backend leaves out (moto and LocalStack send no executionInfo, moto an "active"
 * status of its own) stays unknown (null, UNKNOWN) rather than being guessed: a guessed PENDING would block
 * every launch.
 */
export function toExportTask(t: AwsExportTask): ExportTask {
  const code = t.status?.code;
  return {
    taskId: t.taskId ?? '',
    taskName: t.taskName ?? null,
    logGroupName: t.logGroupName ?? '',
    from: t.from ?? 0,
    to: t.to ?? 0,
    destination: t.destination ?? '',
    destinationPrefix: t.destinationPrefix ?? null,
    status: isStatusCode(code) ? code : 'UNKNOWN',
    statusMessage: t.status?.message ?? null,
    createdAt: t.executionInfo?.creationTime ?? null,
    completedAt: t.executionInfo?.completionTime ?? null,
  };
}

/**
 * Newest first whatever the backend did. With creation times, a stable sort (a no-op for AWS). A backend that
 * sends no creation time at all is not AWS (which always does) but one that keeps tasks in creation order
 * (moto, LocalStack, our emulator's loose mode): its list is reversed. A mix keeps the order it came in.
 */
export function newestFirst(tasks: ExportTask[]): ExportTask[] {
  if (tasks.length < 2) return tasks;
  if (tasks.every((t) => t.createdAt !== null)) {
    const sorted = tasks.every((t, i) => i === 0 || (tasks[i - 1]?.createdAt ?? 0) >= (t.createdAt ?? 0));
    return sorted ? tasks : [...tasks].sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
  }
  return tasks.every((t) => t.createdAt === null) ? [...tasks].reverse() : tasks;
}

/** A `nextToken` AWS no longer accepts: it expires after 24 hours. The list must start again from the top. */
export class PageTokenExpiredError extends Error {
  override readonly name = 'PageTokenExpiredError';
  constructor() {
    super('The page token has expired');
  }
}

const errorOf = (err: unknown) =>
  (typeof err === 'object' && err !== null ? err : {}) as {
    name?: string;
    message?: string;
  };

/**
 * AWS answers an expired or unknown token with InvalidParameterException naming the token; other services use
 * InvalidNextTokenException or ExpiredNextTokenException. (ExpiredTokenException is about credentials.)
 */
export function isPageTokenRefusal(err: unknown): boolean {
  const { name = '', message = '' } = errorOf(err);
  if (name === 'ExpiredTokenException') return false;
  return /NextToken/i.test(name) || (name === 'InvalidParameterException' && /token/i.test(message));
}

/** AWS answers an unknown task id with an empty list; moto and LocalStack with ResourceNotFoundException. */
function isUnknownTask(err: unknown): boolean {
  return errorOf(err).name === 'ResourceNotFoundException';
}

// Pages from a backend seen ignoring the status or id filter (their rows were checked and dropped here).
const filterIgnored = new WeakSet<ExportTaskPage>();

async function fetchPage(query: ListQuery): Promise<ExportTaskPage> {
  const limit = query.limit ?? 50;
  let out: DescribeExportTasksCommandOutput;
  try {
    out = await logsClient(scopeOf(query)).send(
      new DescribeExportTasksCommand({
        statusCode: query.statusCode,
        taskId: query.taskId,
        nextToken: query.nextToken,
        limit,
      }),
    );
  } catch (err) {
    if (query.taskId && isUnknownTask(err)) return { tasks: [], nextToken: null, fetchedAt: Date.now() };
    if (query.nextToken && isPageTokenRefusal(err)) throw new PageTokenExpiredError();
    throw err;
  }
  const all = (out.exportTasks ?? []).map(toExportTask);
  // Never trust a filtered list: a backend may ignore the status or the id it was given.
  const tasks = all.filter(
    (t) =>
      (!query.statusCode || t.status === query.statusCode) && (!query.taskId || t.taskId === query.taskId),
  );
  const page = { tasks: newestFirst(tasks), nextToken: out.nextToken ?? null, fetchedAt: Date.now() };
  if (tasks.length < all.length) filterIgnored.add(page);
  return page;
}

// Per list (Region and filter): whether the last refreshes changed anything, to pace everyone's next poll.
const watched = new Map<string, { signature: string; unchanged: number }>();

function withPollAt(key: string, page: ExportTaskPage): ExportTaskPage {
  const signature = page.tasks.map((t) => `${t.taskId}:${t.status}`).join(',');
  const prev = watched.get(key);
  const unchanged = prev && prev.signature === signature ? prev.unchanged + 1 : 0;
  if (watched.size > 1_000) watched.clear();
  watched.set(key, { signature, unchanged });
  const paced = { ...page, pollAt: page.fetchedAt + pollBackoffMs(unchanged) };
  if (filterIgnored.has(page)) filterIgnored.add(paced);
  return paced;
}

/**
 * One page of the account's export tasks in a Region, newest first. The same function serves the
 * server-rendered first page and the polling route; identical concurrent calls share one AWS call.
 */
export function listExportTasks(query: ListQuery, use: 'page' | 'head' = 'page'): Promise<ExportTaskPage> {
  const key = [
    query.account ?? DEFAULT_ACCOUNT,
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
export function invalidateExportTasks(scope?: Scope): void {
  const prefix = scope ? `${scope.account}|${scope.region}|` : '';
  answers.invalidate(prefix);
  headAnswers.invalidate(prefix);
}

export async function getExportTask(scope: Scope, taskId: string): Promise<ExportTask | null> {
  const page = await listExportTasks({ ...scope, taskId });
  return page.tasks[0] ?? null;
}

/** One task by id, fresh from AWS (null: unknown, whether the backend says so with an empty list or an error). */
export async function describeExportTask(scope: Scope, taskId: string): Promise<ExportTask | null> {
  return (await fetchPage({ ...scope, taskId })).tasks[0] ?? null;
}

function scopeOf(query: ListQuery): Scope {
  return { account: query.account ?? DEFAULT_ACCOUNT, region: query.region };
}

/**
 * The account's active export (PENDING or RUNNING), if any. The limit is per account, so every configured
 * Region is asked; filtering by status keeps each call to one small page. `fresh` skips the shared answers:
 * for a decision (the queue submitting, a launch refused as busy) a two-second-old list is not good enough.
 *
 * The status of every task is checked here, not left to the filter: a backend that ignores `statusCode` would
 * otherwise make a finished task look active and block every launch. When a backend is seen ignoring it, the
 * newest tasks are read without a filter instead (the active task is the newest one: AWS allows only one).
 */
export async function findActiveExportTask(
  account: string,
  regions: readonly string[],
  { fresh = false }: { fresh?: boolean } = {},
): Promise<(ExportTask & { region: string }) | null> {
  for (const region of regions) {
    const read = (query: ListQuery) => (fresh ? fetchPage(query) : listExportTasks(query));
    let ignored = false;
    for (const statusCode of ['RUNNING', 'PENDING'] as const) {
      const page = await read({ account, region, statusCode, limit: 1 });
      ignored ||= filterIgnored.has(page);
      const task = page.tasks.find((t) => holdsExportSlot(t.status));
      if (task) return { ...task, region };
    }
    if (ignored) {
      const task = (await read({ account, region })).tasks.find((t) => holdsExportSlot(t.status));
      if (task) return { ...task, region };
    }
  }
  return null;
}
