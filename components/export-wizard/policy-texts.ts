import { formatStatements } from '@/lib/policy/format';
import { generateBucketPolicy, generateKmsKeyPolicyStatements } from '@/lib/policy/generate';

// The statements the wizard hands out (an admin request, a KMS key policy), from the same generator as the
// bucket-policy page. Loaded on demand (see usePolicyTexts) so the wizard's first load stays small.

export type PolicyTarget = { bucket: string; region: string; account: string; prefix: string };

/** The bucket-policy statements that let CloudWatch Logs in `region` check the bucket and write under prefix. */
export function bucketStatements(target: PolicyTarget): string {
  return formatStatements(
    generateBucketPolicy({
      scenario: 'same-account',
      bucket: target.bucket,
      region: target.region,
      accountId: target.account,
      prefix: target.prefix,
    }).Statement,
  );
}

/** The statements to add to the bucket's SSE-KMS key policy. */
export function kmsStatements(target: PolicyTarget): string {
  return formatStatements(
    generateKmsKeyPolicyStatements({
      scenario: 'same-account',
      bucket: target.bucket,
      region: target.region,
      accountId: target.account,
      prefix: target.prefix,
    }),
  );
}
