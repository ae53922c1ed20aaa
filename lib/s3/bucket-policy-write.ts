import 'server-only';
import { PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import type { Scope } from '@/lib/accounts/types';
import { s3Client } from '@/lib/aws/clients';
import { type LogportError, reportAwsError } from '@/lib/aws/errors';
import { formatPolicy, parsePolicy } from '@/lib/policy';

/** S3 refuses bucket policies over 20 KB. */
export const MAX_BUCKET_POLICY_BYTES = 20 * 1024;

/**
 * A policy text in one canonical form (our key order, pretty-printed), so a policy S3 gives back
 * minified or re-ordered compares equal to the one a user reviewed. Unparseable text stays as it is.
 */
export function canonicalPolicyText(text: string | null): string | null {
  if (text === null || text.trim() === '') return null;
  const parsed = parsePolicy(text);
  return parsed.ok ? formatPolicy(parsed.policy) : text.trim();
}

type AwsLike = { name?: string; message?: string };

/**
 * S3's PutBucketPolicy refusals in words a person can act on. MalformedPolicy covers both bad JSON and
 * principals or actions S3 does not know; AccessDenied may be Block Public Access, not IAM.
 */
export function mapPutPolicyError(err: unknown, context: { bucket: string; region: string }): LogportError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as AwsLike;
  const name = e.name ?? '';
  const message = e.message ?? '';
  if (name === 'MalformedPolicy' || name === 'AccessDenied' || name === 'AccessDeniedException')
    console.error(`[aws] PutBucketPolicy: ${name}: ${message}`);
  if (name === 'MalformedPolicy') {
    if (/size|too large|exceeds/i.test(message))
      return { code: 'bucketPolicyTooLarge', params: context, retryable: false };
    if (/principal/i.test(message))
      return { code: 'bucketPolicyBadPrincipal', params: context, retryable: false };
    return { code: 'bucketPolicyMalformed', params: context, retryable: false };
  }
  if ((name === 'AccessDenied' || name === 'AccessDeniedException') && /public/i.test(message))
    return { code: 'bucketPolicyPublicBlocked', params: context, retryable: false };
  return reportAwsError('PutBucketPolicy', err, context);
}

/** Puts `text` as the bucket policy (replacing it whole: callers merge first). Throws the SDK error. */
export async function putBucketPolicyText(scope: Scope, bucket: string, text: string): Promise<void> {
  await s3Client(scope).send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: text }));
}
