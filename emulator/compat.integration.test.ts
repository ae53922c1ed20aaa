import {
  CreateExportTaskCommand,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeExportTasksCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, ListObjectsV2Command, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionsFromEnv } from './env';
import { recommendedPolicy } from './seed';
import { failure, startWithClients, waitForTask } from './test-clients';

// Compat `loose`: the emulator answers export tasks the way moto (and LocalStack, which uses moto) does, so
// Logport can be tested against a backend that is not quite AWS.

let env: Awaited<ReturnType<typeof startWithClients>>;
const now = Date.now();
const ids: string[] = [];

beforeAll(async () => {
  env = await startWithClients({ pendingMs: 50, runningMs: 100, compat: 'loose' });
  const { logs, s3 } = env;
  await s3.send(
    new CreateBucketCommand({
      Bucket: 'loose',
      CreateBucketConfiguration: { LocationConstraint: 'us-east-2' },
    }),
  );
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: 'loose',
      Policy: recommendedPolicy('loose', 'us-east-2', '123456789012'),
    }),
  );
  await logs.send(new CreateLogGroupCommand({ logGroupName: 'g' }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: 'g', logStreamName: 'web/1' }));
  await logs.send(
    new PutLogEventsCommand({
      logGroupName: 'g',
      logStreamName: 'web/1',
      logEvents: [{ timestamp: now - 60_000, message: 'x' }],
    }),
  );
  for (let i = 0; i < 3; i++) {
    const { taskId } = await logs.send(
      new CreateExportTaskCommand({
        logGroupName: 'g',
        from: now - 3_600_000,
        to: now,
        destination: 'loose',
        destinationPrefix: 'p',
      }),
    );
    ids.push(taskId!);
    await waitForTask(logs, taskId!);
  }
});
afterAll(() => env.emulator.close());

describe('compat loose (moto-like)', () => {
  it('is switched on by EMULATOR_COMPAT and shown by the config endpoint', async () => {
    expect(optionsFromEnv({ NODE_ENV: 'test', EMULATOR_COMPAT: 'loose' }).compat).toBe('loose');
    expect(optionsFromEnv({ NODE_ENV: 'test' }).compat).toBeUndefined();
    // The other new knob, for AssumeRole credentials' lifetime.
    expect(
      optionsFromEnv({ NODE_ENV: 'test', EMULATOR_ASSUME_ROLE_MAX_SECONDS: '301' }).assumeRoleMaxSeconds,
    ).toBe(301);
    expect(await env.admin('config')).toMatchObject({ compat: 'loose' });
  });

  it('ignores statusCode and limit, lists oldest first and leaves out executionInfo', async () => {
    const { logs } = env;
    const running = await logs.send(new DescribeExportTasksCommand({ statusCode: 'RUNNING', limit: 1 }));
    expect(running.exportTasks?.map((t) => t.taskId)).toEqual(ids);
    expect(running.nextToken).toBeUndefined();
    for (const t of running.exportTasks ?? []) {
      expect(t.status?.code).toBe('COMPLETED');
      expect(t.executionInfo).toBeUndefined();
    }
  });

  it('answers an unknown taskId with an error, as moto does', async () => {
    expect(
      await failure(
        env.logs.send(new DescribeExportTasksCommand({ taskId: '00000000-0000-4000-8000-000000000000' })),
      ),
    ).toBe('ResourceNotFoundException: The specified log group does not exist. (400)');
    expect(
      (await env.logs.send(new DescribeExportTasksCommand({ taskId: ids[0] }))).exportTasks,
    ).toHaveLength(1);
  });

  it('writes objects where moto does: a fresh folder per stream, not the task id', async () => {
    const keys =
      (await env.s3.send(new ListObjectsV2Command({ Bucket: 'loose' }))).Contents?.map((o) => o.Key ?? '') ??
      [];
    expect(keys).toContain('aws-logs-write-test');
    const parts = keys.filter((k) => k.endsWith('.gz'));
    expect(parts).toHaveLength(3);
    for (const key of parts) expect(key).toMatch(/^p\/[0-9a-f-]{36}\/web-1\/000000\.gz$/);
    for (const id of ids) expect(parts.some((k) => k.includes(id))).toBe(false);
  });

  it('goes back to AWS’s answers when switched to faithful', async () => {
    await env.admin('config', { compat: 'faithful' });
    const page = await env.logs.send(new DescribeExportTasksCommand({ limit: 1 }));
    expect(page.exportTasks?.map((t) => t.taskId)).toEqual([ids[2]]);
    expect(page.exportTasks?.[0]?.executionInfo?.completionTime).toBeGreaterThan(0);
    expect(page.nextToken).toBeDefined();
    expect(
      (await env.logs.send(new DescribeExportTasksCommand({ statusCode: 'RUNNING' }))).exportTasks,
    ).toEqual([]);
    expect(
      (
        await env.logs.send(
          new DescribeExportTasksCommand({ taskId: '00000000-0000-4000-8000-000000000000' }),
        )
      ).exportTasks,
    ).toEqual([]);
    expect(await failure(env.admin('config', { compat: 'sloppy' }))).toMatch(/compat must be/);
    await env.admin('config', { compat: 'loose' });
  });
});
