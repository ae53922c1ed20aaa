import { describe, expect, it } from 'vitest';
import {
  evaluatePolicy,
  globMatch,
  type PolicyDocument,
  PolicyError,
  parsePolicy,
  type RequestContext,
} from './policy';

const service = (action: string, resource: string, extra: Record<string, string> = {}): RequestContext => ({
  principalType: 'Service',
  principals: ['logs.us-east-2.amazonaws.com', 'logs.amazonaws.com'],
  action,
  resource,
  context: {
    'aws:SourceAccount': '123456789012',
    'aws:SourceArn': 'arn:aws:logs:us-east-2:123456789012:log-group:my-log-group:*',
    ...extra,
  },
});

const acl = service('s3:GetBucketAcl', 'arn:aws:s3:::b');
const put = service('s3:PutObject', 'arn:aws:s3:::b/exportedlogs/aws-logs-write-test', {
  's3:x-amz-acl': 'bucket-owner-full-control',
});

const doc = (...Statement: PolicyDocument['Statement']): PolicyDocument => ({
  Version: '2012-10-17',
  Statement,
});

describe('globMatch', () => {
  it('handles * and ? and escapes regex characters', () => {
    expect(globMatch('arn:aws:s3:::b/*', 'arn:aws:s3:::b/x/y')).toBe(true);
    expect(globMatch('a?c', 'abc')).toBe(true);
    expect(globMatch('a?c', 'abbc')).toBe(false);
    expect(globMatch('a.c', 'abc')).toBe(false);
    expect(globMatch('s3:put*', 's3:PutObject', true)).toBe(true);
  });
});

describe('evaluatePolicy', () => {
  it('denies implicitly without a policy or a matching statement', () => {
    expect(evaluatePolicy(undefined, acl)).toBe('ImplicitDeny');
    const other = doc({
      Effect: 'Allow',
      Principal: { Service: 'logs.us-west-2.amazonaws.com' },
      Action: 's3:GetBucketAcl',
      Resource: 'arn:aws:s3:::b',
    });
    expect(evaluatePolicy(other, acl)).toBe('ImplicitDeny');
  });

  it('accepts the regional and the global service principal', () => {
    for (const p of [
      'logs.us-east-2.amazonaws.com',
      'logs.amazonaws.com',
      ['x.amazonaws.com', 'logs.amazonaws.com'],
    ]) {
      const d = doc({
        Effect: 'Allow',
        Principal: { Service: p },
        Action: 's3:GetBucketAcl',
        Resource: 'arn:aws:s3:::b',
      });
      expect(evaluatePolicy(d, acl)).toBe('Allow');
    }
    expect(evaluatePolicy(doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }), acl)).toBe(
      'Allow',
    );
  });

  it('matches action and resource wildcards', () => {
    const d = doc({
      Effect: 'Allow',
      Principal: { Service: 'logs.amazonaws.com' },
      Action: ['s3:Put*'],
      Resource: 'arn:aws:s3:::b/exported*',
    });
    expect(evaluatePolicy(d, put)).toBe('Allow');
    expect(evaluatePolicy(d, service('s3:PutObject', 'arn:aws:s3:::b/other/x'))).toBe('ImplicitDeny');
    const all = doc({
      Effect: 'Allow',
      Principal: { Service: 'logs.amazonaws.com' },
      Action: 's3:*',
      Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
    });
    expect(evaluatePolicy(all, acl)).toBe('Allow');
    expect(evaluatePolicy(all, put)).toBe('Allow');
  });

  it('honours the ACL, SourceAccount and SourceArn conditions, with arrays and wildcards', () => {
    const withConditions = (sourceAccount: string[], sourceArn: string) =>
      doc({
        Effect: 'Allow',
        Principal: { Service: 'logs.us-east-2.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::b/*',
        Condition: {
          StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': sourceAccount },
          ArnLike: { 'aws:SourceArn': [sourceArn] },
        },
      });
    expect(
      evaluatePolicy(
        withConditions(['111111111111', '123456789012'], 'arn:aws:logs:us-east-2:123456789012:log-group:*'),
        put,
      ),
    ).toBe('Allow');
    expect(
      evaluatePolicy(
        withConditions(['111111111111'], 'arn:aws:logs:us-east-2:123456789012:log-group:*'),
        put,
      ),
    ).toBe('ImplicitDeny');
    expect(
      evaluatePolicy(
        withConditions(['123456789012'], 'arn:aws:logs:us-west-2:123456789012:log-group:*'),
        put,
      ),
    ).toBe('ImplicitDeny');
    expect(
      evaluatePolicy(withConditions(['123456789012'], 'arn:aws:logs:us-east-?:*:log-group:my-*'), put),
    ).toBe('Allow');
    const noAcl = service('s3:PutObject', 'arn:aws:s3:::b/exportedlogs/x');
    expect(evaluatePolicy(withConditions(['123456789012'], 'arn:aws:logs:*'), noAcl)).toBe('ImplicitDeny');
  });

  it('supports StringLike, StringNotEquals, IfExists and Null', () => {
    const base = { Effect: 'Allow' as const, Principal: '*', Action: 's3:PutObject', Resource: '*' };
    expect(
      evaluatePolicy(doc({ ...base, Condition: { StringLike: { 'aws:SourceAccount': '1234*' } } }), put),
    ).toBe('Allow');
    expect(
      evaluatePolicy(doc({ ...base, Condition: { StringNotEquals: { 'aws:SourceAccount': '999' } } }), put),
    ).toBe('Allow');
    expect(
      evaluatePolicy(doc({ ...base, Condition: { StringEqualsIfExists: { 'aws:Nope': 'x' } } }), put),
    ).toBe('Allow');
    expect(evaluatePolicy(doc({ ...base, Condition: { Null: { 'aws:Nope': 'true' } } }), put)).toBe('Allow');
    expect(evaluatePolicy(doc({ ...base, Condition: { Null: { 'aws:SourceAccount': 'true' } } }), put)).toBe(
      'ImplicitDeny',
    );
  });

  it('lets an explicit Deny win over any Allow', () => {
    const d = doc(
      { Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' },
      {
        Effect: 'Deny',
        Principal: { Service: 'logs.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::b/*',
      },
    );
    expect(evaluatePolicy(d, acl)).toBe('Allow');
    expect(evaluatePolicy(d, put)).toBe('Deny');
  });

  it('handles NotAction, NotResource and NotPrincipal', () => {
    const notAction = doc(
      { Effect: 'Deny', Principal: '*', NotAction: 's3:GetBucketAcl', Resource: '*' },
      { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
    );
    expect(evaluatePolicy(notAction, acl)).toBe('Allow');
    expect(evaluatePolicy(notAction, put)).toBe('Deny');
    const notPrincipal = doc(
      { Effect: 'Deny', NotPrincipal: { Service: 'logs.amazonaws.com' }, Action: '*', Resource: '*' },
      { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
    );
    expect(evaluatePolicy(notPrincipal, acl)).toBe('Allow');
    const notResource = doc({ Effect: 'Allow', Principal: '*', Action: '*', NotResource: 'arn:aws:s3:::b' });
    expect(evaluatePolicy(notResource, acl)).toBe('ImplicitDeny');
    expect(evaluatePolicy(notResource, put)).toBe('Allow');
  });

  it('matches IAM principals by ARN, account id and root', () => {
    const user: RequestContext = {
      principalType: 'AWS',
      principals: ['arn:aws:iam::222222222222:user/CWLExportUser'],
      action: 's3:PutObject',
      resource: 'arn:aws:s3:::b/k',
      context: {},
    };
    for (const p of [
      'arn:aws:iam::222222222222:user/CWLExportUser',
      '222222222222',
      'arn:aws:iam::222222222222:root',
    ]) {
      expect(
        evaluatePolicy(
          doc({ Effect: 'Allow', Principal: { AWS: p }, Action: 's3:PutObject', Resource: '*' }),
          user,
        ),
      ).toBe('Allow');
    }
    expect(
      evaluatePolicy(
        doc({ Effect: 'Allow', Principal: { AWS: '333333333333' }, Action: 's3:PutObject', Resource: '*' }),
        user,
      ),
    ).toBe('ImplicitDeny');
    expect(
      evaluatePolicy(
        doc({
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::222222222222:user/CWLExportUser' },
          Action: '*',
          Resource: '*',
        }),
        acl,
      ),
    ).toBe('ImplicitDeny');
  });
});

describe('parsePolicy', () => {
  it('rejects what S3 rejects, with its messages', () => {
    expect(() => parsePolicy('nope')).toThrow(PolicyError);
    expect(() => parsePolicy('{"Version":')).toThrow('This policy contains invalid Json');
    expect(() => parsePolicy('{"Version":"2012-10-17"}')).toThrow('Missing required field Statement');
    expect(() =>
      parsePolicy('{"Statement":[{"Effect":"Maybe","Principal":"*","Action":"s3:*","Resource":"*"}]}'),
    ).toThrow('Invalid effect');
    expect(() =>
      parsePolicy('{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"bucket"}]}'),
    ).toThrow('Policy has invalid resource');
  });

  it('accepts a single statement object', () => {
    const p = parsePolicy('{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}}');
    expect(p.Statement).toHaveLength(1);
  });
});
