import { ApiError } from './errors';
import { type Caller, type EmulatorRequest, header } from './http-types';
import { evaluatePolicy, parsePolicy } from './policy';
import type { Bucket } from './types';

// Another account's bucket: S3 lets a caller in only when the owner's bucket policy allows that principal the
// IAM action behind the operation (explicit Deny wins). The caller's own IAM policies are assumed to allow it
// (the emulator has none), as for an administrator of the calling account.

const ACTIONS: Record<string, string> = {
  HeadBucket: 's3:ListBucket',
  ListObjectsV2: 's3:ListBucket',
  GetBucketLocation: 's3:GetBucketLocation',
  GetBucketAcl: 's3:GetBucketAcl',
  GetBucketPolicy: 's3:GetBucketPolicy',
  PutBucketPolicy: 's3:PutBucketPolicy',
  DeleteBucketPolicy: 's3:DeleteBucketPolicy',
  GetBucketEncryption: 's3:GetEncryptionConfiguration',
  PutBucketEncryption: 's3:PutEncryptionConfiguration',
  DeleteBucketEncryption: 's3:PutEncryptionConfiguration',
  DeleteBucket: 's3:DeleteBucket',
  PutObject: 's3:PutObject',
  GetObject: 's3:GetObject',
  HeadObject: 's3:GetObject',
  DeleteObject: 's3:DeleteObject',
  DeleteObjects: 's3:DeleteObject',
};

/**
 * S3 never lets another account read, change or delete a bucket policy: with the permission it answers
 * 405 MethodNotAllowed, without it 403 (S3 API reference, PutBucketPolicy / GetBucketPolicy).
 */
const OWNER_ONLY = new Set(['GetBucketPolicy', 'PutBucketPolicy', 'DeleteBucketPolicy']);

const denied = () => new ApiError('AccessDenied', 'Access Denied', 403);

export function checkCrossAccount(
  operation: string,
  bucket: Bucket,
  key: string,
  caller: Caller,
  req: EmulatorRequest,
): void {
  const action = ACTIONS[operation];
  if (!action || bucket.policy === undefined) throw denied();
  let policy: ReturnType<typeof parsePolicy>;
  try {
    policy = parsePolicy(bucket.policy);
  } catch {
    throw denied();
  }
  const onObject = key !== '' && operation !== 'DeleteObjects';
  const acl = header(req, 'x-amz-acl');
  const prefix = req.url.searchParams.get('prefix');
  const decision = evaluatePolicy(policy, {
    principalType: 'AWS',
    principals: caller.principalArns,
    action,
    resource: onObject
      ? `arn:aws:s3:::${bucket.name}/${key}`
      : `arn:aws:s3:::${bucket.name}${operation === 'DeleteObjects' ? '/*' : ''}`,
    context: {
      'aws:PrincipalAccount': caller.accountId,
      'aws:PrincipalArn': caller.principalArn,
      ...(acl !== undefined ? { 's3:x-amz-acl': acl } : {}),
      ...(prefix !== null ? { 's3:prefix': prefix } : {}),
    },
  });
  if (decision !== 'Allow') throw denied();
  if (OWNER_ONLY.has(operation)) {
    throw new ApiError(
      'MethodNotAllowed',
      'The specified method is not allowed against this resource.',
      405,
      {},
      { Method: req.method, ResourceType: 'BUCKETPOLICY' },
    );
  }
}
