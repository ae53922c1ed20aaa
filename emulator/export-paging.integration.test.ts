import {
  CreateExportTaskCommand,
  CreateLogGroupCommand,
  DescribeExportTasksCommand,
  type ExportTask,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recommendedPolicy } from './seed';
import { failure, sleep, startWithClients } from './test-clients';

let env: Awaited<ReturnType<typeof startWithClients>>;

beforeAll(async () => {
  env = await startWithClients();
  await env.logs.send(new CreateLogGroupCommand({ logGroupName: 'app' }));
  await env.s3.send(
    new CreateBucketCommand({
      Bucket: 'exports',
      CreateBucketConfiguration: { LocationConstraint: 'us-east-2' },
    }),
  );
  await env.s3.send(
    new PutBucketPolicyCommand({
      Bucket: 'exports',
      Policy: recommendedPolicy('exports', 'us-east-2', '123456789012'),
    }),
  );
});
afterAll(() => env.emulator.close());

async function createAndFinish(): Promise<void> {
  const now = Date.now();
  const { taskId } = await env.logs.send(
    new CreateExportTaskCommand({ logGroupName: 'app', from: now - 60_000, to: now, destination: 'exports' }),
  );
  for (let i = 0; i < 1000; i++) {
    const out = await env.logs.send(new DescribeExportTasksCommand({ taskId }));
    if (out.exportTasks?.[0]?.status?.code === 'COMPLETED') return;
    await sleep(20);
  }
  throw new Error('task did not complete');
}

describe('DescribeExportTasks', () => {
  it('pages newest first with a nextToken that stays right while tasks arrive, and filters', async () => {
    await env.admin('export-tasks/bulk', {
      region: 'us-east-2',
      count: 130,
      logGroupName: 'app',
      destination: 'exports',
    });
    const all: ExportTask[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const out = await env.logs.send(new DescribeExportTasksCommand({ nextToken: token, limit: 50 }));
      all.push(...(out.exportTasks ?? []));
      token = out.nextToken;
      if (pages++ === 0) {
        await createAndFinish();
      }
    } while (token);
    const ids = all.map((t) => t.taskId);
    expect(new Set(ids).size).toBe(ids.length);
    const creation = all.map((t) => t.executionInfo?.creationTime ?? 0);
    expect(creation).toEqual([...creation].sort((a, b) => b - a));
    const fresh = await env.logs.send(new DescribeExportTasksCommand({}));
    expect(fresh.exportTasks).toHaveLength(50);
    expect(all.length + 1).toBe((await countAll()).length);

    const failed = await countAll('FAILED');
    expect(failed.every((t) => t.status?.code === 'FAILED')).toBe(true);
    const state = (await env.admin('state')) as {
      regions: Record<string, { tasks: Record<string, number> }>;
    };
    expect(failed.length).toBe(state.regions['us-east-2']?.tasks.FAILED ?? 0);
    expect(await failure(env.logs.send(new DescribeExportTasksCommand({ limit: 51 })))).toMatch(
      /less than or equal to 50/,
    );
    expect(
      await failure(env.logs.send(new DescribeExportTasksCommand({ statusCode: 'DONE' as 'FAILED' }))),
    ).toMatch(/enum value set/);
    expect(
      (await env.logs.send(new DescribeExportTasksCommand({ taskId: 'unknown-id' }))).exportTasks,
    ).toEqual([]);
  });
});

async function countAll(statusCode?: 'FAILED'): Promise<ExportTask[]> {
  const out: ExportTask[] = [];
  let token: string | undefined;
  do {
    const page = await env.logs.send(new DescribeExportTasksCommand({ nextToken: token, statusCode }));
    out.push(...(page.exportTasks ?? []));
    token = page.nextToken;
  } while (token);
  return out;
}
