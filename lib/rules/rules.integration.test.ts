import {
  CreateExportTaskCommand,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeExportTasksCommand,
  type ExportTask,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, ListObjectsV2Command, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recommendedPolicy } from '@/emulator/seed';
import { startWithClients, waitForTask } from '@/emulator/test-clients';
import { makeTempDataDir } from '@/lib/queue/test-support';

// Rules end to end against the emulator: the real scheduler, queue worker and SDK, a fast clock-free loop.
const env = await startWithClients({ seed: true, pendingMs: 60, runningMs: 120, cancelMs: 40 });
Object.assign(process.env, {
  AWS_ENDPOINT_URL: env.emulator.url,
  AWS_REGION: 'us-east-2',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
  LOGPORT_REGIONS: 'us-east-2',
});
makeTempDataDir();
const { saveRule } = await import('./service');
const { schedulerTick } = await import('./scheduler');
const { QueueWorker } = await import('@/lib/queue/worker');
const { coverageOverview } = await import('@/lib/coverage/service');

const ADMIN = { name: 'ada', role: 'admin' as const };
const DAY = 86_400_000;
const BUCKET = 'rules-it-archive';
const GROUPS = ['/rules-it/api', '/rules-it/worker', '/rules-it/tagged'];
const scope = { account: 'default', region: 'us-east-2' };
const today = Math.floor(Date.now() / DAY) * DAY;
const firstDay = today - 3 * DAY;
const ymd = (t: number) => new Date(t).toISOString().slice(0, 10);

async function allTasks(): Promise<ExportTask[]> {
  const out: ExportTask[] = [];
  let nextToken: string | undefined;
  do {
    const page = await env.logs.send(new DescribeExportTasksCommand({ limit: 50, nextToken }));
    out.push(...(page.exportTasks ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

/** The scheduler and the worker, in turn, until nothing is left to enqueue or run. */
async function drain(): Promise<void> {
  const worker = new QueueWorker({ pollMs: 30, regions: async () => ['us-east-2'] });
  try {
    for (let round = 0; round < 20; round++) {
      const { enqueued } = await schedulerTick(scope);
      const result = await worker.runUntilIdle(60_000);
      if (enqueued === 0 && result === 'idle') return;
    }
    throw new Error('rules did not settle');
  } finally {
    await worker.stop();
  }
}

beforeAll(async () => {
  const { logs, s3 } = env;
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: BUCKET,
      Policy: recommendedPolicy(BUCKET, 'us-east-2', '123456789012'),
    }),
  );
  for (const name of GROUPS) {
    await logs.send(
      new CreateLogGroupCommand({
        logGroupName: name,
        ...(name.endsWith('tagged') ? { tags: { 'it-archive': 'yes' } } : {}),
      }),
    );
    await logs.send(new CreateLogStreamCommand({ logGroupName: name, logStreamName: 'main' }));
    // A batch may not span more than 24 hours (AWS's rule, and the emulator's): one call per day.
    for (let d = 0; d < 4; d++) {
      const events = Array.from({ length: 12 }, (_, h) => ({
        timestamp: firstDay + d * DAY + h * 7_200_000 + 1_000,
        message: `${name} day ${d} hour ${h * 2}`,
      }));
      await logs.send(
        new PutLogEventsCommand({ logGroupName: name, logStreamName: 'main', logEvents: events }),
      );
    }
  }
});

afterAll(async () => {
  await env.emulator.close();
});

describe('continuous export rules against the emulator', () => {
  it('a daily rule over 3 groups (one by tag) with a 3-day backfill exports each window once, and an outside export counts', async () => {
    // Someone exported the first day of /rules-it/api by hand, to the same bucket: archived already.
    const outside = await env.logs.send(
      new CreateExportTaskCommand({
        taskName: 'by-hand',
        logGroupName: GROUPS[0],
        from: firstDay,
        to: firstDay + DAY - 1,
        destination: BUCKET,
        destinationPrefix: 'manual',
      }),
    );
    await waitForTask(env.logs, outside.taskId ?? '');

    const common = {
      region: 'us-east-2',
      exclude: [],
      bucket: BUCKET,
      prefixTemplate: 'logs/{logGroup}/{yyyy}/{mm}/{dd}',
      every: 'day',
      timeZone: 'UTC',
      settleMinutes: 0,
      backfillFrom: ymd(firstDay),
    };
    const named = await saveRule(ADMIN, {
      ...common,
      name: 'named',
      logGroups: { names: GROUPS.slice(0, 2) },
    });
    const tagged = await saveRule(ADMIN, {
      ...common,
      name: 'tagged',
      logGroups: { tag: { key: 'it-archive', value: 'yes' } },
    });
    expect(named.ok && tagged.ok).toBe(true);

    await drain();

    const byRules = (await allTasks()).filter((t) => t.taskName !== 'by-hand' && t.destination === BUCKET);
    // 3 groups x 3 days, less the day exported by hand.
    expect(byRules).toHaveLength(8);
    const windows = byRules.map((t) => `${t.logGroupName}@${ymd(t.from ?? 0)}`);
    expect(new Set(windows).size).toBe(8);
    expect(windows).not.toContain(`${GROUPS[0]}@${ymd(firstDay)}`);
    expect(byRules.every((t) => t.status?.code === 'COMPLETED')).toBe(true);

    // Objects under the templated keys: logs/rules-it/worker/yyyy/mm/dd/<taskId>/main/000000.gz
    const day = new Date(firstDay + DAY);
    const prefix = `logs/rules-it/worker/${day.getUTCFullYear()}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${String(day.getUTCDate()).padStart(2, '0')}/`;
    const objects = await env.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
    expect((objects.Contents ?? []).some((o) => o.Key?.endsWith('/main/000000.gz'))).toBe(true);

    const overview = await coverageOverview({
      scope,
      from: firstDay,
      to: today - 1,
      unit: 'day',
    });
    const rows = overview.rows.filter((r) => GROUPS.includes(r.logGroup));
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.percent === 100)).toBe(true);

    // Another tick adds nothing: every window is in the ledger or covered.
    expect((await schedulerTick(scope)).enqueued).toBe(0);
  });
});
