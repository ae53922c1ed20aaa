import { CreateExportTaskCommand, DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithClients } from '@/emulator/test-clients';
import {
  checkExportAccess,
  formatPolicy,
  generateBucketPolicy,
  mergePolicies,
  type PolicyDocument,
  parsePolicy,
} from '@/lib/policy';

// Real S3 SDK (through Logport's own s3Client) against the in-process emulator: what we put is what
// the bucket holds, merging keeps other statements, and a second merge changes nothing.

type Env = Awaited<ReturnType<typeof startWithClients>>;
let env: Env;
let write: typeof import('./bucket-policy-write');
let read: typeof import('./buckets');

const REGION = 'us-east-2';
const ACCOUNT = '123456789012';

beforeAll(async () => {
  env = await startWithClients({ seed: true });
  // Before the server modules load: their S3 client reads the endpoint and keys from the environment.
  process.env.AWS_ENDPOINT_URL = env.emulator.url;
  process.env.AWS_REGION = REGION;
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'secret';
  write = await import('./bucket-policy-write');
  read = await import('./buckets');
});

afterAll(async () => {
  await env?.emulator.close();
});

const generated = (bucket: string, region = REGION, prefix = 'exports-test') =>
  generateBucketPolicy({ scenario: 'same-account', bucket, region, accountId: ACCOUNT, prefix });

async function readPolicy(bucket: string): Promise<PolicyDocument | null> {
  const text = await read.getBucketPolicyText({ account: 'default', region: REGION }, bucket);
  if (text === null) return null;
  const parsed = parsePolicy(text);
  if (!parsed.ok) throw new Error(`bucket holds an unreadable policy: ${parsed.error.code}`);
  return parsed.policy;
}

/** What the apply action does: read, merge, put (the action also compares with what the user saw). */
async function mergeInto(bucket: string, policy: PolicyDocument) {
  const merged = mergePolicies(await readPolicy(bucket), policy);
  await write.putBucketPolicyText(
    { account: 'default', region: REGION },
    bucket,
    formatPolicy(merged.policy),
  );
  return merged;
}

describe('PutBucketPolicy of the generated policy', () => {
  it('lands on a bucket without a policy and reads back equal', async () => {
    expect(
      await read.getBucketPolicyText({ account: 'default', region: REGION }, 'my-exported-logs'),
    ).toBeNull();
    const merged = await mergeInto('my-exported-logs', generated('my-exported-logs'));
    const text = await read.getBucketPolicyText({ account: 'default', region: REGION }, 'my-exported-logs');
    expect(text).toBe(formatPolicy(merged.policy));
    expect(write.canonicalPolicyText(JSON.stringify(JSON.parse(text ?? '')))).toBe(
      formatPolicy(merged.policy),
    );
  });

  it('lets CloudWatch Logs export to it under that prefix, and the export completes', async () => {
    const policy = await readPolicy('my-exported-logs');
    const check = checkExportAccess(policy, {
      bucket: 'my-exported-logs',
      region: REGION,
      prefix: 'exports-test',
      accountId: ACCOUNT,
    });
    expect(check.findings).toEqual([]);
    expect(check.allowed).toBe(true);
    const { taskId } = await env.logs.send(
      new CreateExportTaskCommand({
        logGroupName: 'my-log-group',
        from: 0,
        to: Date.now(),
        destination: 'my-exported-logs',
        destinationPrefix: 'exports-test',
      }),
    );
    let status: string | undefined;
    for (let i = 0; i < 50 && status !== 'COMPLETED'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const out = await env.logs.send(new DescribeExportTasksCommand({ taskId }));
      status = out.exportTasks?.[0]?.status?.code;
    }
    expect(status).toBe('COMPLETED');
  });

  it('made for the wrong Region, is refused by the export exactly as AWS does, and the check says why', async () => {
    await env.s3.send(
      new CreateBucketCommand({
        Bucket: 'policy-it-wrong-region',
        CreateBucketConfiguration: { LocationConstraint: REGION },
      }),
    );
    const west = generated('policy-it-wrong-region', 'us-west-2');
    await mergeInto('policy-it-wrong-region', west);
    const check = checkExportAccess(await readPolicy('policy-it-wrong-region'), {
      bucket: 'policy-it-wrong-region',
      region: REGION,
      prefix: 'exports-test',
      accountId: ACCOUNT,
    });
    expect(check.allowed).toBe(false);
    expect(check.findings.map((f) => f.code)).toContain('wrong-region-principal');
    const err = await env.logs
      .send(
        new CreateExportTaskCommand({
          logGroupName: 'my-log-group',
          from: 0,
          to: Date.now(),
          destination: 'policy-it-wrong-region',
          destinationPrefix: 'exports-test',
        }),
      )
      .then(
        () => null,
        (e: Error) => e,
      );
    expect(err?.name).toBe('InvalidParameterException');
    expect(err?.message).toMatch(/CloudWatch Logs has been granted permission/);
  });
});

describe('merging into a bucket that has other statements', () => {
  const bucket = 'policy-it-shared';
  const theirs: PolicyDocument = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'PartnerRead',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::999988887777:root' },
        Action: ['s3:GetObject', 's3:ListBucket'],
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      },
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: `arn:aws:s3:::${bucket}/*`,
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  };

  it('keeps them all, and a second merge changes nothing', async () => {
    await env.s3.send(
      new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: REGION } }),
    );
    await write.putBucketPolicyText({ account: 'default', region: REGION }, bucket, JSON.stringify(theirs));

    const first = await mergeInto(bucket, generated(bucket));
    expect(first.kept).toBe(2);
    expect(first.added).toEqual(['LogportCloudWatchLogsGetBucketAcl', 'LogportCloudWatchLogsPutObject']);
    const afterFirst = await read.getBucketPolicyText({ account: 'default', region: REGION }, bucket);
    const held = await readPolicy(bucket);
    expect(held?.Statement.slice(0, 2)).toEqual(theirs.Statement);

    const second = await mergeInto(bucket, generated(bucket));
    expect(second.added).toEqual([]);
    expect(second.replaced).toEqual([]);
    expect(second.unchanged).toEqual(['LogportCloudWatchLogsGetBucketAcl', 'LogportCloudWatchLogsPutObject']);
    expect(await read.getBucketPolicyText({ account: 'default', region: REGION }, bucket)).toBe(afterFirst);
  });
});

describe('S3 refusals in plain words', () => {
  it('maps MalformedPolicy and a missing bucket to Logport codes', async () => {
    const malformed = await write
      .putBucketPolicyText(
        { account: 'default', region: REGION },
        'my-exported-logs',
        '{"Statement":[{"Effect":"Allow"}]}',
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((malformed as Error).name).toBe('MalformedPolicy');
    expect(write.mapPutPolicyError(malformed, { bucket: 'my-exported-logs', region: REGION }).code).toMatch(
      /^bucketPolicy(Malformed|BadPrincipal)$/,
    );
    const missing = await write
      .putBucketPolicyText(
        { account: 'default', region: REGION },
        'no-such-bucket-here',
        formatPolicy(generated('x')),
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(write.mapPutPolicyError(missing, { bucket: 'no-such-bucket-here', region: REGION }).code).toBe(
      'bucketNotFound',
    );
  });

  it('treats minified and pretty forms of one policy as the same', () => {
    const p = generated('b-1');
    expect(write.canonicalPolicyText(JSON.stringify(p))).toBe(write.canonicalPolicyText(formatPolicy(p)));
    expect(write.canonicalPolicyText(null)).toBeNull();
    expect(write.canonicalPolicyText('  ')).toBeNull();
  });
});
