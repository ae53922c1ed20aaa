import { gunzipSync } from 'node:zlib';
import {
  CreateExportTaskCommand,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteRetentionPolicyCommand,
  DescribeLogGroupsCommand,
  GetLogEventsCommand,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recommendedPolicy } from './seed';
import { failure, startWithClients, waitForTask } from './test-clients';

const DAY = 86_400_000;
const now = Date.now();
// One event 10 days old, one 5 days old, one an hour old (a PutLogEvents batch may not span 24 hours).
const EVENTS = [
  { timestamp: now - 10 * DAY, message: 'ten days ago' },
  { timestamp: now - 5 * DAY, message: 'five days ago' },
  { timestamp: now - 3_600_000, message: 'an hour ago' },
];
const bytes = (messages: string[]) => messages.reduce((n, m) => n + Buffer.byteLength(m), 0);

let env: Awaited<ReturnType<typeof startWithClients>>;
beforeAll(async () => {
  env = await startWithClients({ pendingMs: 50, runningMs: 100 });
  const { logs, s3 } = env;
  await s3.send(
    new CreateBucketCommand({
      Bucket: 'keep',
      CreateBucketConfiguration: { LocationConstraint: 'us-east-2' },
    }),
  );
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: 'keep',
      Policy: recommendedPolicy('keep', 'us-east-2', '123456789012'),
    }),
  );
  await logs.send(new CreateLogGroupCommand({ logGroupName: 'kept' }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: 'kept', logStreamName: 's' }));
  for (const e of EVENTS) {
    await logs.send(new PutLogEventsCommand({ logGroupName: 'kept', logStreamName: 's', logEvents: [e] }));
  }
});
afterAll(() => env.emulator.close());

const describeKept = async () =>
  (await env.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'kept' }))).logGroups?.[0];

async function exportLines(from: number, to: number, prefix: string): Promise<string[]> {
  const { taskId } = await env.logs.send(
    new CreateExportTaskCommand({
      logGroupName: 'kept',
      from,
      to,
      destination: 'keep',
      destinationPrefix: prefix,
    }),
  );
  expect((await waitForTask(env.logs, taskId!)).status?.code).toBe('COMPLETED');
  const listed = await env.s3.send(
    new ListObjectsV2Command({ Bucket: 'keep', Prefix: `${prefix}/${taskId}/` }),
  );
  const lines: string[] = [];
  for (const o of listed.Contents ?? []) {
    const obj = await env.s3.send(new GetObjectCommand({ Bucket: 'keep', Key: o.Key }));
    const text = gunzipSync(Buffer.from(await obj.Body!.transformToByteArray())).toString('utf8');
    lines.push(...text.trimEnd().split('\n'));
  }
  return lines.map((l) => l.slice(l.indexOf(' ') + 1));
}

describe('retention', () => {
  it('keeps everything without a retention policy', async () => {
    const group = await describeKept();
    expect(group?.retentionInDays).toBeUndefined();
    expect(group?.storedBytes).toBe(bytes(EVENTS.map((e) => e.message)));
    expect(await exportLines(now - 12 * DAY, now, 'all')).toEqual(EVENTS.map((e) => e.message));
  });

  it('deletes what a shorter retention no longer keeps: reads, storedBytes and exports agree', async () => {
    await env.logs.send(new PutRetentionPolicyCommand({ logGroupName: 'kept', retentionInDays: 7 }));
    const group = await describeKept();
    expect(group?.retentionInDays).toBe(7);
    expect(group?.storedBytes).toBe(bytes(['five days ago', 'an hour ago']));
    const read = await env.logs.send(
      new GetLogEventsCommand({ logGroupName: 'kept', logStreamName: 's', startFromHead: true }),
    );
    expect(read.events?.map((e) => e.message)).toEqual(['five days ago', 'an hour ago']);
    // A range reaching back before the retention exports only what is still kept.
    expect(await exportLines(now - 12 * DAY, now, 'partly-expired')).toEqual([
      'five days ago',
      'an hour ago',
    ]);
    // A range wholly before it completes with nothing to write.
    expect(await exportLines(now - 12 * DAY, now - 8 * DAY, 'wholly-expired')).toEqual([]);
  });

  it('removes the policy with DeleteRetentionPolicy; deleted events stay deleted', async () => {
    await env.logs.send(new DeleteRetentionPolicyCommand({ logGroupName: 'kept' }));
    const group = await describeKept();
    expect(group?.retentionInDays).toBeUndefined();
    expect(group?.storedBytes).toBe(bytes(['five days ago', 'an hour ago']));
    expect(await failure(env.logs.send(new DeleteRetentionPolicyCommand({ logGroupName: 'nope' })))).toBe(
      'ResourceNotFoundException: The specified log group does not exist. (400)',
    );
    expect(
      await failure(env.logs.send(new DeleteRetentionPolicyCommand({ logGroupName: 'bad name' }))),
    ).toMatch(/^InvalidParameterException: 1 validation error detected: Value 'bad name' at 'logGroupName'/);
  });
});
