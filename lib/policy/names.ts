import type { Partition } from './types';

// ARN and principal builders shared by the generator and the checker, so both agree on
// exactly which strings a policy must contain.

export const LOGPORT_SID_PREFIX = 'Logport';

export const SID = {
  logsGetBucketAcl: 'LogportCloudWatchLogsGetBucketAcl',
  logsPutObject: 'LogportCloudWatchLogsPutObject',
  exporterPutObject: 'LogportExporterPutObject',
  exporterBucketPreflight: 'LogportExporterBucketPreflight',
  exporterExportTasks: 'LogportExporterExportTasks',
  logsKms: 'LogportCloudWatchLogsKms',
  exporterKms: 'LogportExporterKms',
} as const;

export const ACL_BUCKET_OWNER_FULL_CONTROL = 'bucket-owner-full-control';

/** The role Logport's setup guide creates in each member account (and the sandbox's accounts have). */
export const DEFAULT_EXPORTER_ROLE = 'LogportExporter';

export function partitionForRegion(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * Regional CloudWatch Logs service principal. For aws-cn we use the same form as elsewhere:
 * the China principal (possibly `logs.<region>.amazonaws.com.cn`) is unconfirmed, so the
 * checker also accepts the `.com.cn` spelling there.
 */
export function logsPrincipal(region: string): string {
  return `logs.${region}.amazonaws.com`;
}

/** Trims slashes so `foo/`, `/foo` and `foo` name the same destination; '' is the whole bucket. */
export function normalizePrefix(prefix: string | undefined): string {
  return (prefix ?? '').trim().replace(/^\/+/, '').replace(/\/+$/, '');
}

export function bucketArn(partition: Partition, bucket: string): string {
  return `arn:${partition}:s3:::${bucket}`;
}

/** `arn:p:s3:::bucket/prefix/*`, or `arn:p:s3:::bucket/*` for the whole bucket. */
export function objectsArn(partition: Partition, bucket: string, prefix: string | undefined): string {
  const p = normalizePrefix(prefix);
  return `${bucketArn(partition, bucket)}/${p === '' ? '' : `${p}/`}*`;
}

export function logGroupsArnPattern(partition: Partition, region: string, account: string): string {
  return `arn:${partition}:logs:${region}:${account}:log-group:*`;
}

export function exporterArn(
  partition: Partition,
  account: string,
  kind: 'user' | 'role',
  name: string,
): string {
  return `arn:${partition}:iam::${account}:${kind}/${name}`;
}

/**
 * The IAM identity a bucket policy names for a caller: an STS session
 * (`arn:aws:sts::111122223333:assumed-role/Role/session`) acts as its role, `arn:aws:iam::111122223333:role/Role`.
 * Any other ARN (a user, a role) is returned as it is. The role's path is not in the session ARN; a role with a
 * path is named with it in policies, so callers that know the role ARN should pass that instead.
 */
export function principalArnOf(arn: string): string {
  const m = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : arn;
}

/** POSIX shell quoting that leaves ordinary bucket names bare, as the AWS guide writes them. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9._\-/:=@%+,]+$/.test(value)) return value;
  return `'${value.replaceAll("'", `'"'"'`)}'`;
}

const RANDOM_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A destination prefix that is hard to guess (the AWS guide uses `random-string`), so other
 * writers cannot predict where exports land. 16 chars of a 36-letter alphabet ≈ 82 bits.
 */
export function randomPrefix(base = 'exports', length = 16): string {
  let suffix = '';
  const bytes = new Uint8Array(length * 2);
  while (suffix.length < length) {
    crypto.getRandomValues(bytes);
    for (const b of bytes) {
      // Rejection sampling keeps every character equally likely (252 = 7 * 36).
      if (b < 252 && suffix.length < length) suffix += RANDOM_ALPHABET[b % 36];
    }
  }
  return base === '' ? suffix : `${base}-${suffix}`;
}
