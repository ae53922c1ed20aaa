import { ApiError } from './errors';
import { PolicyError, parsePolicy } from './policy';
import { empty, type S3Context, type S3Operation } from './s3-context';
import { canonicalId, isValidBucketName, S3_NS, xmlOk, xmlText } from './s3-xml';

const owner = (accountId: string) => ({ ID: canonicalId(accountId), DisplayName: 'sandbox' });

export const createBucket: S3Operation = (ctx) => {
  const { store, caller, bucketName } = ctx;
  if (!isValidBucketName(bucketName)) {
    throw new ApiError(
      'InvalidBucketName',
      'The specified bucket is not valid.',
      400,
      {},
      { BucketName: bucketName },
    );
  }
  const body = ctx.req.body.toString('utf8');
  const constraint = body.trim() === '' ? undefined : xmlText(body, 'LocationConstraint');
  if (body.trim() !== '' && !body.includes('CreateBucketConfiguration')) {
    throw new ApiError(
      'MalformedXML',
      'The XML you provided was not well-formed or did not validate against our published schema',
    );
  }
  let region: string;
  if (constraint === undefined || constraint === '') {
    if (caller.region !== 'us-east-1') {
      throw new ApiError(
        'IllegalLocationConstraintException',
        'The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.',
      );
    }
    region = 'us-east-1';
  } else if (constraint === 'us-east-1' || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(constraint)) {
    throw new ApiError(
      'InvalidLocationConstraint',
      'The specified location-constraint is not valid',
      400,
      {},
      {
        LocationConstraint: constraint,
      },
    );
  } else if (caller.region !== 'us-east-1' && caller.region !== constraint) {
    throw new ApiError(
      'IllegalLocationConstraintException',
      `The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`,
    );
  } else {
    region = constraint;
  }
  const existing = store.buckets.get(bucketName);
  if (existing) {
    if (existing.owner === caller.accountId) {
      throw new ApiError(
        'BucketAlreadyOwnedByYou',
        'Your previous request to create the named bucket succeeded and you already own it.',
        409,
        {},
        { BucketName: bucketName },
      );
    }
    throw new ApiError(
      'BucketAlreadyExists',
      'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
      409,
      {},
      { BucketName: bucketName },
    );
  }
  store.buckets.set(bucketName, {
    name: bucketName,
    region,
    owner: caller.accountId,
    creationDate: Date.now(),
    objects: new Map(),
  });
  return empty(200, { location: `/${bucketName}` });
};

export const listBuckets: S3Operation = (ctx) => {
  const buckets = [...ctx.store.buckets.values()]
    .filter((b) => b.owner === ctx.caller.accountId)
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((b) => ({
      Name: b.name,
      CreationDate: new Date(b.creationDate).toISOString(),
      BucketRegion: b.region,
    }));
  return xmlOk('ListAllMyBucketsResult', {
    Owner: owner(ctx.caller.accountId),
    Buckets: { Bucket: buckets },
  });
};

export const headBucket: S3Operation = (ctx) =>
  empty(200, { 'x-amz-bucket-region': ctx.bucket.region, 'x-amz-access-point-alias': 'false' });

export const getBucketLocation: S3Operation = (ctx) => {
  const region = ctx.bucket.region === 'us-east-1' ? '' : ctx.bucket.region;
  return {
    status: 200,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="${S3_NS}">${region}</LocationConstraint>`,
  };
};

export const deleteBucket: S3Operation = (ctx) => {
  if (ctx.bucket.objects.size > 0) {
    throw new ApiError(
      'BucketNotEmpty',
      'The bucket you tried to delete is not empty',
      409,
      {},
      {
        BucketName: ctx.bucketName,
      },
    );
  }
  ctx.store.buckets.delete(ctx.bucketName);
  return empty(204);
};

export const putBucketPolicy: S3Operation = (ctx) => {
  const text = ctx.req.body.toString('utf8');
  try {
    parsePolicy(text);
  } catch (err) {
    if (err instanceof PolicyError) throw new ApiError('MalformedPolicy', err.message);
    throw err;
  }
  ctx.bucket.policy = text;
  return empty(204);
};

export const getBucketPolicy: S3Operation = (ctx) => {
  if (ctx.bucket.policy === undefined) {
    throw new ApiError(
      'NoSuchBucketPolicy',
      'The bucket policy does not exist',
      404,
      {},
      {
        BucketName: ctx.bucketName,
      },
    );
  }
  return { status: 200, headers: { 'content-type': 'application/json' }, body: ctx.bucket.policy };
};

export const deleteBucketPolicy: S3Operation = (ctx) => {
  delete ctx.bucket.policy;
  return empty(204);
};

export const getBucketAcl: S3Operation = (ctx) => {
  const o = owner(ctx.bucket.owner);
  return {
    status: 200,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<AccessControlPolicy xmlns="${S3_NS}"><Owner><ID>${o.ID}</ID><DisplayName>${o.DisplayName}</DisplayName></Owner><AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${o.ID}</ID><DisplayName>${o.DisplayName}</DisplayName></Grantee><Permission>FULL_CONTROL</Permission></Grant></AccessControlList></AccessControlPolicy>`,
  };
};

const SSE_ALGORITHMS = ['AES256', 'aws:kms', 'aws:kms:dsse'];

export const putBucketEncryption: S3Operation = (ctx) => {
  const body = ctx.req.body.toString('utf8');
  const algorithm = xmlText(body, 'SSEAlgorithm');
  if (
    !body.includes('ServerSideEncryptionConfiguration') ||
    !algorithm ||
    !SSE_ALGORITHMS.includes(algorithm)
  ) {
    throw new ApiError(
      'MalformedXML',
      'The XML you provided was not well-formed or did not validate against our published schema',
    );
  }
  ctx.bucket.encryption = body;
  return empty(200);
};

/** Since January 2023 every bucket has SSE-S3 by default, so S3 answers with AES256 when nothing is set. */
export const getBucketEncryption: S3Operation = (ctx) => {
  const body = ctx.bucket.encryption;
  const algorithm = body === undefined ? 'AES256' : (xmlText(body, 'SSEAlgorithm') ?? 'AES256');
  const keyId = body === undefined ? undefined : xmlText(body, 'KMSMasterKeyID');
  const bucketKey = body === undefined ? 'false' : (xmlText(body, 'BucketKeyEnabled') ?? 'false');
  return xmlOk('ServerSideEncryptionConfiguration', {
    Rule: {
      ApplyServerSideEncryptionByDefault: { SSEAlgorithm: algorithm, KMSMasterKeyID: keyId },
      BucketKeyEnabled: bucketKey,
    },
  });
};

export const deleteBucketEncryption: S3Operation = (ctx: S3Context) => {
  delete ctx.bucket.encryption;
  return empty(204);
};
