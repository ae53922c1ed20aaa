import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateExportTaskCommand,
  CreateLogGroupCommand,
  DescribeExportTasksCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { GetBucketEncryptionCommand, GetObjectCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, sleep, startWithClients } from './test-clients';

let env: Awaited<ReturnType<typeof startWithClients>>;
beforeAll(async () => {
  env = await startWithClients();
});
afterAll(() => env.emulator.close());

describe('admin endpoint', () => {
  it('reports health and counts requests per operation', async () => {
    expect(await env.admin('health')).toMatchObject({
      ok: true,
      accountId: '123456789012',
      pid: process.pid,
    });
    await env.admin('stats/reset', {});
    await env.logs.send(new DescribeExportTasksCommand({}));
    await env.logs.send(new DescribeExportTasksCommand({}));
    await env.s3.send(new ListBucketsCommand({}));
    expect(await env.admin('stats')).toEqual({ 'logs:DescribeExportTasks': 2, 's3:ListBuckets': 1 });
  });

  it('injects throttling, server errors and latency, optionally per operation', async () => {
    await env.admin('faults', { throttleRate: 1 });
    expect(await failure(env.logs.send(new DescribeExportTasksCommand({})))).toBe(
      'ThrottlingException: Rate exceeded (400)',
    );
    expect(await failure(env.s3.send(new ListBucketsCommand({})))).toMatch(/^SlowDown: .*\(503\)$/);
    await env.admin('faults', { errorRate: 1, operations: ['logs:CreateLogGroup'] });
    expect(await failure(env.logs.send(new CreateLogGroupCommand({ logGroupName: 'x' })))).toMatch(
      /^ServiceUnavailableException: .*\(500\)$/,
    );
    await env.logs.send(new DescribeExportTasksCommand({}));
    await env.admin('faults', { latencyMs: 150 });
    const started = Date.now();
    await env.logs.send(new DescribeExportTasksCommand({}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(await env.admin('faults', {})).toEqual({
      throttleRate: 0,
      errorRate: 0,
      lostResponseRate: 0,
      latencyMs: 0,
    });
  });

  it('loses responses: the change is made, the caller gets a 5xx', async () => {
    await env.admin('faults', { lostResponseRate: 1, operations: ['CreateLogGroup'] });
    expect(await failure(env.logs.send(new CreateLogGroupCommand({ logGroupName: 'lost-answer' })))).toMatch(
      /^ServiceUnavailableException: .*\(500\)$/,
    );
    // A refusal is AWS's real answer, not lost: the second create says the group exists.
    expect(await failure(env.logs.send(new CreateLogGroupCommand({ logGroupName: 'lost-answer' })))).toMatch(
      /^ResourceAlreadyExistsException/,
    );
    await env.admin('faults', {});
    const groups = await env.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'lost-answer' }));
    expect(groups.logGroups?.map((g) => g.logGroupName)).toEqual(['lost-answer']);
  });

  it('becomes unreachable (connections refused) and comes back with its state', async () => {
    await env.logs.send(new CreateLogGroupCommand({ logGroupName: 'survives-outage' }));
    const networkError = () =>
      env.logs.send(new DescribeLogGroupsCommand({})).then(
        () => 'answered',
        (err: { code?: string; cause?: { code?: string } }) => err.code ?? err.cause?.code ?? String(err),
      );
    await env.emulator.setReachable(false);
    try {
      expect(env.emulator.reachable).toBe(false);
      // A pooled connection may learn of the cut on its first write; a new one is refused.
      expect(await networkError()).toMatch(/^(ECONNRESET|ECONNREFUSED)$/);
      expect(await networkError()).toBe('ECONNREFUSED');
    } finally {
      await env.emulator.setReachable(true);
    }
    const groups = await env.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'survives' }));
    expect(groups.logGroups?.map((g) => g.logGroupName)).toEqual(['survives-outage']);
  });

  // How fast seeding is belongs to the benchmarks (bench/), not to a timed test.
  it('seeds realistic data, with buckets for every policy case and a finished history', async () => {
    const seeded = await env.admin('seed', {});
    expect(seeded).toMatchObject({ ok: true, region: 'us-east-2', secondaryRegion: 'us-west-2', buckets: 6 });
    const groups = await env.logs.send(new DescribeLogGroupsCommand({ logGroupNamePattern: 'orders-api' }));
    expect(groups.logGroups?.[0]?.logGroupName).toBe('/aws/lambda/orders-api');
    expect(groups.logGroups?.[0]?.storedBytes).toBeGreaterThan(1_000_000);
    const streams = await env.logs.send(new DescribeLogStreamsCommand({ logGroupName: 'my-log-group' }));
    expect(streams.logStreams?.length).toBeGreaterThan(0);
    const buckets = await env.s3.send(new ListBucketsCommand({}));
    expect(buckets.Buckets?.map((b) => b.Name)).toEqual([
      'central-archive-use2',
      'central-archive-usw2',
      'logport-exports',
      'logport-exports-kms',
      'logport-exports-west',
      'my-exported-logs',
    ]);
    const kms = await env.s3.send(new GetBucketEncryptionCommand({ Bucket: 'logport-exports-kms' }));
    expect(
      kms.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm,
    ).toBe('aws:kms');
    const state = (await env.admin('state')) as {
      activeTask: unknown;
      regions: Record<string, { taskCount: number; tasks: Record<string, number> }>;
      buckets: Array<{ name: string; objects: number }>;
    };
    expect(state.activeTask).toBeNull();
    // The newest finished exports have their files, so a download can be tried right away.
    expect(state.buckets.find((b) => b.name === 'logport-exports')?.objects).toBeGreaterThan(2);
    const east = state.regions['us-east-2']!;
    expect(east.taskCount).toBeGreaterThanOrEqual(140);
    expect(Object.keys(east.tasks).sort()).toEqual(['CANCELLED', 'COMPLETED', 'FAILED']);
    const now = Date.now();
    const create = (destination: string) =>
      env.logs.send(
        new CreateExportTaskCommand({
          logGroupName: 'my-log-group',
          from: now - 86_400_000,
          to: now,
          destination,
        }),
      );
    expect(await failure(create('my-exported-logs'))).toMatch(
      /^InvalidParameterException: GetBucketAcl call/,
    );
    const { taskId } = await create('logport-exports-kms');
    for (let i = 0; i < 1000; i++) {
      const out = await env.logs.send(new DescribeExportTasksCommand({ taskId }));
      if (out.exportTasks?.[0]?.status?.code === 'COMPLETED') break;
      await sleep(20);
    }
    const probe = await env.s3.send(
      new GetObjectCommand({ Bucket: 'logport-exports-kms', Key: 'exportedlogs/aws-logs-write-test' }),
    );
    expect(await probe.Body?.transformToString()).toBe('Permission Check Successful');
  });

  it('creates thousands of historical tasks at once and resets everything', async () => {
    // Speed with 20,000 tasks is measured by bench/emulator-throughput.ts, not timed here.
    expect(
      await env.admin('export-tasks/bulk', { region: 'us-east-2', count: 20_000, statuses: ['COMPLETED'] }),
    ).toEqual({
      created: 20_000,
    });
    const page = await env.logs.send(new DescribeExportTasksCommand({ statusCode: 'RUNNING' }));
    expect(page.exportTasks).toEqual([]);
    await env.admin('reset', {});
    expect((await env.logs.send(new DescribeExportTasksCommand({}))).exportTasks).toEqual([]);
  });
});

describe('persistence', () => {
  it('keeps state across restarts in EMULATOR_STATE_FILE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'logport-emulator-'));
    const stateFile = join(dir, 'state.json');
    try {
      const first = await startWithClients({ stateFile });
      await first.logs.send(new CreateLogGroupCommand({ logGroupName: 'kept' }));
      await first.admin('export-tasks/bulk', { region: 'us-east-2', count: 3, logGroupName: 'kept' });
      await first.emulator.close();
      const second = await startWithClients({ stateFile });
      const groups = await second.logs.send(new DescribeLogGroupsCommand({}));
      expect(groups.logGroups?.map((g) => g.logGroupName)).toEqual(['kept']);
      expect((await second.logs.send(new DescribeExportTasksCommand({}))).exportTasks).toHaveLength(3);
      await second.emulator.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
