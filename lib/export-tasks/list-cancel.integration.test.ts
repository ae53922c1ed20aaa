import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateExportTaskCommand, DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '@/emulator/server';

// The real SDK against the emulator on a random port; the environment is set before the services load.
let emulator: RunningEmulator;
let dataDir: string;
let list: typeof import('./list');
let cancel: typeof import('./cancel');
let clients: typeof import('@/lib/aws/clients');
let audit: typeof import('@/lib/audit');
const region = 'us-east-2';
const caller = { name: 'olivia', role: 'operator' as const };

async function admin(route: string, body?: unknown) {
  const res = await fetch(`${emulator.url}/_emulator/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

async function createTask(): Promise<string> {
  const now = Date.now();
  const out = await clients.logsClient({ account: 'default', region: region }).send(
    new CreateExportTaskCommand({
      logGroupName: '/aws/lambda/orders-api',
      from: now - 86_400_000,
      to: now,
      destination: 'logport-exports',
    }),
  );
  return out.taskId ?? '';
}

async function statusOf(taskId: string): Promise<string | undefined> {
  const out = await clients
    .logsClient({ account: 'default', region: region })
    .send(new DescribeExportTasksCommand({ taskId }));
  return out.exportTasks?.[0]?.status?.code;
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: true, pendingMs: 300, runningMs: 300, cancelMs: 200 });
  dataDir = mkdtempSync(path.join(tmpdir(), 'logport-it-'));
  process.env.AWS_ENDPOINT_URL = emulator.url;
  process.env.AWS_ACCESS_KEY_ID = 'AKIAINTEGRATIONTEST0';
  process.env.AWS_SECRET_ACCESS_KEY = 'integration-test-secret-not-real';
  process.env.LOGPORT_DATA_DIR = dataDir;
  list = await import('./list');
  cancel = await import('./cancel');
  clients = await import('@/lib/aws/clients');
  audit = await import('@/lib/audit');
});

afterAll(async () => {
  await emulator?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  list.invalidateExportTasks();
  await admin('stats/reset', {});
});

describe('listExportTasks against the emulator', () => {
  it('20 concurrent identical requests cost AWS one DescribeExportTasks call', async () => {
    const pages = await Promise.all(Array.from({ length: 20 }, () => list.listExportTasks({ region })));
    const stats = await admin('stats');
    expect(stats['logs:DescribeExportTasks']).toBe(1);
    expect(pages[0]?.tasks).toHaveLength(50);
    expect(new Set(pages.map((p) => p)).size).toBe(1);
  });

  it('reuses the answer for a moment, and a change clears it', async () => {
    await list.listExportTasks({ region });
    await list.listExportTasks({ region });
    expect((await admin('stats'))['logs:DescribeExportTasks']).toBe(1);
    list.invalidateExportTasks({ account: 'default', region: region });
    await list.listExportTasks({ region });
    expect((await admin('stats'))['logs:DescribeExportTasks']).toBe(2);
  });

  it('pages newest first down to the oldest with nextToken', async () => {
    const seen: number[] = [];
    let nextToken: string | undefined;
    do {
      const page = await list.listExportTasks({ region, nextToken, limit: 50 });
      seen.push(...page.tasks.map((t) => t.createdAt ?? 0));
      nextToken = page.nextToken ?? undefined;
    } while (nextToken);
    expect(seen.length).toBeGreaterThan(100);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });
});

describe('cancelExport against the emulator', () => {
  it('cancels a pending task and records who did it', async () => {
    await admin('config', { pendingMs: 60_000, runningMs: 1_000 });
    const taskId = await createTask();
    const result = await cancel.cancelExport(caller, { account: 'default', region, taskId });
    expect(result).toEqual({ ok: true, data: { taskId } });
    expect(['PENDING_CANCEL', 'CANCELLED']).toContain(await statusOf(taskId));
    const entry = (await audit.listActivity({ action: 'export.cancel' }))[0];
    expect(entry).toMatchObject({ actor: 'olivia', target: taskId, outcome: 'ok', region });
  });

  it('a cancel whose answer AWS loses (the SDK retries into "already cancelling") still reports it done', async () => {
    await admin('config', { pendingMs: 60_000, runningMs: 1_000 });
    const taskId = await createTask();
    await admin('stats/reset', {});
    await admin('faults', { lostResponseRate: 1, operations: ['logs:CancelExportTask'] });
    const result = await cancel.cancelExport(caller, { account: 'default', region, taskId });
    await admin('faults', {});
    expect(result).toEqual({ ok: true, data: { taskId } });
    // The lost answer, then the SDK's retry that AWS refuses (already cancelling).
    expect((await admin('stats'))['logs:CancelExportTask']).toBe(2);
    expect(['PENDING_CANCEL', 'CANCELLED']).toContain(await statusOf(taskId));
  });

  it('says a finished task already finished, in a key the browser can show', async () => {
    await admin('config', { pendingMs: 100, runningMs: 100 });
    const taskId = await createTask();
    await expect.poll(() => statusOf(taskId), { timeout: 5_000 }).toBe('COMPLETED');
    const result = await cancel.cancelExport(caller, { account: 'default', region, taskId });
    expect(result).toMatchObject({ ok: false, error: 'taskAlreadyFinished' });
    expect(JSON.stringify(result)).not.toMatch(/InvalidOperation|specified export task/);
    expect((await audit.listActivity({ action: 'export.cancel' }))[0]).toMatchObject({
      target: taskId,
      outcome: 'error',
    });
  });

  it('says an unknown task does not exist', async () => {
    const result = await cancel.cancelExport(caller, { account: 'default', region, taskId: 'no-such-task' });
    expect(result).toMatchObject({ ok: false, error: 'taskNotFound' });
  });
});
