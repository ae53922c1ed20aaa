import { ApiError } from './errors';
import { header } from './http-types';
import { empty, type S3Context, type S3Operation } from './s3-context';
import { decodeAwsChunked, xmlOk, xmlTexts } from './s3-xml';
import type { S3Object } from './types';

function objectHeaders(obj: S3Object): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': obj.contentType,
    etag: obj.etag,
    'last-modified': new Date(obj.lastModified).toUTCString(),
    'accept-ranges': 'bytes',
    'x-amz-server-side-encryption': 'AES256',
  };
  for (const [k, v] of Object.entries(obj.metadata)) headers[`x-amz-meta-${k}`] = v;
  return headers;
}

function findObject(ctx: S3Context): S3Object {
  const obj = ctx.bucket.objects.get(ctx.key);
  if (!obj) throw new ApiError('NoSuchKey', 'The specified key does not exist.', 404, {}, { Key: ctx.key });
  return obj;
}

export const putObject: S3Operation = (ctx) => {
  if (header(ctx.req, 'x-amz-copy-source') !== undefined) {
    throw new ApiError('NotImplemented', 'CopyObject is not supported by the Logport emulator.', 501);
  }
  const sha = header(ctx.req, 'x-amz-content-sha256') ?? '';
  const encoding = header(ctx.req, 'content-encoding') ?? '';
  const chunked = sha.startsWith('STREAMING-') || encoding.includes('aws-chunked');
  const body = chunked ? decodeAwsChunked(ctx.req.body) : ctx.req.body;
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.req.headers)) {
    if (k.startsWith('x-amz-meta-') && typeof v === 'string') metadata[k.slice('x-amz-meta-'.length)] = v;
  }
  const contentType = header(ctx.req, 'content-type') ?? 'binary/octet-stream';
  const obj = ctx.store.putObject(ctx.bucket, ctx.key, body, contentType, metadata);
  return empty(200, { etag: obj.etag, 'x-amz-server-side-encryption': 'AES256' });
};

export const getObject: S3Operation = (ctx) => {
  const obj = findObject(ctx);
  const range = header(ctx.req, 'range');
  const headers = objectHeaders(obj);
  if (range === undefined) return { status: 200, headers, body: obj.body };
  const size = obj.body.length;
  const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  let start = 0;
  let end = size - 1;
  if (m && (m[1] !== '' || m[2] !== '')) {
    if (m[1] === '') {
      start = Math.max(0, size - Number(m[2]));
    } else {
      start = Number(m[1]);
      end = m[2] === '' ? size - 1 : Math.min(size - 1, Number(m[2]));
    }
  } else {
    return { status: 200, headers, body: obj.body };
  }
  if (start >= size || start > end) {
    throw new ApiError(
      'InvalidRange',
      'The requested range is not satisfiable',
      416,
      {},
      {
        RangeRequested: range,
        ActualObjectSize: String(size),
      },
    );
  }
  return {
    status: 206,
    headers: { ...headers, 'content-range': `bytes ${start}-${end}/${size}` },
    body: obj.body.subarray(start, end + 1),
  };
};

export const headObject: S3Operation = (ctx) => {
  const obj = findObject(ctx);
  return empty(200, { ...objectHeaders(obj), 'content-length': String(obj.body.length) });
};

export const deleteObject: S3Operation = (ctx) => {
  ctx.bucket.objects.delete(ctx.key);
  return empty(204);
};

export const deleteObjects: S3Operation = (ctx) => {
  const keys = xmlTexts(ctx.req.body.toString('utf8'), 'Key');
  for (const key of keys) ctx.bucket.objects.delete(key);
  return xmlOk('DeleteResult', { Deleted: keys.map((Key) => ({ Key })) });
};

interface ListToken {
  after: string;
}

function decodeContinuation(token: string): ListToken {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (typeof value === 'object' && value !== null && typeof (value as ListToken).after === 'string') {
      return value as ListToken;
    }
  } catch {
    // answered below
  }
  throw new ApiError(
    'InvalidArgument',
    'The continuation token provided is incorrect',
    400,
    {},
    {
      ArgumentName: 'continuation-token',
    },
  );
}

export const listObjectsV2: S3Operation = (ctx) => {
  const q = ctx.req.url.searchParams;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const maxKeysRaw = q.get('max-keys');
  const maxKeys = maxKeysRaw === null ? 1000 : Number(maxKeysRaw);
  if (!Number.isInteger(maxKeys) || maxKeys < 0) {
    throw new ApiError(
      'InvalidArgument',
      'Provided max-keys not an integer or within integer range',
      400,
      {},
      {
        ArgumentName: 'max-keys',
      },
    );
  }
  const limit = Math.min(maxKeys, 1000);
  const token = q.get('continuation-token');
  const startAfter = q.get('start-after') ?? '';
  const encode = q.get('encoding-type') === 'url';
  const enc = (s: string) => (encode ? encodeURIComponent(s).replace(/%2F/g, '/') : s);
  const after = token !== null ? decodeContinuation(token).after : startAfter;
  const keys = [...ctx.bucket.objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
  const contents: Array<{ key: string; obj: S3Object }> = [];
  const prefixes: string[] = [];
  let last = '';
  let truncated = false;
  for (const key of keys) {
    // Keys inside a common prefix already returned are covered by it.
    if (prefixes.length > 0 && key.startsWith(prefixes[prefixes.length - 1]!)) continue;
    if (contents.length + prefixes.length >= limit) {
      truncated = true;
      break;
    }
    const cut = delimiter === '' ? -1 : key.indexOf(delimiter, prefix.length);
    if (cut >= 0) {
      const common = key.slice(0, cut + delimiter.length);
      prefixes.push(common);
      // Continue after every key under this prefix: the largest possible key below it.
      last = `${common}\u{10FFFF}`;
    } else {
      contents.push({ key, obj: ctx.bucket.objects.get(key)! });
      last = key;
    }
  }
  return xmlOk('ListBucketResult', {
    Name: ctx.bucketName,
    Prefix: enc(prefix),
    ...(delimiter !== '' ? { Delimiter: enc(delimiter) } : {}),
    MaxKeys: maxKeys,
    KeyCount: contents.length + prefixes.length,
    IsTruncated: truncated,
    ...(encode ? { EncodingType: 'url' } : {}),
    ...(token !== null ? { ContinuationToken: token } : {}),
    ...(truncated
      ? { NextContinuationToken: Buffer.from(JSON.stringify({ after: last })).toString('base64') }
      : {}),
    ...(q.get('start-after') !== null ? { StartAfter: enc(startAfter) } : {}),
    Contents: contents.map(({ key, obj }) => ({
      Key: enc(key),
      LastModified: new Date(obj.lastModified).toISOString(),
      ETag: obj.etag,
      Size: obj.body.length,
      StorageClass: 'STANDARD',
    })),
    CommonPrefixes: prefixes.map((p) => ({ Prefix: enc(p) })),
  });
};
