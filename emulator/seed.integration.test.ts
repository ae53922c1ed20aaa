import {
  CreateExportTaskCommand,
  DescribeExportTasksCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { GetBucketPolicyCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startWithClients, waitForTask } from './test-clients';

// The sample estate: the seed's own account (unchanged, plus tags and the central archive buckets), and the
// member accounts prod and staging reached through their LogportExporter roles.

const DAY = 86_400_000;
let env: Awaited<ReturnType<typeof startWithClients>>;
beforeAll(async () => {
  env = await startWithClients({ seed: true, pendingMs: 50, runningMs: 100 });
});
afterAll(() => env.emulator.close());

async function roleClients(accountId: string, region: string) {
  const out = await env.sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/LogportExporter`,
      RoleSessionName: 'seed-test',
    }),
  );
  const c = out.Credentials!;
  return env.clientsAs(
    { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! },
    region,
  );
}

const arnOf = (accountId: string, region: string, name: string) =>
  `arn:aws:logs:${region}:${accountId}:log-group:${name}`;

describe('seed', () => {
  it('keeps the default account as it was, with some groups tagged archive=true and one archive=false', async () => {
    const groups = await env.logs.send(new DescribeLogGroupsCommand({}));
    expect(groups.logGroups).toHaveLength(16);
    const state = (await env.admin('state')) as {
      regions: Record<string, { logGroups: number; taskCount: number }>;
    };
    expect(state.regions['us-east-2']).toMatchObject({ logGroups: 16, taskCount: 144 });
    expect(state.regions['us-west-2']).toMatchObject({ logGroups: 2, taskCount: 6 });
    const tags = async (name: string, region = 'us-east-2') =>
      (
        await env
          .clients(region)
          .logs.send(new ListTagsForResourceCommand({ resourceArn: arnOf('123456789012', region, name) }))
      ).tags;
    expect(await tags('/aws/lambda/orders-api')).toEqual({ archive: 'true' });
    expect(await tags('/ecs/checkout-service')).toEqual({ archive: 'true' });
    expect(await tags('/aws/lambda/payments-webhook')).toEqual({ archive: 'true' });
    expect(await tags('/vpc/flow-logs/prod')).toEqual({ archive: 'false' });
    expect(await tags('my-log-group')).toEqual({});
    expect(await tags('/aws/lambda/orders-api-west', 'us-west-2')).toEqual({ archive: 'true' });
  });

  it('reaches prod in two Regions and staging in one through LogportExporter, with 14 days of events', async () => {
    const cases: Array<[string, string, number]> = [
      ['111111111111', 'us-east-2', 4],
      ['111111111111', 'us-west-2', 2],
      ['222222222222', 'us-east-2', 3],
    ];
    for (const [accountId, region, count] of cases) {
      const role = await roleClients(accountId, region);
      expect(await env.admin(`state?accountId=${accountId}`)).toMatchObject({ roles: ['LogportExporter'] });
      expect((await role.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(
        `arn:aws:sts::${accountId}:assumed-role/LogportExporter/seed-test`,
      );
      const groups = (await role.logs.send(new DescribeLogGroupsCommand({}))).logGroups ?? [];
      expect(groups, `${accountId} ${region}`).toHaveLength(count);
      const first = groups[0]!;
      expect(first.storedBytes).toBeGreaterThan(0);
      const streams = await role.logs.send(
        new DescribeLogStreamsCommand({ logGroupName: first.logGroupName }),
      );
      const stream = streams.logStreams?.[0];
      expect(stream?.firstEventTimestamp).toBeLessThan(Date.now() - 13 * DAY);
      expect(stream?.lastEventTimestamp).toBeGreaterThan(Date.now() - DAY);
      // Each member account has a short history of its own.
      expect((await role.logs.send(new DescribeExportTasksCommand({}))).exportTasks?.length).toBeGreaterThan(
        0,
      );
    }
    const staging = await roleClients('222222222222', 'us-east-2');
    expect(
      (
        await staging.logs.send(
          new ListTagsForResourceCommand({
            resourceArn: arnOf('222222222222', 'us-east-2', '/app/smoke-tests'),
          }),
        )
      ).tags,
    ).toEqual({ archive: 'true' });
  });

  it('holds central archive buckets whose policy lets prod export but not staging yet', async () => {
    const policy = await env.s3.send(new GetBucketPolicyCommand({ Bucket: 'central-archive-use2' }));
    expect(policy.Policy).toContain('arn:aws:iam::111111111111:role/LogportExporter');
    expect(policy.Policy).not.toContain('222222222222');
    const now = Date.now();
    const exportTo = (role: Awaited<ReturnType<typeof roleClients>>, bucket: string) =>
      role.logs.send(
        new CreateExportTaskCommand({
          logGroupName: '/aws/lambda/orders-api',
          from: now - DAY,
          to: now,
          destination: bucket,
          destinationPrefix: 'seed-test',
        }),
      );
    const staging = await roleClients('222222222222', 'us-east-2');
    expect(await failure(exportTo(staging, 'central-archive-use2'))).toMatch(
      /^InvalidParameterException: GetBucketAcl call on the given bucket failed/,
    );
    for (const [region, bucket, group] of [
      ['us-east-2', 'central-archive-use2', '/aws/lambda/orders-api'],
      ['us-west-2', 'central-archive-usw2', '/aws/lambda/orders-api-west'],
    ] as const) {
      const prod = await roleClients('111111111111', region);
      const { taskId } = await prod.logs.send(
        new CreateExportTaskCommand({
          logGroupName: group,
          from: now - DAY,
          to: now,
          destination: bucket,
          destinationPrefix: 'seed-test',
        }),
      );
      expect((await waitForTask(prod.logs, taskId!)).status?.code).toBe('COMPLETED');
      const keys = await env
        .clients(region)
        .s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `seed-test/${taskId}/` }));
      expect(keys.KeyCount).toBeGreaterThan(0);
    }
  });
});
