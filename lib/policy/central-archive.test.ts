import { describe, expect, it } from 'vitest';
import {
  type CentralArchiveInput,
  centralArchiveFormSchema,
  checkExportAccess,
  formatPolicy,
  generateBucketPolicy,
  generateCentralArchiveKmsStatements,
  generateCentralArchivePolicy,
  mergePolicies,
  type PolicyDocument,
  resolveMembers,
} from './index';

const input: CentralArchiveInput = {
  bucket: 'central-archive-use2',
  region: 'us-east-2',
  members: ['111111111111', '222222222222'],
  prefix: 'org',
};

describe('generateCentralArchivePolicy', () => {
  it('two members: the exact policy', () => {
    expect(JSON.parse(formatPolicy(generateCentralArchivePolicy(input)))).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'LogportCloudWatchLogsGetBucketAcl',
          Effect: 'Allow',
          Principal: { Service: 'logs.us-east-2.amazonaws.com' },
          Action: 's3:GetBucketAcl',
          Resource: 'arn:aws:s3:::central-archive-use2',
          Condition: {
            StringEquals: { 'aws:SourceAccount': ['111111111111', '222222222222'] },
            ArnLike: {
              'aws:SourceArn': [
                'arn:aws:logs:us-east-2:111111111111:log-group:*',
                'arn:aws:logs:us-east-2:222222222222:log-group:*',
              ],
            },
          },
        },
        {
          Sid: 'LogportCloudWatchLogsPutObject',
          Effect: 'Allow',
          Principal: { Service: 'logs.us-east-2.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: 'arn:aws:s3:::central-archive-use2/org/*',
          Condition: {
            StringEquals: {
              's3:x-amz-acl': 'bucket-owner-full-control',
              'aws:SourceAccount': ['111111111111', '222222222222'],
            },
            ArnLike: {
              'aws:SourceArn': [
                'arn:aws:logs:us-east-2:111111111111:log-group:*',
                'arn:aws:logs:us-east-2:222222222222:log-group:*',
              ],
            },
          },
        },
        {
          Sid: 'LogportExporterPutObject',
          Effect: 'Allow',
          Principal: {
            AWS: [
              'arn:aws:iam::111111111111:role/LogportExporter',
              'arn:aws:iam::222222222222:role/LogportExporter',
            ],
          },
          Action: 's3:PutObject',
          Resource: 'arn:aws:s3:::central-archive-use2/org/*',
          Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
        },
      ],
    });
  });

  it('the text has the canonical key order (copy, diff and idempotence rely on it)', () => {
    const text = formatPolicy(generateCentralArchivePolicy(input));
    expect(text).toBe(formatPolicy(JSON.parse(text) as PolicyDocument));
    expect(text.indexOf('"Sid"')).toBeLessThan(text.indexOf('"Effect"'));
  });

  it('aws:SourceOrgID is an extra condition on both service statements, not on the exporters', () => {
    const p = generateCentralArchivePolicy({ ...input, sourceOrgId: ' o-a1b2c3d4e5 ' });
    for (const s of p.Statement.slice(0, 2)) {
      expect(s.Condition?.StringEquals).toMatchObject({
        'aws:SourceAccount': ['111111111111', '222222222222'],
        'aws:SourceOrgID': 'o-a1b2c3d4e5',
      });
      expect(s.Condition?.ArnLike?.['aws:SourceArn']).toHaveLength(2);
    }
    expect(p.Statement[2]?.Condition).toEqual({
      StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' },
    });
    expect(formatPolicy(generateCentralArchivePolicy({ ...input, sourceOrgId: '' }))).not.toContain(
      'SourceOrgID',
    );
  });

  it('role names, role ARNs (with a path) and users; one account listed once', () => {
    const p = generateCentralArchivePolicy({
      ...input,
      exporterRole: 'OrgExporter',
      members: [
        '333333333333',
        'arn:aws:iam::444444444444:role/ops/LogShipper',
        'arn:aws:iam::444444444444:user/exporter',
        '333333333333',
      ],
    });
    expect(p.Statement[0]?.Condition?.StringEquals?.['aws:SourceAccount']).toEqual([
      '333333333333',
      '444444444444',
    ]);
    expect(p.Statement[2]?.Principal).toEqual({
      AWS: [
        'arn:aws:iam::333333333333:role/OrgExporter',
        'arn:aws:iam::444444444444:role/ops/LogShipper',
        'arn:aws:iam::444444444444:user/exporter',
      ],
    });
  });

  it('the order members are given in does not matter (same text, so a merge after a reorder is a no-op)', () => {
    const members = ['222222222222', 'arn:aws:iam::333333333333:role/X', '111111111111'];
    expect(formatPolicy(generateCentralArchivePolicy({ ...input, members }))).toBe(
      formatPolicy(generateCentralArchivePolicy({ ...input, members: [...members].reverse() })),
    );
    expect(generateCentralArchivePolicy({ ...input, members }).Statement[0]?.Condition?.StringEquals).toEqual(
      {
        'aws:SourceAccount': ['111111111111', '222222222222', '333333333333'],
      },
    );
  });

  it('one member: the exporter principal is a plain string', () => {
    const p = generateCentralArchivePolicy({ ...input, members: ['111111111111'] });
    expect(p.Statement[2]?.Principal).toEqual({ AWS: 'arn:aws:iam::111111111111:role/LogportExporter' });
  });

  it.each([
    ['cn-north-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['eu-central-1', 'aws'],
  ])('%s: every ARN in arn:%s', (region, partition) => {
    const p = generateCentralArchivePolicy({ ...input, region, prefix: '' });
    const text = formatPolicy(p);
    expect(text).not.toMatch(new RegExp(`arn:(?!${partition}:)`));
    expect(p.Statement[0]?.Principal).toEqual({ Service: `logs.${region}.amazonaws.com` });
    expect(p.Statement[0]?.Resource).toBe(`arn:${partition}:s3:::central-archive-use2`);
    expect(p.Statement[1]?.Resource).toBe(`arn:${partition}:s3:::central-archive-use2/*`);
    expect(p.Statement[0]?.Condition?.ArnLike?.['aws:SourceArn']).toEqual([
      `arn:${partition}:logs:${region}:111111111111:log-group:*`,
      `arn:${partition}:logs:${region}:222222222222:log-group:*`,
    ]);
    expect(p.Statement[2]?.Principal).toEqual({
      AWS: [
        `arn:${partition}:iam::111111111111:role/LogportExporter`,
        `arn:${partition}:iam::222222222222:role/LogportExporter`,
      ],
    });
  });

  it('refuses no members and entries that are neither ids nor ARNs', () => {
    expect(() => generateCentralArchivePolicy({ ...input, members: [' '] })).toThrow();
    expect(() => resolveMembers(['12345'], 'aws')).toThrow();
  });

  it('KMS statements: the logs service for the members, and their exporters', () => {
    const [logs, exporters] = generateCentralArchiveKmsStatements({ ...input, sourceOrgId: 'o-a1b2c3d4e5' });
    expect(logs).toMatchObject({
      Sid: 'LogportCloudWatchLogsKms',
      Principal: { Service: 'logs.us-east-2.amazonaws.com' },
      Resource: '*',
      Condition: {
        StringEquals: {
          'aws:SourceAccount': ['111111111111', '222222222222'],
          'aws:SourceOrgID': 'o-a1b2c3d4e5',
        },
      },
    });
    expect(exporters?.Principal).toEqual({
      AWS: [
        'arn:aws:iam::111111111111:role/LogportExporter',
        'arn:aws:iam::222222222222:role/LogportExporter',
      ],
    });
  });
});

describe('merging a central archive policy by Sid', () => {
  const foreign = {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny' as const,
    Principal: '*' as const,
    Action: 's3:*',
    Resource: ['arn:aws:s3:::central-archive-use2', 'arn:aws:s3:::central-archive-use2/*'],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
  // What the bucket held: its own statements, and Logport's from an earlier run with prod alone.
  const earlier = generateCentralArchivePolicy({ ...input, members: ['111111111111'] });
  const existing: PolicyDocument = {
    Version: '2012-10-17',
    Id: 'ArchivePolicy',
    Statement: [foreign, ...earlier.Statement, { ...foreign, Sid: undefined, Action: 's3:DeleteBucket' }],
  };
  const generated = generateCentralArchivePolicy(input);

  it("replaces Logport's statements in place and keeps everyone else's", () => {
    const r = mergePolicies(existing, generated);
    expect(r.policy.Id).toBe('ArchivePolicy');
    expect(r.policy.Statement).toEqual([
      foreign,
      ...generated.Statement,
      { ...foreign, Sid: undefined, Action: 's3:DeleteBucket' },
    ]);
    expect(r.replaced).toEqual([
      'LogportCloudWatchLogsGetBucketAcl',
      'LogportCloudWatchLogsPutObject',
      'LogportExporterPutObject',
    ]);
    expect(r).toMatchObject({ added: [], kept: 2, stale: [] });
  });

  it('is idempotent: merging again changes nothing, byte for byte', () => {
    const once = mergePolicies(existing, generated).policy;
    const twice = mergePolicies(once, generateCentralArchivePolicy({ ...input }));
    expect(formatPolicy(twice.policy)).toBe(formatPolicy(once));
    expect(twice).toMatchObject({ added: [], replaced: [] });
    expect(twice.unchanged).toHaveLength(3);
  });

  it('replaces the single-exporter statements of the cross-account scenario (same Sids)', () => {
    const cross = generateBucketPolicy({
      scenario: 'cross-account-role',
      bucket: 'central-archive-use2',
      region: 'us-east-2',
      accountId: '111111111111',
      exporterName: 'LogportExporter',
      prefix: 'org',
    });
    const r = mergePolicies(cross, generated);
    expect(r.policy.Statement).toEqual(generated.Statement);
    expect(r.stale).toEqual([]);
  });

  it('the merged policy lets each member (and its exporter) in, and no one else', () => {
    const merged = mergePolicies(existing, generated).policy;
    for (const accountId of ['111111111111', '222222222222']) {
      const r = checkExportAccess(merged, {
        bucket: input.bucket,
        region: input.region,
        prefix: 'org',
        accountId,
        caller: `arn:aws:sts::${accountId}:assumed-role/LogportExporter/logport-session`,
      });
      expect(r.allowed).toBe(true);
    }
    const outsider = checkExportAccess(merged, {
      bucket: input.bucket,
      region: input.region,
      prefix: 'org',
      accountId: '333333333333',
      caller: 'arn:aws:iam::333333333333:role/LogportExporter',
    });
    expect(outsider.allowed).toBe(false);
    expect(outsider.findings.map((f) => f.code)).toContain('caller-put-object-missing');
  });
});

describe('centralArchiveFormSchema', () => {
  const form = {
    bucket: 'central-archive-use2',
    region: 'us-east-2',
    partition: 'aws',
    members: ['111111111111', ' arn:aws:iam::222222222222:role/LogportExporter ', ''],
  };
  const errors = (values: object) => {
    const r = centralArchiveFormSchema.safeParse(values);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
  };

  it('accepts ids and ARNs, trims, drops blanks, defaults the role and the prefix', () => {
    const r = centralArchiveFormSchema.safeParse({ ...form, prefix: 'x/' });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data).toMatchObject({
      members: ['111111111111', 'arn:aws:iam::222222222222:role/LogportExporter'],
      exporterRole: 'LogportExporter',
      sourceOrgId: '',
      prefix: 'x',
    });
  });

  it('says what is wrong, per field', () => {
    expect(errors({ ...form, members: [] })).toEqual(['members:policy.errors.membersRequired']);
    expect(errors({ ...form, members: ['1111', '222222222222'] })).toEqual([
      'members.0:policy.errors.memberInvalid',
    ]);
    expect(errors({ ...form, members: ['arn:aws-cn:iam::222222222222:role/R'] })).toEqual([
      'members.0:policy.errors.memberPartition',
    ]);
    expect(errors({ ...form, sourceOrgId: 'org-1' })).toEqual(['sourceOrgId:policy.errors.orgIdInvalid']);
    expect(errors({ ...form, exporterRole: 'bad role' })).toEqual([
      'exporterRole:policy.errors.exporterRoleInvalid',
    ]);
    expect(errors({ ...form, prefix: 'a/*' })).toEqual(['prefix:policy.errors.prefixWildcard']);
  });
});
