import { describe, expect, it } from 'vitest';
import { acl, BUCKET, check, codes, put } from './check-cases.fixture';
import { type CheckInput, checkExportAccess, generateBucketPolicy, type Statement } from './index';
import { SEED } from './seed-policies.fixture';

describe('checkExportAccess: allowed', () => {
  it.each<[string, Statement[], Partial<CheckInput>?]>([
    ['the two statements of the guide', [acl(), put()]],
    ['PutObject without the ACL condition', [acl(), put({ Condition: undefined })]],
    ['one statement with s3:*', [acl({ Action: 's3:*', Resource: [BUCKET, `${BUCKET}/*`] })]],
    ['Put* and Get*Acl wildcards', [acl({ Action: 's3:Get*Acl' }), put({ Action: ['s3:List*', 's3:Put*'] })]],
    ['action * and mixed case', [acl({ Action: '*' }), put({ Action: 'S3:putobject' })]],
    [
      'NotAction',
      [acl({ Action: undefined, NotAction: 's3:Delete*', Resource: [BUCKET, `${BUCKET}/exports/*`] })],
    ],
    ['NotResource', [acl(), put({ Resource: undefined, NotResource: 'arn:aws:s3:::other/*' })]],
    [
      'global logs.amazonaws.com principal',
      [
        acl({ Principal: { Service: 'logs.amazonaws.com' } }),
        put({ Principal: { Service: ['ec2.amazonaws.com', 'logs.amazonaws.com'] } }),
      ],
    ],
    ['principal * and {"AWS":"*"}', [acl({ Principal: '*' }), put({ Principal: { AWS: '*' } })]],
    [
      'principals for several Regions incl. ours',
      [
        acl({ Principal: { Service: ['logs.us-west-2.amazonaws.com', 'logs.us-east-2.amazonaws.com'] } }),
        put(),
      ],
    ],
    ['whole bucket covers any prefix', [acl(), put({ Resource: `${BUCKET}/*` })], { prefix: 'a/b/c/' }],
    [
      '? and * in the resource',
      [acl({ Resource: 'arn:aws:s3:::my-exported-log?' }), put({ Resource: 'arn:aws:s3:::my-*/exp*/*' })],
    ],
    [
      'empty prefix means exportedlogs/',
      [acl(), put({ Resource: `${BUCKET}/exportedlogs/*` })],
      { prefix: '' },
    ],
    [
      'confused-deputy conditions that match (keys in any case, ForAnyValue, IfExists)',
      [
        acl({
          Condition: {
            StringEquals: { 'AWS:SOURCEACCOUNT': '111122223333' },
            'ForAnyValue:ArnLike': { 'aws:SourceArn': 'arn:aws:logs:*:111122223333:*' },
          },
        }),
        put({
          Condition: {
            StringEqualsIfExists: { 's3:x-amz-acl': 'bucket-owner-full-control' },
            'ForAllValues:StringLike': { 'aws:SourceAccount': ['1111*'] },
          },
        }),
      ],
    ],
    [
      'a Deny that does not apply (TLS, another prefix, our account)',
      [
        acl(),
        put(),
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: `${BUCKET}/*`,
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        { Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: `${BUCKET}/secret/*` },
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: `${BUCKET}/*`,
          Condition: { StringNotEquals: { 'aws:SourceAccount': ['111122223333'] } },
        },
        {
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 's3:*',
          Resource: BUCKET,
          Condition: { ArnNotLike: { 'aws:SourceArn': 'arn:aws:logs:us-east-2:*' } },
        },
      ],
    ],
    [
      'an exact SourceArn passed by the caller',
      [
        acl(),
        put({
          Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:logs:us-east-2:111122223333:log-group:app' } },
        }),
      ],
      { logGroupName: 'app' },
    ],
  ])('%s', (_name, statements, over) => {
    const r = check(statements, over);
    expect(r.findings).toEqual([]);
    expect(r).toMatchObject({ allowed: true, uncertain: false });
    expect(r.checks.map((c) => c.allowed)).toEqual([true, true]);
  });
});

describe('checkExportAccess: generated policies always pass for their own inputs', () => {
  const cases = [
    { scenario: 'same-account', region: 'us-east-2', prefix: '' },
    { scenario: 'same-account', region: 'eu-west-3', prefix: 'a/b/' },
    { scenario: 'cross-account-user', region: 'ap-northeast-1', prefix: '/x' },
    { scenario: 'cross-account-role', region: 'cn-north-1', prefix: 'logs' },
    { scenario: 'cross-account-role', region: 'cn-northwest-1', prefix: '' },
    { scenario: 'same-account', region: 'us-gov-west-1', prefix: 'gov/' },
    { scenario: 'cross-account-user', region: 'us-gov-east-1', prefix: 'ü/ß' },
  ] as const;
  for (const c of cases) {
    for (const confusedDeputy of [true, false]) {
      for (const accounts of [[], ['999988887777', '111122223333']]) {
        it(`${c.scenario} ${c.region} ${JSON.stringify(c.prefix)} deputy=${confusedDeputy} accounts=${accounts.length}`, () => {
          const input = {
            ...c,
            bucket: 'dest.bucket-1',
            accountId: '111122223333',
            exporterName: 'Exporter',
            confusedDeputy,
            sourceAccounts: accounts,
          };
          const r = checkExportAccess(generateBucketPolicy(input), input);
          expect(r.findings).toEqual([]);
          expect(r.allowed).toBe(true);
          if (confusedDeputy && accounts.length > 0) {
            expect(
              checkExportAccess(generateBucketPolicy(input), { ...input, accountId: '999988887777' }).allowed,
            ).toBe(true);
            const other = checkExportAccess(generateBucketPolicy(input), {
              ...input,
              accountId: '123412341234',
            });
            expect(codes(other.findings)).toContain('source-account-mismatch');
            expect(codes(other.findings)).toContain('source-arn-mismatch');
          }
        });
      }
    }
  }

  it('but not for another Region, bucket or prefix', () => {
    const input = {
      scenario: 'same-account',
      bucket: 'b-1',
      region: 'us-east-2',
      accountId: '111122223333',
      prefix: 'p',
    } as const;
    const policy = generateBucketPolicy(input);
    expect(codes(checkExportAccess(policy, { ...input, region: 'us-east-1' }).findings)).toContain(
      'wrong-region-principal',
    );
    expect(codes(checkExportAccess(policy, { ...input, bucket: 'b-2' }).findings)).toContain('wrong-bucket');
    expect(codes(checkExportAccess(policy, { ...input, prefix: 'q' }).findings)).toContain(
      'prefix-not-covered',
    );
  });
});

describe("the guide's policies", () => {
  const variants = [
    ['same account', SEED.same, 'anything'],
    ['IAM user', SEED.user, 'random-string'],
    ['IAM role', SEED.role, 'random-string/'],
  ] as const;
  it.each(variants)('%s passes for us-west-2', (_n, policy, prefix) => {
    const r = checkExportAccess(policy, {
      bucket: 'my-exported-logs',
      region: 'us-west-2',
      prefix,
      accountId: '111122223333',
    });
    expect(r.findings).toEqual([]);
    expect(r.allowed).toBe(true);
  });
  it.each(variants)('%s fails for us-east-2 with wrong-region-principal', (_n, policy, prefix) => {
    const r = checkExportAccess(policy, {
      bucket: 'my-exported-logs',
      region: 'us-east-2',
      prefix,
      accountId: '111122223333',
    });
    expect(r.allowed).toBe(false);
    expect(codes(r.findings)).toEqual([
      'missing-get-bucket-acl',
      'wrong-region-principal',
      'missing-put-object',
      'wrong-region-principal',
    ]);
  });
});
