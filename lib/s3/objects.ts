import 'server-only';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { Scope } from '@/lib/accounts/types';
import { s3Client } from '@/lib/aws/clients';

export type ExportedObject = {
  key: string;
  /** The key below the task's folder, e.g. `<logStreamName>/000000.gz`. */
  name: string;
  /** The log stream the file holds (the key's folder between the task id and the part file). */
  stream: string;
  size: number;
  lastModified: number | null;
};

export type ExportedObjectPage = { objects: ExportedObject[]; nextToken: string | null };

/** Where an export task writes: `<destinationPrefix>/<taskId>/` (AWS's layout, see the facts document). */
export function taskFolder(destinationPrefix: string, taskId: string): string {
  const prefix = destinationPrefix.replace(/^\/+|\/+$/g, '');
  return prefix ? `${prefix}/${taskId}/` : `${taskId}/`;
}

const hasControlCharacter = (s: string) =>
  [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * True when `key` is a file inside the task's folder. S3 keys are literal, but `.`/`..` segments can be
 * normalised away by HTTP layers on the way, so they are refused rather than trusted.
 */
export function isKeyInFolder(key: string, folder: string): boolean {
  if (!key.startsWith(folder) || key.length === folder.length) return false;
  if (hasControlCharacter(key)) return false;
  return !key
    .slice(folder.length)
    .split('/')
    .some((segment) => segment === '.' || segment === '..');
}

export function describeObject(key: string, folder: string, size: number, lastModified: number | null) {
  const name = key.slice(folder.length);
  const slash = name.lastIndexOf('/');
  return { key, name, stream: slash > 0 ? name.slice(0, slash) : '', size, lastModified };
}

/** One page (up to `limit`) of the files an export wrote, in key order; continue with `nextToken`. */
export async function listTaskObjects(
  scope: Scope,
  bucket: string,
  folder: string,
  options: { nextToken?: string | null; limit?: number } = {},
): Promise<ExportedObjectPage> {
  const out = await s3Client(scope).send(
    new ListObjectsV2Command({
      Bucket: bucket,
      Prefix: folder,
      MaxKeys: options.limit ?? 100,
      ...(options.nextToken ? { ContinuationToken: options.nextToken } : {}),
    }),
  );
  return {
    objects: (out.Contents ?? [])
      .filter(
        (o): o is typeof o & { Key: string } => typeof o.Key === 'string' && isKeyInFolder(o.Key, folder),
      )
      .map((o) => describeObject(o.Key, folder, o.Size ?? 0, o.LastModified?.getTime() ?? null)),
    nextToken: out.IsTruncated ? (out.NextContinuationToken ?? null) : null,
  };
}

/** An object's body as a web stream, for passing through to the browser without buffering it. */
export async function getObjectStream(scope: Scope, bucket: string, key: string) {
  const out = await s3Client(scope).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!out.Body) throw Object.assign(new Error('empty body'), { name: 'NoSuchKey' });
  return {
    body: out.Body.transformToWebStream(),
    contentLength: out.ContentLength ?? null,
    contentType: out.ContentType ?? null,
    etag: out.ETag ?? null,
    lastModified: out.LastModified?.getTime() ?? null,
  };
}
