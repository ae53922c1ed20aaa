import { ApiError } from './errors';
import { type Caller, type EmulatorRequest, type EmulatorResponse, header } from './http-types';
import { checkCrossAccount } from './s3-access';
import * as buckets from './s3-buckets';
import type { S3Operation } from './s3-context';
import * as objects from './s3-objects';
import { s3Error } from './s3-xml';
import type { Store } from './state';
import type { Bucket } from './types';

export interface S3Route {
  operation: string;
  bucketName: string;
  key: string;
}

const READ_ONLY = /^(Get|Head|List)/;

/** Path-style first; `bucket.localhost` virtual hosts work too, for clients that insist on them. */
export function routeS3(req: EmulatorRequest): S3Route {
  const host = (header(req, 'host') ?? '').replace(/:\d+$/, '');
  const path = req.url.pathname;
  let bucketName: string;
  let rawKey: string;
  const virtual = /^(.+)\.localhost$/.exec(host);
  if (virtual) {
    bucketName = virtual[1]!;
    rawKey = path.slice(1);
  } else {
    const slash = path.indexOf('/', 1);
    bucketName = decodeURIComponent(slash < 0 ? path.slice(1) : path.slice(1, slash));
    rawKey = slash < 0 ? '' : path.slice(slash + 1);
  }
  const key = decodeURIComponent(rawKey);
  const q = req.url.searchParams;
  const m = req.method;
  let operation = 'Unknown';
  if (bucketName === '') {
    if (m === 'GET') operation = 'ListBuckets';
  } else if (key === '') {
    if (m === 'PUT') {
      operation = q.has('policy')
        ? 'PutBucketPolicy'
        : q.has('encryption')
          ? 'PutBucketEncryption'
          : 'CreateBucket';
    } else if (m === 'GET') {
      if (q.has('policy')) operation = 'GetBucketPolicy';
      else if (q.has('location')) operation = 'GetBucketLocation';
      else if (q.has('acl')) operation = 'GetBucketAcl';
      else if (q.has('encryption')) operation = 'GetBucketEncryption';
      else if (q.get('list-type') === '2') operation = 'ListObjectsV2';
    } else if (m === 'DELETE') {
      operation = q.has('policy')
        ? 'DeleteBucketPolicy'
        : q.has('encryption')
          ? 'DeleteBucketEncryption'
          : 'DeleteBucket';
    } else if (m === 'HEAD') {
      operation = 'HeadBucket';
    } else if (m === 'POST' && q.has('delete')) {
      operation = 'DeleteObjects';
    }
  } else if (m === 'PUT') operation = 'PutObject';
  else if (m === 'GET') operation = 'GetObject';
  else if (m === 'HEAD') operation = 'HeadObject';
  else if (m === 'DELETE') operation = 'DeleteObject';
  return { operation, bucketName, key };
}

const operations: Record<string, S3Operation> = {
  ListBuckets: buckets.listBuckets,
  CreateBucket: buckets.createBucket,
  HeadBucket: buckets.headBucket,
  GetBucketLocation: buckets.getBucketLocation,
  DeleteBucket: buckets.deleteBucket,
  PutBucketPolicy: buckets.putBucketPolicy,
  GetBucketPolicy: buckets.getBucketPolicy,
  DeleteBucketPolicy: buckets.deleteBucketPolicy,
  GetBucketAcl: buckets.getBucketAcl,
  PutBucketEncryption: buckets.putBucketEncryption,
  GetBucketEncryption: buckets.getBucketEncryption,
  DeleteBucketEncryption: buckets.deleteBucketEncryption,
  PutObject: objects.putObject,
  GetObject: objects.getObject,
  HeadObject: objects.headObject,
  DeleteObject: objects.deleteObject,
  DeleteObjects: objects.deleteObjects,
  ListObjectsV2: objects.listObjectsV2,
};

/** Operations S3 answers from any Region; the rest redirect to the bucket's Region like S3 does. */
const ANY_REGION = new Set(['ListBuckets', 'CreateBucket', 'GetBucketLocation']);

export function handleS3(
  store: Store,
  route: S3Route,
  req: EmulatorRequest,
  caller: Caller,
): EmulatorResponse {
  const head = req.method === 'HEAD';
  try {
    const op = operations[route.operation];
    if (!op) {
      throw new ApiError(
        'NotImplemented',
        'A header or query you provided implies functionality that is not implemented.',
        501,
      );
    }
    let bucket: Bucket | undefined;
    if (route.operation !== 'ListBuckets' && route.operation !== 'CreateBucket') {
      bucket = store.buckets.get(route.bucketName);
      if (!bucket) {
        throw new ApiError(
          'NoSuchBucket',
          'The specified bucket does not exist',
          404,
          {},
          {
            BucketName: route.bucketName,
          },
        );
      }
      if (bucket.owner !== caller.accountId)
        checkCrossAccount(route.operation, bucket, route.key, caller, req);
      if (!ANY_REGION.has(route.operation) && bucket.region !== caller.region) {
        throw new ApiError(
          'PermanentRedirect',
          'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
          301,
          { 'x-amz-bucket-region': bucket.region },
          { Endpoint: `s3.${bucket.region}.amazonaws.com`, Bucket: route.bucketName },
        );
      }
    }
    // ListBuckets and CreateBucket are the only operations without a bucket, and they never read it.
    const result = op({ store, caller, req, bucketName: route.bucketName, key: route.key, bucket: bucket! });
    if (!READ_ONLY.test(route.operation)) store.changed();
    return result;
  } catch (err) {
    if (err instanceof ApiError) return s3Error(err, head);
    return s3Error(
      new ApiError('InternalError', 'We encountered an internal error. Please try again.', 500),
      head,
    );
  }
}
