import {
  CreateExportTaskCommand,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeExportTasksCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
} from '@aws-sdk/client-s3';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUT_OBJECT_MESSAGE } from './export-writer';
import { accountKey, failure, startWithClients, waitForTask } from './test-clients';

const CENTRAL = '123456789012';
const PROD = '111111111111';
const STAGING = '222222222222';
const BUCKET = 'central-archive-test';
const REGION = 'us-east-2';
const ROLE = `arn:aws:iam::${PROD}:role/LogportExporter`;

type Statement = Record<string, unknown>;

/** The central archive policy: CloudWatch Logs for the member accounts, and each member's exporter. */
function archivePolicy(members: string[], exporters: string[], extra: Statement[] = []): string {
  const source = {
    StringEquals: { 'aws:SourceAccount': members },
    ArnLike: { 'aws:SourceArn': members.map((a) => `arn:aws:logs:${REGION}:${a}:log-group:*`) },
  };
  const acl = { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } };
  const statements: Statement[] = [
    {
      Sid: 'LogsGetBucketAcl',
      Effect: 'Allow',
      Principal: { Service: `logs.${REGION}.amazonaws.com` },
      Action: 's3:GetBucketAcl',
      Resource: `arn:aws:s3:::${BUCKET}`,
      Condition: source,
    },
    {
      Sid: 'LogsPutObject',
      Effect: 'Allow',
      Principal: { Service: `logs.${REGION}.amazonaws.com` },
      Action: 's3:PutObject',
      Resource: `arn:aws:s3:::${BUCKET}/*`,
      Condition: { ...source, StringEquals: { ...source.StringEquals, ...acl.StringEquals } },
    },
    ...(exporters.length > 0
      ? [
          {
            Sid: 'MemberExporters',
            Effect: 'Allow',
            Principal: { AWS: exporters },
            Action: 's3:PutObject',
            Resource: `arn:aws:s3:::${BUCKET}/*`,
            Condition: acl,
          },
        ]
      : []),
    ...extra,
  ];
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

let env: Awaited<ReturnType<typeof startWithClients>>;
let prod: ReturnType<typeof env.clientsAs>;
let staging: ReturnType<typeof env.clientsAs>;
const now = Date.now();

async function putPolicy(policy: string) {
  await env.s3.send(new PutBucketPolicyCommand({ Bucket: BUCKET, Policy: policy }));
}

beforeAll(async () => {
  env = await startWithClients({ pendingMs: 50, runningMs: 100 });
  await env.s3.send(
    new CreateBucketCommand({ Bucket: BUCKET, CreateBucketConfiguration: { LocationConstraint: REGION } }),
  );
  await putPolicy(archivePolicy([PROD], [ROLE]));
  // prod: a role the central account assumes; Logport works in prod through it.
  await env.clientsAs(accountKey(PROD)).iam.send(
    new CreateRoleCommand({
      RoleName: 'LogportExporter',
      AssumeRolePolicyDocument: JSON.stringify({
        Statement: [
          { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${CENTRAL}:root` }, Action: 'sts:AssumeRole' },
        ],
      }),
    }),
  );
  const c = (await env.sts.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'logport' })))
    .Credentials!;
  prod = env.clientsAs({
    accessKeyId: c.AccessKeyId!,
    secretAccessKey: c.SecretAccessKey!,
    sessionToken: c.SessionToken!,
  });
  staging = env.clientsAs(accountKey(STAGING));
  for (const member of [prod, staging]) {
    await member.logs.send(new CreateLogGroupCommand({ logGroupName: '/app/api' }));
    await member.logs.send(new CreateLogStreamCommand({ logGroupName: '/app/api', logStreamName: 'web' }));
    await member.logs.send(
      new PutLogEventsCommand({
        logGroupName: '/app/api',
        logStreamName: 'web',
        logEvents: [{ timestamp: now - 60_000, message: 'hello from a member account' }],
      }),
    );
  }
});
afterAll(() => env.emulator.close());

const exportFrom = (member: typeof prod, prefix: string) =>
  member.logs.send(
    new CreateExportTaskCommand({
      logGroupName: '/app/api',
      from: now - 3_600_000,
      to: now,
      destination: BUCKET,
      destinationPrefix: prefix,
    }),
  );

describe('exports into another account’s bucket', () => {
  it('lands a member account’s export in the central bucket when its policy lets both in', async () => {
    const { taskId } = await exportFrom(prod, `prod/${REGION}`);
    expect((await waitForTask(prod.logs, taskId!)).status?.code).toBe('COMPLETED');
    // The task is prod's; the objects are in the central account's bucket.
    expect((await env.logs.send(new DescribeExportTasksCommand({ taskId }))).exportTasks).toEqual([]);
    const listed = await env.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `prod/${REGION}/` }));
    expect(listed.Contents?.map((o) => o.Key).sort()).toEqual(
      [`prod/${REGION}/${taskId}/web/000000.gz`, `prod/${REGION}/aws-logs-write-test`].sort(),
    );
  });

  it('refuses a member the policy does not name (CloudWatch Logs may not check the bucket)', async () => {
    expect(await failure(exportFrom(staging, 'staging'))).toMatch(
      /^InvalidParameterException: GetBucketAcl call on the given bucket failed\. Please check if CloudWatch Logs has been granted permission to perform this operation\. \(400\)$/,
    );
  });

  it('refuses a caller the bucket policy does not let s3:PutObject, even when CloudWatch Logs may', async () => {
    await putPolicy(archivePolicy([PROD, STAGING], [ROLE]));
    expect(await failure(exportFrom(staging, 'staging'))).toBe(
      `InvalidParameterException: ${PUT_OBJECT_MESSAGE} (400)`,
    );
    // The caller's account root stands for every identity of that account.
    await putPolicy(archivePolicy([PROD, STAGING], [ROLE, `arn:aws:iam::${STAGING}:root`]));
    const { taskId } = await exportFrom(staging, 'staging');
    expect((await waitForTask(staging.logs, taskId!)).status?.code).toBe('COMPLETED');
    // prod's exporter statement names the role: its sessions match it.
    const again = await exportFrom(prod, 'prod-again');
    expect((await waitForTask(prod.logs, again.taskId!)).status?.code).toBe('COMPLETED');
  });
});

describe('bucket reads by another account', () => {
  it('are AccessDenied unless the owner’s policy grants that principal the action', async () => {
    expect(await failure(prod.s3.send(new GetBucketEncryptionCommand({ Bucket: BUCKET })))).toBe(
      'AccessDenied: Access Denied (403)',
    );
    expect(await failure(prod.s3.send(new ListObjectsV2Command({ Bucket: BUCKET })))).toBe(
      'AccessDenied: Access Denied (403)',
    );
    expect(await failure(prod.s3.send(new GetBucketLocationCommand({ Bucket: BUCKET })))).toBe(
      'AccessDenied: Access Denied (403)',
    );
    expect(await failure(prod.s3.send(new HeadBucketCommand({ Bucket: BUCKET })))).toMatch(/\(403\)$/);
    expect(await failure(prod.s3.send(new GetBucketPolicyCommand({ Bucket: BUCKET })))).toBe(
      'AccessDenied: Access Denied (403)',
    );
    expect(
      await failure(
        prod.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'prod-again/aws-logs-write-test' })),
      ),
    ).toBe('AccessDenied: Access Denied (403)');
    const reader: Statement = {
      Sid: 'ProdReads',
      Effect: 'Allow',
      Principal: { AWS: ROLE },
      Action: [
        's3:GetEncryptionConfiguration',
        's3:ListBucket',
        's3:GetBucketLocation',
        's3:GetBucketPolicy',
        's3:GetObject',
      ],
      Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/prod-again/*`],
    };
    await putPolicy(archivePolicy([PROD], [ROLE], [reader]));
    const enc = await prod.s3.send(new GetBucketEncryptionCommand({ Bucket: BUCKET }));
    expect(
      enc.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm,
    ).toBe('AES256');
    expect((await prod.s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).KeyCount).toBeGreaterThan(0);
    expect((await prod.s3.send(new GetBucketLocationCommand({ Bucket: BUCKET }))).LocationConstraint).toBe(
      REGION,
    );
    expect((await prod.s3.send(new HeadBucketCommand({ Bucket: BUCKET }))).BucketRegion).toBe(REGION);
    const probe = await prod.s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'prod-again/aws-logs-write-test' }),
    );
    expect(await probe.Body?.transformToString()).toBe('Permission Check Successful');
    // Outside the granted prefix, still refused.
    expect(
      await failure(
        prod.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'staging/aws-logs-write-test' })),
      ),
    ).toBe('AccessDenied: Access Denied (403)');
    // A bucket policy is the owner's alone: S3 answers 405 to another account even when the policy allows it.
    expect(await failure(prod.s3.send(new GetBucketPolicyCommand({ Bucket: BUCKET })))).toMatch(
      /^MethodNotAllowed: .* \(405\)$/,
    );
    expect(
      await failure(
        prod.s3.send(new PutBucketPolicyCommand({ Bucket: BUCKET, Policy: archivePolicy([PROD], []) })),
      ),
    ).toBe('AccessDenied: Access Denied (403)');
    // Another account's identities get nothing from the grant to prod's role.
    expect(await failure(staging.s3.send(new GetBucketEncryptionCommand({ Bucket: BUCKET })))).toBe(
      'AccessDenied: Access Denied (403)',
    );
  });
});
