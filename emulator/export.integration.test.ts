import { gunzipSync } from 'node:zlib';
import {
  CancelExportTaskCommand,
  CreateExportTaskCommand,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeExportTasksCommand,
  type ExportTask,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateBucketCommand,
  DeleteBucketPolicyCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recommendedPolicy } from './seed';
import { failure, sleep, startWithClients } from './test-clients';

const ACCOUNT = '123456789012';
let env: Awaited<ReturnType<typeof startWithClients>>;
const now = Date.now();
const base = now - 3_600_000;
const sent: Record<string, Array<{ timestamp: number; message: string }>> = {};

beforeAll(async () => {
  env = await startWithClients();
  const { logs, s3 } = env;
  await logs.send(new CreateLogGroupCommand({ logGroupName: 'app' }));
  // "big" has more events than one part file holds, so the export must split it.
  const streams = { 'web-1': 40, 'web-2': 25, big: 6200, 'worker/a:b': 0 } as Record<string, number>;
  for (const [name, count] of Object.entries(streams)) {
    const stream = name === 'worker/a:b' ? 'worker-1' : name;
    await logs.send(new CreateLogStreamCommand({ logGroupName: 'app', logStreamName: stream }));
    const events = Array.from({ length: count }, (_, i) => ({
      timestamp: base + i * 100,
      message: `${stream} event ${i} ✓`,
    }));
    sent[stream] = events;
    for (let i = 0; i < events.length; i += 5000) {
      await logs.send(
        new PutLogEventsCommand({
          logGroupName: 'app',
          logStreamName: stream,
          logEvents: events.slice(i, i + 5000),
        }),
      );
    }
  }
  const bucket = async (name: string, region: string, policy?: string) => {
    const s3r = region === 'us-east-2' ? s3 : env.clients(region).s3;
    await s3r.send(
      new CreateBucketCommand({
        Bucket: name,
        CreateBucketConfiguration: { LocationConstraint: region as 'us-east-2' },
      }),
    );
    if (policy) await s3r.send(new PutBucketPolicyCommand({ Bucket: name, Policy: policy }));
  };
  await bucket('exports', 'us-east-2', recommendedPolicy('exports', 'us-east-2', ACCOUNT));
  await bucket('no-policy', 'us-east-2');
  await bucket('west', 'us-west-2', recommendedPolicy('west', 'us-west-2', ACCOUNT));
  await bucket(
    'wrong-region-policy',
    'us-east-2',
    recommendedPolicy('wrong-region-policy', 'us-west-2', ACCOUNT),
  );
  await bucket('other-account', 'us-east-2', recommendedPolicy('other-account', 'us-east-2', '999999999999'));
  const deny = JSON.parse(recommendedPolicy('denied', 'us-east-2', ACCOUNT)) as { Statement: unknown[] };
  deny.Statement.push({
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:Put*',
    Resource: 'arn:aws:s3:::denied/secret/*',
  });
  await bucket('denied', 'us-east-2', JSON.stringify(deny));
});
afterAll(() => env.emulator.close());

async function describeTask(taskId: string): Promise<ExportTask> {
  const out = await env.logs.send(new DescribeExportTasksCommand({ taskId }));
  const task = out.exportTasks?.[0];
  if (!task) throw new Error(`task ${taskId} not found`);
  return task;
}

async function waitFinal(taskId: string): Promise<{ task: ExportTask; seen: string[] }> {
  const seen: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const task = await describeTask(taskId);
    const code = task.status?.code ?? '';
    if (seen.at(-1) !== code) seen.push(code);
    if (['COMPLETED', 'FAILED', 'CANCELLED'].includes(code)) return { task, seen };
    await sleep(20);
  }
  throw new Error('task did not finish');
}

async function waitIdle() {
  for (let i = 0; i < 1000; i++) {
    const state = await env.admin('state');
    if (state.activeTask === null) return;
    await sleep(20);
  }
}

const create = (input: Partial<ConstructorParameters<typeof CreateExportTaskCommand>[0]> = {}) =>
  env.logs.send(
    new CreateExportTaskCommand({
      logGroupName: 'app',
      from: base,
      to: now,
      destination: 'exports',
      ...input,
    }),
  );

describe('CreateExportTask end to end', () => {
  beforeEach(waitIdle);

  it('moves PENDING → RUNNING → COMPLETED and writes every event, read back from S3', async () => {
    const from = base + 1000;
    const to = base + 600_000;
    const { taskId } = await create({ from, to, destinationPrefix: 'run1', taskName: 'full' });
    const first = await describeTask(taskId!);
    expect(first.status).toEqual({ code: 'PENDING' });
    expect(first.executionInfo?.completionTime).toBeUndefined();
    expect(first).toMatchObject({
      taskName: 'full',
      logGroupName: 'app',
      from,
      to,
      destination: 'exports',
      destinationPrefix: 'run1',
    });
    const { task, seen } = await waitFinal(taskId!);
    expect(seen).toEqual(['PENDING', 'RUNNING', 'COMPLETED']);
    expect(task.status).toEqual({ code: 'COMPLETED', message: 'Completed successfully' });
    expect(task.executionInfo?.completionTime).toBeGreaterThan(task.executionInfo?.creationTime ?? 0);

    const listed = await env.s3.send(new ListObjectsV2Command({ Bucket: 'exports', Prefix: 'run1/' }));
    const keys = (listed.Contents ?? []).map((o) => o.Key);
    expect(keys).toEqual(
      [
        'run1/aws-logs-write-test',
        `run1/${taskId}/big/000000.gz`,
        `run1/${taskId}/big/000001.gz`,
        `run1/${taskId}/web-1/000000.gz`,
        `run1/${taskId}/web-2/000000.gz`,
      ].sort(), // S3 lists keys in byte order; the task id decides where the probe falls.
    );
    const probe = await env.s3.send(
      new GetObjectCommand({ Bucket: 'exports', Key: 'run1/aws-logs-write-test' }),
    );
    expect(await probe.Body?.transformToString()).toBe('Permission Check Successful');

    for (const stream of ['big', 'web-1', 'web-2']) {
      const lines: string[] = [];
      for (const key of keys.filter((k) => k?.startsWith(`run1/${taskId}/${stream}/`))) {
        const obj = await env.s3.send(new GetObjectCommand({ Bucket: 'exports', Key: key }));
        const text = gunzipSync(Buffer.from(await obj.Body!.transformToByteArray())).toString('utf8');
        lines.push(...text.split('\n').filter((l) => l !== ''));
      }
      // from and to are inclusive: AWS exports nothing earlier than from and nothing later than to.
      const expected = (sent[stream] ?? [])
        .filter((e) => e.timestamp >= from && e.timestamp <= to)
        .map((e) => `${new Date(e.timestamp).toISOString()} ${e.message}`);
      expect(lines).toEqual(expected);
    }
    expect(sent.big?.some((e) => e.timestamp === to)).toBe(true);
  });

  it('exports only streams matching logStreamNamePrefix and uses the default prefix', async () => {
    const { taskId } = await create({ logStreamNamePrefix: 'web-1' });
    const { task } = await waitFinal(taskId!);
    expect(task.destinationPrefix).toBe('exportedlogs');
    const listed = await env.s3.send(
      new ListObjectsV2Command({ Bucket: 'exports', Prefix: `exportedlogs/${taskId}/` }),
    );
    expect((listed.Contents ?? []).map((o) => o.Key)).toEqual([`exportedlogs/${taskId}/web-1/000000.gz`]);
  });

  it('allows one active task per account, across Regions', async () => {
    const { taskId } = await create();
    expect(await failure(create())).toBe('LimitExceededException: Resource limit exceeded. (400)');
    const west = env.clients('us-west-2').logs;
    await west.send(new CreateLogGroupCommand({ logGroupName: 'west-app' }));
    expect(
      await failure(
        west.send(
          new CreateExportTaskCommand({ logGroupName: 'west-app', from: 1, to: 2, destination: 'west' }),
        ),
      ),
    ).toBe('LimitExceededException: Resource limit exceeded. (400)');
    await waitFinal(taskId!);
    const other = await west.send(
      new CreateExportTaskCommand({ logGroupName: 'west-app', from: 1, to: 2, destination: 'west' }),
    );
    expect(
      (await env.logs.send(new DescribeExportTasksCommand({ taskId: other.taskId }))).exportTasks,
    ).toEqual([]);
    const seenWest = await west.send(new DescribeExportTasksCommand({ taskId: other.taskId }));
    expect(seenWest.exportTasks?.[0]?.status?.code).toBe('PENDING');
  });

  it('answers AWS errors for bad input, missing resources, Regions and bucket policies', async () => {
    expect(await failure(create({ from: now, to: now }))).toMatch(
      /^InvalidParameterException: .*Please make sure the values are within the retention period of the log groups and from value is lesser than the to value \(400\)$/,
    );
    expect(await failure(create({ from: -5 }))).toMatch(/^InvalidParameterException: /);
    expect(await failure(create({ logGroupName: 'nope' }))).toBe(
      'ResourceNotFoundException: The specified log group does not exist. (400)',
    );
    expect(await failure(create({ destination: 'no-such-bucket' }))).toBe(
      'InvalidParameterException: The given bucket does not exist. Please make sure the bucket is valid. (400)',
    );
    expect(await failure(create({ destination: 'west' }))).toMatch(
      /^InvalidParameterException: .*us-west-2.*same region/,
    );
    const aclMessage =
      'InvalidParameterException: GetBucketAcl call on the given bucket failed. Please check if CloudWatch Logs has been granted permission to perform this operation. (400)';
    expect(await failure(create({ destination: 'no-policy' }))).toBe(aclMessage);
    expect(await failure(create({ destination: 'wrong-region-policy' }))).toBe(aclMessage);
    expect(await failure(create({ destination: 'other-account' }))).toBe(aclMessage);
    expect(await failure(create({ destination: 'denied', destinationPrefix: 'secret/logs' }))).toBe(
      'InvalidParameterException: Please ensure that the CreateExportTask caller has been granted s3:PutObject access to the bucket. (400)',
    );
    expect(await failure(create({ destination: 'denied', destinationPrefix: 'x'.repeat(1000) }))).toMatch(
      /1024 bytes/,
    );
    expect(await failure(create({ logGroupName: 'a:b' }))).toMatch(/regular expression pattern/);
    const { taskId } = await create({ destination: 'denied', destinationPrefix: 'public' });
    await waitFinal(taskId!);
  });

  it('cancels PENDING and RUNNING tasks through PENDING_CANCEL, and refuses the rest', async () => {
    const { taskId } = await create({ destinationPrefix: 'cancelled' });
    await env.logs.send(new CancelExportTaskCommand({ taskId }));
    expect((await describeTask(taskId!)).status?.code).toBe('PENDING_CANCEL');
    const { task, seen } = await waitFinal(taskId!);
    expect(seen.at(-1)).toBe('CANCELLED');
    expect(task.executionInfo?.completionTime).toBeDefined();
    await sleep(400);
    const listed = await env.s3.send(new ListObjectsV2Command({ Bucket: 'exports', Prefix: 'cancelled/' }));
    expect((listed.Contents ?? []).map((o) => o.Key)).toEqual(['cancelled/aws-logs-write-test']);
    expect(await failure(env.logs.send(new CancelExportTaskCommand({ taskId })))).toBe(
      'InvalidOperationException: The specified export task has already finished (400)',
    );
    expect(await failure(env.logs.send(new CancelExportTaskCommand({ taskId: 'f00d' })))).toBe(
      'ResourceNotFoundException: The specified export task does not exist. (400)',
    );
    const running = await create();
    for (let i = 0; i < 500 && (await describeTask(running.taskId!)).status?.code === 'PENDING'; i++)
      await sleep(20);
    expect((await describeTask(running.taskId!)).status).toEqual({
      code: 'RUNNING',
      message: 'Started Successfully',
    });
    await env.logs.send(new CancelExportTaskCommand({ taskId: running.taskId }));
    expect((await waitFinal(running.taskId!)).task.status?.code).toBe('CANCELLED');
  });

  it('fails a running task whose bucket policy is removed midway', async () => {
    const { taskId } = await create({ destinationPrefix: 'midway' });
    await env.s3.send(new DeleteBucketPolicyCommand({ Bucket: 'exports' }));
    const { task } = await waitFinal(taskId!);
    await env.s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'exports',
        Policy: recommendedPolicy('exports', 'us-east-2', ACCOUNT),
      }),
    );
    expect(task.status?.code).toBe('FAILED');
    expect(task.status?.message).toMatch(/Please check if CloudWatch Logs has been granted permission/);
    const listed = await env.s3.send(
      new ListObjectsV2Command({ Bucket: 'exports', Prefix: `midway/${taskId}` }),
    );
    expect(listed.KeyCount).toBe(0);
  });
});
