import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import {
  CloudWatchLogsClient,
  CreateExportTaskCommand,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Logport against a real backend that is not quite AWS: moto's server (moto 5). It ignores statusCode and
 * limit, sends no executionInfo, answers an unknown task id with ResourceNotFoundException, lists tasks
 * oldest first, marks a task it cannot run "active", and writes files under a folder of its own. History,
 * details, the preflight's active check and the queue's must all still work.
 */
const region = 'us-east-1';
const group = '/moto/orders';
const bucket = 'moto-exports';
let moto: ChildProcess | null = null;
let endpoint = '';
let list: typeof import('./list');
let preflight: typeof import('@/lib/preflight');
const created: string[] = [];

const hasMoto = (() => {
  try {
    execFileSync('python3', ['-c', 'import moto.server'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const credentials = { accessKeyId: 'AKIAMOTOTEST00000000', secretAccessKey: 'moto-secret-not-real' };

beforeAll(async () => {
  if (!hasMoto) return;
  const port = await freePort();
  endpoint = `http://127.0.0.1:${port}`;
  moto = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).status < 500) break;
    } catch {
      // not listening yet
    }
    if (i > 120) throw new Error('moto.server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 500));
  }
  process.env.AWS_ENDPOINT_URL = endpoint;
  process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
  process.env.AWS_REGION = region;
  process.env.LOGPORT_REGIONS = region;
  list = await import('./list');
  preflight = await import('@/lib/preflight');

  const logs = new CloudWatchLogsClient({ region, endpoint, credentials });
  const s3 = new S3Client({ region, endpoint, credentials, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 'web-1' }));
  const now = Date.now();
  await logs.send(
    new PutLogEventsCommand({
      logGroupName: group,
      logStreamName: 'web-1',
      logEvents: [{ timestamp: now - 60_000, message: 'hello from moto' }],
    }),
  );
  // Three finished exports (moto runs them at once), oldest first.
  for (const name of ['first', 'second', 'third']) {
    const out = await logs.send(
      new CreateExportTaskCommand({
        taskName: name,
        logGroupName: group,
        from: now - 3_600_000,
        to: now,
        destination: bucket,
      }),
    );
    created.push(out.taskId ?? '');
  }
}, 90_000);

afterAll(() => {
  moto?.kill('SIGTERM');
});

describe.skipIf(!hasMoto)('Logport against moto', () => {
  it('lists the history newest first, with the missing times as unknown (null), not guessed', async () => {
    const page = await list.listExportTasks({ region });
    expect(page.tasks.map((t) => t.taskName)).toEqual(['third', 'second', 'first']);
    for (const task of page.tasks) {
      expect(task.status).toBe('COMPLETED');
      expect(task.createdAt).toBeNull();
      expect(task.completedAt).toBeNull();
      expect(task.destinationPrefix).toBe('exportedlogs');
    }
  });

  it('does not show finished tasks under a status filter moto ignores', async () => {
    expect((await list.listExportTasks({ region, statusCode: 'RUNNING' })).tasks).toEqual([]);
    expect((await list.listExportTasks({ region, statusCode: 'COMPLETED' })).tasks).toHaveLength(3);
  });

  it('details: a known id is that task; an unknown id is not found (moto answers with an error)', async () => {
    const task = await list.getExportTask({ account: 'default', region: region }, created[1] ?? '');
    expect(task?.taskName).toBe('second');
    expect(
      await list.getExportTask(
        { account: 'default', region: region },
        '00000000-0000-4000-8000-000000000000',
      ),
    ).toBeNull();
    expect(
      await list.describeExportTask(
        { account: 'default', region: region },
        '00000000-0000-4000-8000-000000000000',
      ),
    ).toBeNull();
  });

  it('the queue’s active check and the preflight are not blocked by finished tasks', async () => {
    // The queue asks fresh; the preflight through the shared answers.
    expect(await list.findActiveExportTask('default', [region], { fresh: true })).toBeNull();
    expect(await list.findActiveExportTask('default', [region])).toBeNull();
    const result = await preflight.runPreflight({
      account: 'default',
      region,
      bucket,
      prefix: 'exportedlogs',
      logGroupNames: [group],
      mode: 'launch',
    });
    expect(result.checks.find((c) => c.id === 'active')).toMatchObject({
      verdict: 'pass',
      code: 'noActiveExport',
    });
  });

  it('a status of moto’s own ("active") is UNKNOWN and blocks nothing', async () => {
    const logs = new CloudWatchLogsClient({ region, endpoint, credentials });
    const now = Date.now();
    // moto leaves a task whose range is backwards "active" forever (AWS would refuse it).
    const out = await logs.send(
      new CreateExportTaskCommand({
        taskName: 'stuck',
        logGroupName: group,
        from: now,
        to: now - 1,
        destination: bucket,
      }),
    );
    list.invalidateExportTasks();
    const page = await list.listExportTasks({ region });
    expect(page.tasks[0]).toMatchObject({ taskId: out.taskId, taskName: 'stuck', status: 'UNKNOWN' });
    expect(await list.findActiveExportTask('default', [region], { fresh: true })).toBeNull();
  });
});
