import {
  CancelExportTaskCommand,
  CreateExportTaskCommand,
  DescribeExportTasksCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWithClients } from '@/emulator/test-clients';

// Exactly once when AWS's answer goes missing: the real lib/aws clients against the in-process emulator, whose
// `lostResponseRate` makes CreateExportTask create the task and then answer a 5xx.
let env: Awaited<ReturnType<typeof startWithClients>>;
let createExport: typeof import('./create').createExport;

beforeAll(async () => {
  env = await startWithClients({ seed: true, pendingMs: 30_000, runningMs: 30_000 });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: env.emulator.url,
    AWS_REGION: 'us-east-2',
    AWS_ACCESS_KEY_ID: 'AKIDCREATETEST000000',
    AWS_SECRET_ACCESS_KEY: 'not-a-real-secret',
    LOGPORT_REGIONS: 'us-east-2,us-west-2',
  });
  ({ createExport } = await import('./create'));
});

afterAll(async () => {
  await env?.emulator.close();
});

let serial = 0;
function request() {
  serial += 1;
  return {
    region: 'us-east-2',
    logGroupName: 'my-log-group',
    from: Date.now() - 2 * 86_400_000,
    to: Date.now() - 86_400_000,
    destination: 'logport-exports',
    destinationPrefix: 'exportedlogs',
    taskName: `once-${serial}-${Date.now()}`,
  };
}

async function tasksNamed(taskName: string): Promise<string[]> {
  const out = await env.logs.send(new DescribeExportTasksCommand({ limit: 50 }));
  return (out.exportTasks ?? []).filter((t) => t.taskName === taskName).map((t) => t.taskId ?? '');
}

async function creates(): Promise<number> {
  return ((await env.admin('stats')) as Record<string, number>)['logs:CreateExportTask'] ?? 0;
}

beforeEach(async () => {
  await env.admin('faults', {});
  // Free the account's one export slot for the next case.
  const active = await env.logs.send(new DescribeExportTasksCommand({ statusCode: 'PENDING' }));
  for (const t of active.exportTasks ?? [])
    await env.logs.send(new CancelExportTaskCommand({ taskId: t.taskId ?? '' }));
  await env.admin('stats/reset', {});
});

describe('createExport when AWS answers badly', () => {
  it('finds the task a lost answer created, reports it launched, and never sends the create twice', async () => {
    const req = request();
    await env.admin('faults', { lostResponseRate: 1, operations: ['logs:CreateExportTask'] });
    const result = await createExport(req);
    expect(result).toMatchObject({ ok: true, recovered: true });
    const ids = await tasksNamed(req.taskName);
    expect(ids).toHaveLength(1);
    expect(result.ok && result.taskId).toBe(ids[0]);
    expect(await creates()).toBe(1);
  });

  it('a 5xx before anything was made: one call, checked, "not launched" in plain words', async () => {
    const req = request();
    await env.admin('faults', { errorRate: 1, operations: ['logs:CreateExportTask'] });
    const result = await createExport(req);
    expect(result).toMatchObject({ ok: false, error: { code: 'awsUnavailable' } });
    expect(await tasksNamed(req.taskName)).toEqual([]);
    expect(await creates()).toBe(1);
  });

  it('throttling is retried (a throttled call did nothing), up to three attempts', async () => {
    const req = request();
    await env.admin('faults', { throttleRate: 1, operations: ['logs:CreateExportTask'] });
    const result = await createExport(req);
    expect(result).toMatchObject({ ok: false, error: { code: 'awsThrottled' } });
    expect(await creates()).toBe(3);
    expect(await tasksNamed(req.taskName)).toEqual([]);
  });

  it('AWS unreachable (connection refused): retried, nothing sent, "not launched" without a lookup', async () => {
    const req = request();
    await env.emulator.setReachable(false);
    // Let the client's pool notice its cut keep-alive connections: a request on one of those is ambiguous.
    await new Promise((r) => setTimeout(r, 200));
    let result: Awaited<ReturnType<typeof createExport>>;
    try {
      result = await createExport(req);
    } finally {
      await env.emulator.setReachable(true);
    }
    expect(result).toMatchObject({ ok: false, error: { code: 'awsUnreachable' } });
    expect(await tasksNamed(req.taskName)).toEqual([]);
  });

  it('a second launch of the very export that is active counts as that launch, not "another export"', async () => {
    const req = request();
    // The first launch reached AWS; its answer never reached the user, who launches again.
    const { taskId } = await env.logs.send(new CreateExportTaskCommand(req));
    const again = await createExport(req);
    expect(again).toEqual({ ok: true, taskId, recovered: true });
    // A different export at the same time is refused and named.
    const other = await createExport({ ...request(), taskName: 'someone-else' });
    expect(other).toMatchObject({
      ok: false,
      error: { code: 'exportLimitNamed', params: { taskId, name: req.taskName } },
    });
  });

  it('when the answer is lost and AWS cannot be asked either, it says the launch is unconfirmed', async () => {
    const req = request();
    // Lost answers for the create, a 5xx for every lookup after it.
    await env.admin('faults', [
      { lostResponseRate: 1, operations: ['logs:CreateExportTask'] },
      { errorRate: 1, operations: ['logs:DescribeExportTasks'] },
    ]);
    const result = await createExport(req);
    await env.admin('faults', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'launchUnconfirmed', params: { taskName: req.taskName } },
    });
    expect(await tasksNamed(req.taskName)).toHaveLength(1);
  });
});
