import 'server-only';
import {
  DescribeExportTasksCommand,
  type DescribeExportTasksCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';
import { logsClient } from '@/lib/aws/clients';
import { getDb } from '@/lib/db';
import { describeExportTask, toExportTask } from './list';
import type { ExportTask } from './types';

/**
 * A mirror of the account's export history (Logport's tasks and everyone else's) in the store, so coverage can
 * tell "already archived" without asking AWS per page view, and the scheduler without reading 19,000 tasks a
 * tick. Synced incrementally: AWS lists newest first, so a sync reads pages until a page holds nothing new
 * (every task already stored with the same final status), and asks again by id for the tasks it holds as not
 * yet final. The first sync reads the whole history, at most MAX_PAGES a call, resuming where it stopped.
 */
const MAX_PAGES = 40;
const PAGE = 50;

export type Scope = { account: string; region: string };

async function stateGet(scope: Scope, name: string): Promise<string | null> {
  const db = await getDb();
  const row = await db
    .selectFrom('scheduler_state')
    .select('value')
    .where('account', '=', scope.account)
    .where('region', '=', scope.region)
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.value ?? null;
}

export async function stateSet(scope: Scope, name: string, value: string | null): Promise<void> {
  const db = await getDb();
  if (value === null) {
    await db
      .deleteFrom('scheduler_state')
      .where('account', '=', scope.account)
      .where('region', '=', scope.region)
      .where('name', '=', name)
      .execute();
    return;
  }
  await db
    .insertInto('scheduler_state')
    .values({ ...scope, name, value })
    .onConflict((oc) => oc.columns(['account', 'region', 'name']).doUpdateSet({ value }))
    .execute();
}

export { stateGet };

/** Stores tasks as seen now; returns how many were new or changed status. */
export async function storeTasks(scope: Scope, tasks: ExportTask[], now: number): Promise<number> {
  if (tasks.length === 0) return 0;
  const db = await getDb();
  const known = new Map(
    (
      await db
        .selectFrom('export_history')
        .select(['task_id', 'status'])
        .where('account', '=', scope.account)
        .where('region', '=', scope.region)
        .where(
          'task_id',
          'in',
          tasks.map((t) => t.taskId),
        )
        .execute()
    ).map((r) => [r.task_id, r.status]),
  );
  const changed = tasks.filter((t) => t.taskId && known.get(t.taskId) !== t.status);
  for (const t of changed) {
    const row = {
      task_name: t.taskName,
      log_group: t.logGroupName,
      from_ms: t.from,
      to_ms: t.to,
      destination: t.destination,
      destination_prefix: t.destinationPrefix,
      status: t.status,
      created_at: t.createdAt,
      completed_at: t.completedAt,
      seen_at: now,
    };
    await db
      .insertInto('export_history')
      .values({ ...scope, task_id: t.taskId, ...row })
      .onConflict((oc) => oc.columns(['account', 'region', 'task_id']).doUpdateSet(row))
      .execute();
  }
  return changed.length;
}

/** One sync step; returns the number of AWS calls it made. */
export async function syncExportHistory(scope: Scope, now = Date.now()): Promise<number> {
  let calls = 0;
  const complete = (await stateGet(scope, 'history.complete')) === '1';
  // An unfinished first sync resumes from its stored token (AWS keeps tokens for 24 hours).
  let nextToken: string | undefined = complete
    ? undefined
    : ((await stateGet(scope, 'history.token')) ?? undefined);
  const seen = new Set<string>();
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    let out: DescribeExportTasksCommandOutput;
    try {
      out = await logsClient(scope).send(new DescribeExportTasksCommand({ nextToken, limit: PAGE }));
    } catch (err) {
      // An expired resume token: start again from the newest (already stored tasks cost nothing to see again).
      if (nextToken && !complete) {
        await stateSet(scope, 'history.token', null);
        nextToken = undefined;
        calls++;
        continue;
      }
      throw err;
    }
    calls++;
    const tasks = (out.exportTasks ?? []).map(toExportTask).filter((t) => t.taskId !== '');
    for (const t of tasks) seen.add(t.taskId);
    const changed = await storeTasks(scope, tasks, now);
    nextToken = out.nextToken ?? undefined;
    if (!nextToken) {
      await stateSet(scope, 'history.complete', '1');
      await stateSet(scope, 'history.token', null);
      break;
    }
    if (complete && changed === 0) break;
    if (!complete) await stateSet(scope, 'history.token', nextToken);
  }
  // Tasks held as still moving that the pages read did not show: ask for each (usually none or one).
  const db = await getDb();
  const moving = await db
    .selectFrom('export_history')
    .select('task_id')
    .where('account', '=', scope.account)
    .where('region', '=', scope.region)
    .where('status', 'in', ['PENDING', 'RUNNING', 'PENDING_CANCEL'])
    .execute();
  for (const { task_id } of moving) {
    if (seen.has(task_id)) continue;
    const task = await describeExportTask(scope, task_id);
    calls++;
    if (task) await storeTasks(scope, [task], now);
  }
  return calls;
}

export type HistoryRow = {
  logGroup: string;
  from: number;
  to: number;
  status: string;
  taskId: string;
  taskName: string | null;
};

/** Exports of some log groups to one bucket from the mirror, for coverage and for "already archived". */
export async function historyFor(
  scope: Scope,
  logGroups: readonly string[],
  bucket: string,
): Promise<HistoryRow[]> {
  if (logGroups.length === 0) return [];
  const db = await getDb();
  const out: HistoryRow[] = [];
  for (let i = 0; i < logGroups.length; i += 500) {
    const rows = await db
      .selectFrom('export_history')
      .select(['log_group', 'from_ms', 'to_ms', 'status', 'task_id', 'task_name'])
      .where('account', '=', scope.account)
      .where('region', '=', scope.region)
      .where('destination', '=', bucket)
      .where('log_group', 'in', logGroups.slice(i, i + 500))
      .execute();
    for (const r of rows)
      out.push({
        logGroup: r.log_group,
        from: r.from_ms,
        to: r.to_ms,
        status: r.status,
        taskId: r.task_id,
        taskName: r.task_name,
      });
  }
  return out;
}
