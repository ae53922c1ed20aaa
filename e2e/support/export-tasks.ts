import {
  CancelExportTaskCommand,
  CloudWatchLogsClient,
  CreateExportTaskCommand,
  DescribeExportTasksCommand,
  type ExportTask,
} from '@aws-sdk/client-cloudwatch-logs';
import { expect } from '@playwright/test';
import { E2E } from './env';

/**
 * What the e2e specs do behind the page's back: the real AWS SDK against the test emulator (as another team
 * member's CLI would), and the emulator's admin endpoints for timings and bulk history.
 */
export function logs(region = E2E.region): CloudWatchLogsClient {
  return new CloudWatchLogsClient({
    region,
    endpoint: E2E.emulatorUrl,
    credentials: {
      accessKeyId: E2E.appEnv.AWS_ACCESS_KEY_ID ?? '',
      secretAccessKey: E2E.appEnv.AWS_SECRET_ACCESS_KEY ?? '',
    },
    maxAttempts: 1,
  });
}

export async function emulatorAdmin<T = Record<string, unknown>>(route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${E2E.emulatorUrl}/_emulator/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator ${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Export timings for the next tasks (AWS takes minutes; tests choose how long each state lasts). */
export function setExportTimings(timings: { pendingMs?: number; runningMs?: number; cancelMs?: number }) {
  return emulatorAdmin('config', timings);
}

export function restoreExportTimings() {
  return setExportTimings({
    pendingMs: Number(E2E.emulatorEnv.EMULATOR_EXPORT_PENDING_MS ?? 1500),
    runningMs: Number(E2E.emulatorEnv.EMULATOR_EXPORT_RUNNING_MS ?? 2500),
    cancelMs: 1000,
  });
}

export async function describeTask(taskId: string, region = E2E.region): Promise<ExportTask | undefined> {
  const out = await logs(region).send(new DescribeExportTasksCommand({ taskId }));
  return out.exportTasks?.[0];
}

export async function waitForStatus(taskId: string, status: string, timeout = 30_000): Promise<void> {
  await expect.poll(async () => (await describeTask(taskId))?.status?.code, { timeout }).toBe(status);
}

/**
 * The account allows one active export: wait for whatever another test left running to finish, and cancel it
 * if it will not (the suite runs one test at a time, so nothing else still needs it).
 */
export async function freeExportSlot(region = E2E.region): Promise<void> {
  const client = logs(region);
  const active = async () => {
    for (const statusCode of ['PENDING', 'RUNNING'] as const) {
      const out = await client.send(new DescribeExportTasksCommand({ statusCode, limit: 1 }));
      const task = out.exportTasks?.[0];
      if (task?.taskId) return task.taskId;
    }
    return null;
  };
  const deadline = Date.now() + 15_000;
  let taskId = await active();
  while (taskId && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    taskId = await active();
  }
  if (taskId) await client.send(new CancelExportTaskCommand({ taskId })).catch(() => undefined);
}

/** Starts an export the way the AWS CLI would (one day of a seeded log group to the seeded good bucket). */
export async function createTask(
  options: { taskName?: string; logGroupName?: string } = {},
): Promise<string> {
  await freeExportSlot();
  const now = Date.now();
  const out = await logs().send(
    new CreateExportTaskCommand({
      taskName: options.taskName,
      logGroupName: options.logGroupName ?? '/aws/lambda/orders-api',
      from: now - 86_400_000,
      to: now,
      destination: 'logport-exports',
    }),
  );
  if (!out.taskId) throw new Error('no task id');
  return out.taskId;
}

/** Every task id in the Region, newest first, as AWS pages them (50 at a time). */
export async function allTaskIds(
  options: { statusCode?: string } = {},
  region = E2E.region,
): Promise<string[]> {
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const out = await logs(region).send(
      new DescribeExportTasksCommand({
        nextToken,
        limit: 50,
        ...(options.statusCode ? { statusCode: options.statusCode as 'COMPLETED' } : {}),
      }),
    );
    ids.push(...(out.exportTasks ?? []).map((t) => t.taskId ?? ''));
    nextToken = out.nextToken;
  } while (nextToken);
  return ids;
}
