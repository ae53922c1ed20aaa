import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  GetLogEventsCommand,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startWithClients } from './test-clients';

let env: Awaited<ReturnType<typeof startWithClients>>;
beforeAll(async () => {
  env = await startWithClients();
});
afterAll(() => env.emulator.close());

describe('CloudWatch Logs log groups, streams and events', () => {
  it('creates, lists with prefix, pattern and paging, and deletes groups', async () => {
    const { logs } = env;
    for (let i = 0; i < 5; i++)
      await logs.send(new CreateLogGroupCommand({ logGroupName: `/test/Group-${i}` }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'other' }));
    expect(await failure(logs.send(new CreateLogGroupCommand({ logGroupName: 'other' })))).toBe(
      'ResourceAlreadyExistsException: The specified log group already exists (400)',
    );
    const page1 = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/test/', limit: 2 }));
    expect(page1.logGroups?.map((g) => g.logGroupName)).toEqual(['/test/Group-0', '/test/Group-1']);
    const page2 = await logs.send(
      new DescribeLogGroupsCommand({ logGroupNamePrefix: '/test/', limit: 2, nextToken: page1.nextToken }),
    );
    expect(page2.logGroups?.map((g) => g.logGroupName)).toEqual(['/test/Group-2', '/test/Group-3']);
    const byPattern = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePattern: 'group-4' }));
    expect(byPattern.logGroups?.map((g) => g.logGroupName)).toEqual(['/test/Group-4']);
    const g = byPattern.logGroups?.[0];
    expect(g?.arn).toBe('arn:aws:logs:us-east-2:123456789012:log-group:/test/Group-4:*');
    expect(g?.storedBytes).toBe(0);
    expect(g?.logGroupClass).toBe('STANDARD');
    expect(typeof g?.creationTime).toBe('number');
    expect(
      await failure(
        logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'a', logGroupNamePattern: 'b' })),
      ),
    ).toMatch(
      /^InvalidParameterException: LogGroupNamePrefix and LogGroupNamePattern are mutually exclusive/,
    );
    expect(await failure(logs.send(new DescribeLogGroupsCommand({ limit: 51 })))).toBe(
      "InvalidParameterException: 1 validation error detected: Value '51' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50 (400)",
    );
    expect(await failure(logs.send(new DescribeLogGroupsCommand({ limit: 0 })))).toMatch(
      /greater than or equal to 1/,
    );
    await logs.send(new DeleteLogGroupCommand({ logGroupName: 'other' }));
    expect(await failure(logs.send(new DeleteLogGroupCommand({ logGroupName: 'other' })))).toBe(
      'ResourceNotFoundException: The specified log group does not exist. (400)',
    );
  });

  it('validates names and retention like the API model', async () => {
    const { logs } = env;
    expect(await failure(logs.send(new CreateLogGroupCommand({ logGroupName: 'bad name' })))).toBe(
      "InvalidParameterException: 1 validation error detected: Value 'bad name' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [.\\-_/#A-Za-z0-9]+ (400)",
    );
    expect(await failure(logs.send(new CreateLogGroupCommand({ logGroupName: 'x'.repeat(513) })))).toMatch(
      /Member must have length less than or equal to 512/,
    );
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'retained' }));
    await logs.send(new PutRetentionPolicyCommand({ logGroupName: 'retained', retentionInDays: 14 }));
    const out = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'retained' }));
    expect(out.logGroups?.[0]?.retentionInDays).toBe(14);
    expect(
      await failure(
        logs.send(new PutRetentionPolicyCommand({ logGroupName: 'retained', retentionInDays: 2 })),
      ),
    ).toMatch(/^InvalidParameterException: .*enum value set: \[1, 3, 5, 7, 14/);
  });

  it('stores events, counts storedBytes and reads them back in order', async () => {
    const { logs } = env;
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'events' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: 'events', logStreamName: 'a' }));
    expect(
      await failure(logs.send(new CreateLogStreamCommand({ logGroupName: 'events', logStreamName: 'a' }))),
    ).toBe('ResourceAlreadyExistsException: The specified log stream already exists (400)');
    const now = Date.now();
    const put = await logs.send(
      new PutLogEventsCommand({
        logGroupName: 'events',
        logStreamName: 'a',
        logEvents: [
          { timestamp: now - 3000, message: 'one' },
          { timestamp: now - 2000, message: 'two' },
        ],
      }),
    );
    expect(put.rejectedLogEventsInfo).toBeUndefined();
    const old = await logs.send(
      new PutLogEventsCommand({
        logGroupName: 'events',
        logStreamName: 'a',
        logEvents: [{ timestamp: now - 20 * 86_400_000, message: 'too old' }],
      }),
    );
    expect(old.rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 0 });
    expect(
      await failure(
        logs.send(
          new PutLogEventsCommand({
            logGroupName: 'events',
            logStreamName: 'a',
            logEvents: [
              { timestamp: now - 2 * 86_400_000, message: 'a' },
              { timestamp: now, message: 'b' },
            ],
          }),
        ),
      ),
    ).toMatch(/cannot span more than 24 hours/);
    expect(
      await failure(
        logs.send(
          new PutLogEventsCommand({
            logGroupName: 'events',
            logStreamName: 'zz',
            logEvents: [{ timestamp: now, message: 'x' }],
          }),
        ),
      ),
    ).toBe('ResourceNotFoundException: The specified log stream does not exist. (400)');
    const groups = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'events' }));
    expect(groups.logGroups?.[0]?.storedBytes).toBe(6);
    const streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: 'events' }));
    expect(streams.logStreams?.[0]).toMatchObject({
      logStreamName: 'a',
      firstEventTimestamp: now - 3000,
      lastEventTimestamp: now - 2000,
    });
    const events = await logs.send(
      new GetLogEventsCommand({ logGroupName: 'events', logStreamName: 'a', startFromHead: true, limit: 1 }),
    );
    expect(events.events?.map((e) => e.message)).toEqual(['one']);
    const next = await logs.send(
      new GetLogEventsCommand({
        logGroupName: 'events',
        logStreamName: 'a',
        nextToken: events.nextForwardToken,
        limit: 5,
      }),
    );
    expect(next.events?.map((e) => e.message)).toEqual(['two']);
    expect(
      await failure(
        logs.send(
          new DescribeLogStreamsCommand({
            logGroupName: 'events',
            orderBy: 'LastEventTime',
            logStreamNamePrefix: 'a',
          }),
        ),
      ),
    ).toMatch(/^InvalidParameterException: Cannot order by LastEventTime with a logStreamNamePrefix/);
  });

  it('rejects unsigned requests like AWS', async () => {
    const res = await fetch(env.emulator.url, {
      method: 'POST',
      headers: {
        'x-amz-target': 'Logs_20140328.DescribeLogGroups',
        'content-type': 'application/x-amz-json-1.1',
      },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
    const bad = await fetch(env.emulator.url, {
      method: 'POST',
      headers: {
        'x-amz-target': 'Logs_20140328.DescribeLogGroups',
        authorization: 'AWS4-HMAC-SHA256 nothing',
      },
      body: '{}',
    });
    expect(((await bad.json()) as { __type: string }).__type).toBe('IncompleteSignatureException');
  });
});
