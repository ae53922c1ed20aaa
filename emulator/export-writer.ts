import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { ApiError } from './errors';
import { sortedEvents } from './logs-context';
import { evaluatePolicy, type PolicyDocument, parsePolicy, type RequestContext } from './policy';
import type { Store } from './state';
import type { Bucket, ExportTask, LogGroup } from './types';
import { groupArn } from './validate';

/** A part file closes after this many lines or bytes, so big streams show `000001.gz` and on. */
export const PART_MAX_LINES = 5000;
export const PART_MAX_BYTES = 4 * 1024 * 1024;

export const GET_ACL_MESSAGE =
  'GetBucketAcl call on the given bucket failed. Please check if CloudWatch Logs has been granted permission to perform this operation.';
export const PUT_OBJECT_MESSAGE =
  'Please ensure that the CreateExportTask caller has been granted s3:PutObject access to the bucket.';

function safePolicy(text: string | undefined): PolicyDocument | undefined {
  if (text === undefined) return undefined;
  try {
    return parsePolicy(text);
  } catch {
    return undefined;
  }
}

/** What S3 sees when CloudWatch Logs acts on the bucket for this account and log group. */
function serviceRequest(
  region: string,
  accountId: string,
  logGroupName: string,
  action: string,
  resource: string,
  extra: Record<string, string> = {},
): RequestContext {
  return {
    principalType: 'Service',
    principals: [`logs.${region}.amazonaws.com`, 'logs.amazonaws.com'],
    action,
    resource,
    context: {
      'aws:SourceAccount': accountId,
      'aws:SourceArn': `${groupArn(region, accountId, logGroupName)}:*`,
      'aws:PrincipalServiceName': `logs.${region}.amazonaws.com`,
      ...extra,
    },
  };
}

export function probeKey(prefix: string): string {
  return `${prefix}/aws-logs-write-test`;
}

/** Returns the error CreateExportTask gives when CloudWatch Logs could not use the bucket, if any. */
export function checkBucketAccess(
  bucket: Bucket,
  region: string,
  accountId: string,
  logGroupName: string,
  prefix: string,
): ApiError | undefined {
  const policy = safePolicy(bucket.policy);
  const aclRequest = serviceRequest(
    region,
    accountId,
    logGroupName,
    's3:GetBucketAcl',
    `arn:aws:s3:::${bucket.name}`,
  );
  if (evaluatePolicy(policy, aclRequest) !== 'Allow')
    return new ApiError('InvalidParameterException', GET_ACL_MESSAGE);
  const putRequest = serviceRequest(
    region,
    accountId,
    logGroupName,
    's3:PutObject',
    `arn:aws:s3:::${bucket.name}/${probeKey(prefix)}`,
    { 's3:x-amz-acl': 'bucket-owner-full-control' },
  );
  if (evaluatePolicy(policy, putRequest) !== 'Allow') {
    return new ApiError('InvalidParameterException', PUT_OBJECT_MESSAGE);
  }
  return undefined;
}

/** The permission probe; loose mode writes it at the bucket's root, as moto does. */
export function writeProbe(store: Store, bucket: Bucket, prefix: string, atRoot = false): void {
  const key = atRoot ? 'aws-logs-write-test' : probeKey(prefix);
  store.putObject(bucket, key, Buffer.from('Permission Check Successful'), 'text/plain', {});
}

/**
 * A bucket of another account: besides CloudWatch Logs itself, the CreateExportTask caller (its user, or its
 * assumed role) must be let to s3:PutObject by the bucket owner's policy, as the guide's cross-account statement
 * does (with the bucket-owner-full-control condition). Within one account the caller's own IAM policies decide,
 * and the emulator has none, so nothing is checked there.
 */
export function checkCallerPutObject(
  bucket: Bucket,
  caller: { accountId: string; principalArn: string; principalArns: string[] },
  prefix: string,
): ApiError | undefined {
  if (bucket.owner === caller.accountId) return undefined;
  const decision = evaluatePolicy(safePolicy(bucket.policy), {
    principalType: 'AWS',
    principals: caller.principalArns,
    action: 's3:PutObject',
    resource: `arn:aws:s3:::${bucket.name}/${probeKey(prefix)}`,
    context: {
      's3:x-amz-acl': 'bucket-owner-full-control',
      'aws:PrincipalAccount': caller.accountId,
      'aws:PrincipalArn': caller.principalArn,
    },
  });
  return decision === 'Allow' ? undefined : new ApiError('InvalidParameterException', PUT_OBJECT_MESSAGE);
}

function formatLine(timestamp: number, message: string): string {
  return `${new Date(timestamp).toISOString()} ${message}`;
}

/**
 * Writes every part file of the task; from and to are both inclusive, as the API reference says. Events before
 * `retainedFrom` (completion time minus the group's retention) are gone from CloudWatch Logs, so they are not
 * exported even when the range asks for them.
 */
export function writeExportObjects(
  store: Store,
  task: ExportTask,
  group: LogGroup,
  bucket: Bucket,
  retainedFrom = Number.NEGATIVE_INFINITY,
): number {
  let written = 0;
  const from = Math.max(task.from, retainedFrom);
  const streams = [...group.streams.values()]
    .filter((s) => task.logStreamNamePrefix === undefined || s.name.startsWith(task.logStreamNamePrefix))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const stream of streams) {
    // Loose mode writes where moto does: a fresh folder per stream instead of the task id, '/' made '-'.
    const folder = task.looseLayout
      ? `${randomUUID()}/${stream.name.replaceAll('/', '-')}`
      : `${task.taskId}/${stream.name}`;
    let part = 0;
    let lines: string[] = [];
    let bytes = 0;
    const flush = () => {
      if (lines.length === 0) return;
      const key = `${task.destinationPrefix}/${folder}/${String(part).padStart(6, '0')}.gz`;
      const body = gzipSync(`${lines.join('\n')}\n`);
      store.putObject(bucket, key, body, 'application/octet-stream', {});
      written += 1;
      part += 1;
      lines = [];
      bytes = 0;
    };
    for (const e of sortedEvents(stream)) {
      if (e.timestamp < from || e.timestamp > task.to) continue;
      const line = formatLine(e.timestamp, e.message);
      lines.push(line);
      bytes += Buffer.byteLength(line) + 1;
      if (lines.length >= PART_MAX_LINES || bytes >= PART_MAX_BYTES) flush();
    }
    flush();
  }
  return written;
}
