import { describe, expect, it } from 'vitest';
import { ACL, acl, BUCKET, check, codes, env, find, put } from './check-cases.fixture';
import { checkExportAccess, type Statement } from './index';

describe('checkExportAccess: refused, with the reason', () => {
  it('no policy', () => {
    const r = checkExportAccess(null, env);
    expect(r.allowed).toBe(false);
    expect(codes(r.findings)).toEqual(['no-policy', 'missing-get-bucket-acl', 'missing-put-object']);
  });

  it('missing GetBucketAcl / PutObject', () => {
    expect(codes(check([put()]).findings)).toEqual(['missing-get-bucket-acl']);
    expect(check([acl()]).findings).toEqual([
      {
        code: 'missing-put-object',
        severity: 'error',
        params: {
          action: 's3:PutObject',
          bucket: 'my-exported-logs',
          prefix: 'exports',
          resource: `${BUCKET}/exports/*`,
        },
      },
    ]);
    expect(
      codes(
        check([
          acl({ Action: ['s3:Put*', 's3:GetBucketAcl'], Resource: [BUCKET, `${BUCKET}/*`] }),
          put({ Action: undefined, NotAction: 's3:PutObject' }),
        ]).findings,
      ),
    ).toEqual([]);
    expect(codes(check([acl(), put({ Action: undefined, NotAction: 's3:Put*' })]).findings)).toEqual([
      'missing-put-object',
    ]);
  });

  it('an explicit Deny wins over an Allow', () => {
    const deny: Statement = {
      Sid: 'NoLogs',
      Effect: 'Deny',
      Principal: { Service: 'logs.amazonaws.com' },
      Action: 's3:Put*',
      Resource: `${BUCKET}/*`,
    };
    const r = check([acl(), put(), deny]);
    expect(r.allowed).toBe(false);
    expect(r.checks[1]).toMatchObject({
      allowed: false,
      allowedBy: [{ sid: 'Put' }],
      deniedBy: [{ index: 2, sid: 'NoLogs' }],
    });
    expect(r.findings).toEqual([
      {
        code: 'denied-by-statement',
        severity: 'error',
        params: { index: 2, sid: 'NoLogs', statement: 'NoLogs', action: 's3:PutObject' },
      },
    ]);
  });

  it('a Deny through NotPrincipal (everyone but our account) catches CloudWatch Logs', () => {
    const deny: Statement = {
      Effect: 'Deny',
      NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 's3:*',
      Resource: [BUCKET, `${BUCKET}/*`],
    };
    const r = check([acl(), put(), deny]);
    expect(r.findings.map((f) => [f.code, f.params])).toEqual([
      ['denied-by-statement', { index: 2, statement: '#3', action: 's3:GetBucketAcl' }],
      ['denied-by-statement', { index: 2, statement: '#3', action: 's3:PutObject' }],
    ]);
  });

  it('a Deny on a key CloudWatch writes (the write test) blocks', () => {
    const deny: Statement = {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:PutObject',
      Resource: `${BUCKET}/*/aws-logs-write-test`,
    };
    expect(codes(check([acl(), put(), deny]).findings)).toEqual(['denied-by-statement']);
  });

  it('principal for another Region', () => {
    const west = { Service: 'logs.us-west-2.amazonaws.com' };
    const r = check([acl({ Principal: west }), put({ Principal: west })]);
    expect(codes(r.findings)).toEqual([
      'missing-get-bucket-acl',
      'wrong-region-principal',
      'missing-put-object',
      'wrong-region-principal',
    ]);
    expect(find(r.findings, 'wrong-region-principal')?.params).toEqual({
      index: 0,
      sid: 'Acl',
      statement: 'Acl',
      action: 's3:GetBucketAcl',
      region: 'us-west-2',
      regions: ['us-west-2'],
      expectedRegion: 'us-east-2',
    });
  });

  it('ACL condition with another value', () => {
    const r = check([acl(), put({ Condition: { StringEquals: { 's3:x-amz-acl': 'private' } } })]);
    expect(codes(r.findings)).toEqual(['missing-put-object', 'acl-condition-mismatch']);
    expect(find(r.findings, 'acl-condition-mismatch')?.params).toMatchObject({
      expected: ['private'],
      actual: 'bucket-owner-full-control',
      operator: 'StringEquals',
      key: 's3:x-amz-acl',
    });
  });

  it('ACL condition on GetBucketAcl (the header is absent there)', () => {
    const r = check([acl({ Condition: ACL }), put()]);
    expect(find(r.findings, 'acl-condition-mismatch')?.params).toMatchObject({
      action: 's3:GetBucketAcl',
      actual: null,
    });
  });

  it('SourceAccount and SourceArn mismatches', () => {
    const r = check([
      acl({ Condition: { StringEquals: { 'aws:SourceAccount': ['444455556666'] } } }),
      put({ Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:logs:us-west-2:111122223333:log-group:*' } } }),
    ]);
    expect(codes(r.findings)).toEqual([
      'missing-get-bucket-acl',
      'source-account-mismatch',
      'missing-put-object',
      'source-arn-mismatch',
    ]);
    expect(find(r.findings, 'source-account-mismatch')?.params).toMatchObject({
      expected: ['444455556666'],
      actual: '111122223333',
    });
  });

  it('other condition not met (Bool on TLS false)', () => {
    const r = check([acl({ Condition: { Bool: { 'aws:SecureTransport': false } } }), put()]);
    expect(codes(r.findings)).toEqual(['missing-get-bucket-acl', 'condition-not-met']);
  });

  it('prefix not covered lists the covered prefixes', () => {
    const r = check([acl(), put({ Resource: [`${BUCKET}/other/*`, `${BUCKET}/more/`] })], {
      prefix: '/exports/',
    });
    expect(find(r.findings, 'prefix-not-covered')?.params).toEqual({
      action: 's3:PutObject',
      prefix: 'exports',
      coveredPrefixes: ['other', 'more'],
      statements: ['Put'],
    });
    expect(codes(check([acl(), put()], { prefix: '' }).findings)).toEqual([
      'missing-put-object',
      'prefix-not-covered',
    ]);
    expect(codes(check([acl(), put({ Resource: `${BUCKET}/exports/*.gz` })]).findings)).toEqual([
      'missing-put-object',
      'prefix-not-covered',
    ]);
  });

  it('wrong bucket and wrong partition', () => {
    const r = check([
      acl({ Resource: 'arn:aws:s3:::other-bucket' }),
      put({ Resource: 'arn:aws:s3:::other-bucket/exports/*' }),
    ]);
    expect(codes(r.findings)).toEqual([
      'missing-get-bucket-acl',
      'wrong-bucket',
      'missing-put-object',
      'wrong-bucket',
    ]);
    expect(find(r.findings, 'wrong-bucket')?.params).toMatchObject({
      buckets: ['other-bucket'],
      expectedBucket: 'my-exported-logs',
    });
    const cn = check([acl({ Principal: { Service: 'logs.cn-north-1.amazonaws.com' } })], {
      region: 'cn-north-1',
    });
    expect(find(cn.findings, 'wrong-partition')?.params).toMatchObject({
      partitions: ['aws'],
      expectedPartition: 'aws-cn',
    });
  });

  it('an unknown condition key on the only Allow: not allowed, uncertain, noted', () => {
    const r = check([acl(), put({ Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })]);
    expect(r).toMatchObject({ allowed: false, uncertain: true });
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([
      ['missing-put-object', 'error'],
      ['unsupported-condition', 'warning'],
    ]);
    expect(find(r.findings, 'unsupported-condition')?.params).toMatchObject({
      effect: 'Allow',
      operator: 'IpAddress',
      key: 'aws:SourceIp',
    });
  });

  it('an unknown condition key on a Deny: allowed, but uncertain and noted', () => {
    const deny: Statement = {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: `${BUCKET}/*`,
      Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } },
    };
    const r = check([acl(), put(), deny]);
    expect(r).toMatchObject({ allowed: true, uncertain: true });
    expect(codes(r.findings)).toEqual(['unsupported-condition']);
  });

  it('statements for other principals do not count', () => {
    const user = { AWS: 'arn:aws:iam::111122223333:user/CWLExportUser' };
    expect(check([acl({ Principal: user }), put({ Principal: user })]).allowed).toBe(false);
  });
});
