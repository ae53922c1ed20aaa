import { describe, expect, it } from 'vitest';
import { ACL, acl, BUCKET, check, codes, find, put } from './check-cases.fixture';
import { checkExportAccess, principalArnOf, type Statement } from './index';

// A bucket of another account: besides CloudWatch Logs, the identity that calls CreateExportTask must be let
// s3:PutObject (with the bucket-owner-full-control ACL) by the bucket policy.
const ROLE = 'arn:aws:iam::111122223333:role/LogportExporter';
const SESSION = 'arn:aws:sts::111122223333:assumed-role/LogportExporter/logport-1700000000000';
const caller = (over: Partial<Statement> = {}): Statement => ({
  Sid: 'Member',
  Effect: 'Allow',
  Principal: { AWS: ROLE },
  Action: 's3:PutObject',
  Resource: `${BUCKET}/exports/*`,
  Condition: ACL,
  ...over,
});

describe('principalArnOf', () => {
  it.each([
    [SESSION, ROLE],
    ['arn:aws-cn:sts::111122223333:assumed-role/R/s@x', 'arn:aws-cn:iam::111122223333:role/R'],
    [ROLE, ROLE],
    ['arn:aws:iam::111122223333:user/sandbox', 'arn:aws:iam::111122223333:user/sandbox'],
  ])('%s → %s', (arn, principal) => {
    expect(principalArnOf(arn)).toBe(principal);
  });
});

describe('checkExportAccess with a caller', () => {
  it('without a caller: only the two checks of CloudWatch Logs (a bucket of the exporting account)', () => {
    const r = check([acl(), put()]);
    expect(r.allowed).toBe(true);
    expect(r.checks).toHaveLength(2);
    expect(r.checks.every((c) => c.caller === undefined)).toBe(true);
  });

  it('a session is checked as its role; allowed when a statement names the role', () => {
    const r = check([acl(), put(), caller()], { caller: SESSION });
    expect(r.allowed).toBe(true);
    expect(r.checks).toHaveLength(3);
    expect(r.checks[2]).toMatchObject({
      action: 's3:PutObject',
      caller: ROLE,
      allowed: true,
      allowedBy: [{ sid: 'Member' }],
    });
  });

  it.each<[string, Statement['Principal']]>([
    ['the session ARN itself', { AWS: SESSION }],
    ['the account id', { AWS: '111122223333' }],
    ['the account root', { AWS: 'arn:aws:iam::111122223333:root' }],
    ['everyone', { AWS: '*' }],
    ['*', '*'],
    ['a list with the role', { AWS: ['arn:aws:iam::999988887777:role/X', ROLE] }],
  ])('the caller is named by %s', (_, Principal) => {
    expect(check([acl(), put(), caller({ Principal })], { caller: SESSION }).allowed).toBe(true);
  });

  it('missing: says which identity needs s3:PutObject where, while CloudWatch Logs itself is allowed', () => {
    const r = check([acl(), put()], { caller: SESSION });
    expect(r.allowed).toBe(false);
    expect(r.checks.map((c) => c.allowed)).toEqual([true, true, false]);
    expect(r.findings).toEqual([
      {
        code: 'caller-put-object-missing',
        severity: 'error',
        params: {
          action: 's3:PutObject',
          caller: ROLE,
          bucket: 'my-exported-logs',
          prefix: 'exports',
          resource: `${BUCKET}/exports/*`,
        },
      },
    ]);
  });

  it('another role, another account, or a service principal does not let the caller in', () => {
    for (const Principal of <Statement['Principal'][]>[
      { AWS: 'arn:aws:iam::111122223333:role/Other' },
      { AWS: 'arn:aws:iam::999988887777:role/LogportExporter' },
      { AWS: '999988887777' },
      { Service: 'logs.us-east-2.amazonaws.com' },
    ]) {
      const r = check([acl(), put(), caller({ Principal })], { caller: SESSION });
      expect(codes(r.findings)).toEqual(['caller-put-object-missing']);
    }
  });

  it("the caller's statement does not let CloudWatch Logs in", () => {
    const r = check([acl(), caller()], { caller: SESSION });
    expect(r.checks.map((c) => c.allowed)).toEqual([true, false, true]);
    expect(codes(r.findings)).toEqual(['missing-put-object']);
  });

  it('near misses: another prefix, another ACL', () => {
    const other = check([acl(), put(), caller({ Resource: `${BUCKET}/team/*` })], { caller: SESSION });
    expect(codes(other.findings)).toEqual(['caller-put-object-missing', 'prefix-not-covered']);
    const wrongAcl = check(
      [acl(), put(), caller({ Condition: { StringEquals: { 's3:x-amz-acl': 'private' } } })],
      { caller: SESSION },
    );
    expect(codes(wrongAcl.findings)).toEqual(['caller-put-object-missing', 'acl-condition-mismatch']);
    expect(find(wrongAcl.findings, 'acl-condition-mismatch')?.params).toMatchObject({
      statement: 'Member',
      actual: 'bucket-owner-full-control',
    });
  });

  it('a Deny naming the caller wins, and is named as such; a Deny for CloudWatch Logs only does not touch it', () => {
    const deny: Statement = {
      Sid: 'NoMembers',
      Effect: 'Deny',
      Principal: { AWS: '111122223333' },
      Action: 's3:PutObject',
      Resource: `${BUCKET}/*`,
    };
    const r = check([acl(), put(), caller(), deny], { caller: SESSION });
    expect(r.allowed).toBe(false);
    expect(r.checks.map((c) => c.allowed)).toEqual([true, true, false]);
    expect(r.findings).toEqual([
      {
        code: 'caller-denied-by-statement',
        severity: 'error',
        params: { index: 3, sid: 'NoMembers', statement: 'NoMembers', action: 's3:PutObject', caller: ROLE },
      },
    ]);
    const logsOnly = { ...deny, Principal: { Service: 'logs.us-west-2.amazonaws.com' } };
    expect(check([acl(), put(), caller(), logsOnly], { caller: SESSION }).allowed).toBe(true);
  });

  it('a condition on the principal is evaluated (aws:PrincipalArn, aws:PrincipalAccount)', () => {
    const byArn = caller({
      Principal: '*',
      Condition: { ...ACL, ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Logport*' } },
    });
    expect(check([acl(), put(), byArn], { caller: SESSION }).allowed).toBe(true);
    const byAccount = caller({
      Principal: '*',
      Condition: { StringEquals: { 'aws:PrincipalAccount': ['444455556666'] } },
    });
    const r = check([acl(), put(), byAccount], { caller: SESSION });
    expect(codes(r.findings)).toEqual(['caller-put-object-missing', 'condition-not-met']);
  });

  it('no policy at all: every check is missing, the caller included', () => {
    const r = checkExportAccess(null, {
      bucket: 'b-1',
      region: 'us-east-2',
      accountId: '111122223333',
      caller: ROLE,
    });
    expect(codes(r.findings)).toEqual([
      'no-policy',
      'missing-get-bucket-acl',
      'missing-put-object',
      'caller-put-object-missing',
    ]);
    expect(r.checks).toHaveLength(3);
  });
});
