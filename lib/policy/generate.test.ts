import { describe, expect, it } from 'vitest';
import {
  formatPolicy,
  generateBucketPolicy,
  generateExporterIamPolicy,
  generateKmsKeyPolicyStatements,
  type PolicyInput,
  putBucketPolicyCommand,
  randomPrefix,
  type Statement,
} from './index';
import { SEED } from './seed-policies.fixture';

const stripSids = (statements: Statement[]) => statements.map(({ Sid: _sid, ...rest }) => rest);

const base: PolicyInput = {
  scenario: 'same-account',
  bucket: 'my-exported-logs',
  region: 'us-west-2',
  accountId: '111122223333',
};

describe('generateBucketPolicy reproduces the guide (confused-deputy off)', () => {
  it('same account', () => {
    const policy = generateBucketPolicy({ ...base, confusedDeputy: false });
    expect(policy.Version).toBe('2012-10-17');
    expect(stripSids(policy.Statement)).toEqual(SEED.same.Statement);
  });

  it.each(['user', 'role'] as const)('other account with an IAM %s', (kind) => {
    const policy = generateBucketPolicy({
      ...base,
      scenario: kind === 'user' ? 'cross-account-user' : 'cross-account-role',
      accountId: 'SendingAccountID',
      exporterName: 'CWLExportUser',
      prefix: 'random-string',
      confusedDeputy: false,
    });
    expect(stripSids(policy.Statement)).toEqual(SEED[kind].Statement);
  });
});

describe('generateBucketPolicy, current AWS form', () => {
  const policy = generateBucketPolicy({ ...base, region: 'us-east-2', prefix: 'exports' });
  const [acl, put] = policy.Statement;

  it('uses stable Logport Sids', () => {
    expect(policy.Statement.map((s) => s.Sid)).toEqual([
      'LogportCloudWatchLogsGetBucketAcl',
      'LogportCloudWatchLogsPutObject',
    ]);
  });

  it('adds SourceAccount and SourceArn to both service statements', () => {
    const deputy = {
      StringEquals: { 'aws:SourceAccount': ['111122223333'] },
      ArnLike: { 'aws:SourceArn': ['arn:aws:logs:us-east-2:111122223333:log-group:*'] },
    };
    expect(acl).toEqual({
      Sid: 'LogportCloudWatchLogsGetBucketAcl',
      Effect: 'Allow',
      Principal: { Service: 'logs.us-east-2.amazonaws.com' },
      Action: 's3:GetBucketAcl',
      Resource: 'arn:aws:s3:::my-exported-logs',
      Condition: deputy,
    });
    expect(put?.Resource).toBe('arn:aws:s3:::my-exported-logs/exports/*');
    expect(put?.Condition).toEqual({
      StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': ['111122223333'] },
      ArnLike: deputy.ArnLike,
    });
  });

  it('lists every source account once, in order', () => {
    const p = generateBucketPolicy({
      ...base,
      sourceAccounts: ['444455556666', '111122223333', '444455556666'],
    });
    expect(p.Statement[0]?.Condition?.StringEquals?.['aws:SourceAccount']).toEqual([
      '444455556666',
      '111122223333',
    ]);
    expect(p.Statement[0]?.Condition?.ArnLike?.['aws:SourceArn']).toEqual([
      'arn:aws:logs:us-west-2:444455556666:log-group:*',
      'arn:aws:logs:us-west-2:111122223333:log-group:*',
    ]);
  });

  it('is idempotent: the same input gives the same text', () => {
    const input = { ...base, scenario: 'cross-account-role' as const, exporterName: 'Exporter', prefix: 'x' };
    expect(formatPolicy(generateBucketPolicy(input))).toBe(formatPolicy(generateBucketPolicy({ ...input })));
  });

  it('requires a user or role name for cross-account', () => {
    expect(() => generateBucketPolicy({ ...base, scenario: 'cross-account-user' })).toThrow();
  });
});

describe('partitions', () => {
  it.each([
    ['cn-north-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['eu-central-1', 'aws'],
  ])('%s uses arn:%s', (region, partition) => {
    const p = generateBucketPolicy({ ...base, region, scenario: 'cross-account-user', exporterName: 'u' });
    const text = formatPolicy(p);
    expect(text).not.toMatch(new RegExp(`arn:(?!${partition}:)`));
    expect(p.Statement[0]?.Resource).toBe(`arn:${partition}:s3:::my-exported-logs`);
    expect(p.Statement[2]?.Principal).toEqual({ AWS: `arn:${partition}:iam::111122223333:user/u` });
    expect(p.Statement[0]?.Principal).toEqual({ Service: `logs.${region}.amazonaws.com` });
    expect(p.Statement[0]?.Condition?.ArnLike?.['aws:SourceArn']).toEqual([
      `arn:${partition}:logs:${region}:111122223333:log-group:*`,
    ]);
  });

  it('an explicit partition wins', () => {
    const p = generateBucketPolicy({ ...base, partition: 'aws-us-gov' });
    expect(p.Statement[1]?.Resource).toBe('arn:aws-us-gov:s3:::my-exported-logs/*');
  });
});

describe('prefixes', () => {
  it.each([
    ['foo', 'foo/*'],
    ['foo/', 'foo/*'],
    ['/foo/', 'foo/*'],
    ['//a/b//', 'a/b/*'],
    ['', '*'],
    ['/', '*'],
    [undefined, '*'],
  ])('%j → %s', (prefix, tail) => {
    const p = generateBucketPolicy({ ...base, prefix, scenario: 'cross-account-role', exporterName: 'r' });
    expect(p.Statement[1]?.Resource).toBe(`arn:aws:s3:::my-exported-logs/${tail}`);
    expect(p.Statement[2]?.Resource).toBe(`arn:aws:s3:::my-exported-logs/${tail}`);
  });
});

describe('companion outputs', () => {
  const cross: PolicyInput = {
    ...base,
    scenario: 'cross-account-role',
    exporterName: 'LogExporter',
    prefix: 'p/',
  };

  it('exporter IAM policy', () => {
    const p = generateExporterIamPolicy(cross);
    expect(p.Statement[0]?.Action).toEqual([
      'logs:CreateExportTask',
      'logs:DescribeExportTasks',
      'logs:CancelExportTask',
      'logs:DescribeLogGroups',
      'logs:DescribeLogStreams',
    ]);
    expect(p.Statement[1]).toMatchObject({
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::my-exported-logs/p/*',
    });
    expect(p.Statement.every((s) => s.Principal === undefined)).toBe(true);
  });

  it('KMS statements for the logs principal and the exporter role', () => {
    const [logs, exporter] = generateKmsKeyPolicyStatements(cross);
    expect(logs).toMatchObject({
      Principal: { Service: 'logs.us-west-2.amazonaws.com' },
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': ['111122223333'] } },
    });
    expect(exporter).toMatchObject({ Principal: { AWS: 'arn:aws:iam::111122223333:role/LogExporter' } });
    expect(generateKmsKeyPolicyStatements(base)).toHaveLength(1);
    expect(generateKmsKeyPolicyStatements({ ...base, confusedDeputy: false })[0]?.Condition).toBeUndefined();
  });

  it('put-bucket-policy command', () => {
    expect(putBucketPolicyCommand('my-exported-logs')).toBe(
      'aws s3api put-bucket-policy --bucket my-exported-logs --policy file://policy.json',
    );
    expect(putBucketPolicyCommand('b', { region: 'us-east-2' })).toBe(
      'aws s3api put-bucket-policy --bucket b --policy file://policy.json --region us-east-2',
    );
    expect(putBucketPolicyCommand("it's bad; rm")).toContain(`--bucket 'it'"'"'s bad; rm'`);
  });

  it('randomPrefix is hard to guess', () => {
    const seen = new Set(Array.from({ length: 200 }, () => randomPrefix()));
    expect(seen.size).toBe(200);
    for (const p of seen) expect(p).toMatch(/^exports-[a-z0-9]{16}$/);
    expect(randomPrefix('', 8)).toMatch(/^[a-z0-9]{8}$/);
  });

  it('formatPolicy: 2-space indent, stable key order', () => {
    const text = formatPolicy({
      Statement: [{ Resource: 'r', Action: 'a', Effect: 'Allow', Sid: 'S' }],
      Version: '2012-10-17',
    });
    expect(text).toBe(
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "S",\n      "Effect": "Allow",\n      "Action": "a",\n      "Resource": "r"\n    }\n  ]\n}',
    );
  });
});
