import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketPolicyCommand,
  DeleteObjectCommand,
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutBucketEncryptionCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recommendedPolicy } from './seed';
import { failure, startWithClients } from './test-clients';

let env: Awaited<ReturnType<typeof startWithClients>>;
beforeAll(async () => {
  env = await startWithClients();
});
afterAll(() => env.emulator.close());

const bucketConfig = (region: string) => ({
  CreateBucketConfiguration: { LocationConstraint: region as 'us-east-2' },
});

describe('S3', () => {
  it('creates buckets with a Region and answers location, head and list', async () => {
    const { s3 } = env;
    await s3.send(new CreateBucketCommand({ Bucket: 'alpha-bucket', ...bucketConfig('us-east-2') }));
    expect(
      await failure(
        s3.send(new CreateBucketCommand({ Bucket: 'alpha-bucket', ...bucketConfig('us-east-2') })),
      ),
    ).toMatch(/^BucketAlreadyOwnedByYou: .* \(409\)$/);
    expect(
      await failure(s3.send(new CreateBucketCommand({ Bucket: 'Bad_Name', ...bucketConfig('us-east-2') }))),
    ).toBe('InvalidBucketName: The specified bucket is not valid. (400)');
    expect(
      await failure(
        s3.send(new CreateBucketCommand({ Bucket: 'wrong-place', ...bucketConfig('eu-west-1') })),
      ),
    ).toMatch(/^IllegalLocationConstraintException: The eu-west-1 location constraint is incompatible/);
    const west = env.clients('us-west-2').s3;
    await west.send(new CreateBucketCommand({ Bucket: 'west-bucket', ...bucketConfig('us-west-2') }));
    const east1 = env.clients('us-east-1').s3;
    await east1.send(new CreateBucketCommand({ Bucket: 'virginia-bucket' }));
    expect((await s3.send(new GetBucketLocationCommand({ Bucket: 'west-bucket' }))).LocationConstraint).toBe(
      'us-west-2',
    );
    expect(
      (await s3.send(new GetBucketLocationCommand({ Bucket: 'virginia-bucket' }))).LocationConstraint,
    ).toBeUndefined();
    const head = await s3.send(new HeadBucketCommand({ Bucket: 'alpha-bucket' }));
    expect(head.BucketRegion).toBe('us-east-2');
    expect(await failure(s3.send(new HeadBucketCommand({ Bucket: 'west-bucket' })))).toMatch(/\(301\)$/);
    expect(await failure(s3.send(new HeadBucketCommand({ Bucket: 'missing-bucket' })))).toMatch(
      /^NotFound: .*\(404\)$/,
    );
    const list = await s3.send(new ListBucketsCommand({}));
    expect(list.Buckets?.map((b) => [b.Name, b.BucketRegion])).toEqual([
      ['alpha-bucket', 'us-east-2'],
      ['virginia-bucket', 'us-east-1'],
      ['west-bucket', 'us-west-2'],
    ]);
  });

  it('stores, validates and deletes bucket policies', async () => {
    const { s3 } = env;
    expect(await failure(s3.send(new GetBucketPolicyCommand({ Bucket: 'alpha-bucket' })))).toBe(
      'NoSuchBucketPolicy: The bucket policy does not exist (404)',
    );
    expect(
      await failure(
        s3.send(new PutBucketPolicyCommand({ Bucket: 'alpha-bucket', Policy: '{"Statement": [' })),
      ),
    ).toMatch(/^MalformedPolicy: /);
    const policy = recommendedPolicy('alpha-bucket', 'us-east-2', '123456789012');
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'alpha-bucket', Policy: policy }));
    expect((await s3.send(new GetBucketPolicyCommand({ Bucket: 'alpha-bucket' }))).Policy).toBe(policy);
    await s3.send(new DeleteBucketPolicyCommand({ Bucket: 'alpha-bucket' }));
    expect(await failure(s3.send(new GetBucketPolicyCommand({ Bucket: 'alpha-bucket' })))).toMatch(
      /^NoSuchBucketPolicy/,
    );
    expect(await failure(s3.send(new GetBucketPolicyCommand({ Bucket: 'nope-bucket' })))).toBe(
      'NoSuchBucket: The specified bucket does not exist (404)',
    );
  });

  it('answers ACL and encryption, SSE-S3 by default and SSE-KMS once set', async () => {
    const { s3 } = env;
    const acl = await s3.send(new GetBucketAclCommand({ Bucket: 'alpha-bucket' }));
    expect(acl.Grants?.[0]?.Permission).toBe('FULL_CONTROL');
    const before = await s3.send(new GetBucketEncryptionCommand({ Bucket: 'alpha-bucket' }));
    expect(
      before.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm,
    ).toBe('AES256');
    const key = 'arn:aws:kms:us-east-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket: 'alpha-bucket',
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: key },
              BucketKeyEnabled: true,
            },
          ],
        },
      }),
    );
    const after = await s3.send(new GetBucketEncryptionCommand({ Bucket: 'alpha-bucket' }));
    expect(after.ServerSideEncryptionConfiguration?.Rules?.[0]).toEqual({
      ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: key },
      BucketKeyEnabled: true,
    });
  });

  it('puts, gets (with Range), heads, lists and deletes objects', async () => {
    const { s3 } = env;
    for (const k of ['a/1.txt', 'a/2.txt', 'b/x/1.txt', 'c.txt', 'sp ace/ü.txt']) {
      await s3.send(
        new PutObjectCommand({
          Bucket: 'alpha-bucket',
          Key: k,
          Body: `body of ${k}`,
          ContentType: 'text/plain',
        }),
      );
    }
    const got = await s3.send(new GetObjectCommand({ Bucket: 'alpha-bucket', Key: 'sp ace/ü.txt' }));
    expect(await got.Body?.transformToString()).toBe('body of sp ace/ü.txt');
    expect(got.ContentType).toBe('text/plain');
    const ranged = await s3.send(
      new GetObjectCommand({ Bucket: 'alpha-bucket', Key: 'c.txt', Range: 'bytes=0-3' }),
    );
    expect(await ranged.Body?.transformToString()).toBe('body');
    expect(
      (await s3.send(new HeadObjectCommand({ Bucket: 'alpha-bucket', Key: 'c.txt' }))).ContentLength,
    ).toBe(13);
    expect(await failure(s3.send(new GetObjectCommand({ Bucket: 'alpha-bucket', Key: 'nope' })))).toBe(
      'NoSuchKey: The specified key does not exist. (404)',
    );
    expect(await failure(s3.send(new HeadObjectCommand({ Bucket: 'alpha-bucket', Key: 'nope' })))).toMatch(
      /^NotFound.*\(404\)$/,
    );
    const top = await s3.send(new ListObjectsV2Command({ Bucket: 'alpha-bucket', Delimiter: '/' }));
    expect(top.Contents?.map((o) => o.Key)).toEqual(['c.txt']);
    expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['a/', 'b/', 'sp ace/']);
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: 'alpha-bucket', MaxKeys: 2, ContinuationToken: token }),
      );
      keys.push(...(page.Contents ?? []).map((o) => o.Key ?? ''));
      token = page.NextContinuationToken;
    } while (token);
    expect(keys).toEqual(['a/1.txt', 'a/2.txt', 'b/x/1.txt', 'c.txt', 'sp ace/ü.txt']);
    const after = await s3.send(
      new ListObjectsV2Command({ Bucket: 'alpha-bucket', Prefix: 'a/', StartAfter: 'a/1.txt' }),
    );
    expect(after.Contents?.map((o) => o.Key)).toEqual(['a/2.txt']);
    expect(await failure(s3.send(new DeleteBucketCommand({ Bucket: 'alpha-bucket' })))).toMatch(
      /^BucketNotEmpty.*\(409\)$/,
    );
    for (const k of keys) await s3.send(new DeleteObjectCommand({ Bucket: 'alpha-bucket', Key: k }));
    await s3.send(new DeleteBucketCommand({ Bucket: 'alpha-bucket' }));
    expect(await failure(s3.send(new GetBucketLocationCommand({ Bucket: 'alpha-bucket' })))).toMatch(
      /^NoSuchBucket/,
    );
  });

  it('redirects to the bucket Region and refuses unsigned requests', async () => {
    expect(await failure(env.s3.send(new GetBucketPolicyCommand({ Bucket: 'west-bucket' })))).toMatch(
      /\(301\)$/,
    );
    const res = await fetch(`${env.emulator.url}/west-bucket?policy`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>AccessDenied</Code>');
  });
});

describe('STS', () => {
  it('answers GetCallerIdentity with the configured account', async () => {
    const id = await env.sts.send(new GetCallerIdentityCommand({}));
    expect(id.Account).toBe('123456789012');
    expect(id.Arn).toBe('arn:aws:iam::123456789012:user/sandbox');
    expect(id.UserId).toMatch(/^AIDA/);
  });
});
