'use server';

import {
  type AppliedBucketPolicy,
  applyBucketPolicySchema,
  type LoadedBucketPolicy,
  loadBucketPolicySchema,
} from '@/components/policy-generator/action-schemas';
import { resolveScope, type ScopeRefusal } from '@/lib/accounts/scope';
import type { AccountAccess, Scope } from '@/lib/accounts/types';
import { type ActionResult, fail, ok } from '@/lib/action-result';
import { recordActivity } from '@/lib/audit';
import { requireRole } from '@/lib/auth/require-role';
import { reportAwsError } from '@/lib/aws/errors';
import { fieldErrorsOf } from '@/lib/export-tasks/create-schema';
import { formatPolicy, LOGPORT_SID_PREFIX, parsePolicy } from '@/lib/policy';
import { POLICY_MESSAGE_KEYS } from '@/lib/policy/schema';
import {
  canonicalPolicyText,
  MAX_BUCKET_POLICY_BYTES,
  mapPutPolicyError,
  putBucketPolicyText,
} from '@/lib/s3/bucket-policy-write';
import { getBucketEncryption, getBucketPolicyText, getBucketRegion } from '@/lib/s3/buckets';

// Field errors are policy message keys; a check without one (the policy text's length) is `invalidValue`.
const fieldErrors = (error: Parameters<typeof fieldErrorsOf>[0]) =>
  fieldErrorsOf(error, POLICY_MESSAGE_KEYS.invalidValue);

/**
 * The account and Region to call S3 from. The policy may be generated for a Region Logport is not set up for
 * (that is the mistake the check catches), so an unknown Region falls back to the account's current one and
 * the SDK follows S3's redirect; an account the caller may not reach is refused.
 */
async function clientScope(
  requested: { account?: string; region: string },
  access: AccountAccess | undefined,
): Promise<Scope | ScopeRefusal> {
  const exact = await resolveScope(requested, access);
  if (exact.ok) return exact.scope;
  if (exact.error !== 'invalidRegion') return exact.error;
  const fallback = await resolveScope({ account: requested.account }, access);
  return fallback.ok ? fallback.scope : fallback.error;
}

/** GetBucketPolicy (plus Region and default encryption) so an admin can merge into what the bucket holds. */
export async function loadBucketPolicy(input: unknown): Promise<ActionResult<LoadedBucketPolicy>> {
  const auth = await requireRole('admin');
  if (!auth.ok) return auth;
  const parsed = loadBucketPolicySchema.safeParse(input);
  if (!parsed.success) return { ...fail('invalidInput'), fieldErrors: fieldErrors(parsed.error) };
  const { bucket } = parsed.data;
  const scope = await clientScope(parsed.data, auth.user.accounts);
  if (typeof scope === 'string') return fail(scope);
  let policy: string | null;
  try {
    policy = await getBucketPolicyText(scope, bucket);
  } catch (err) {
    const mapped = reportAwsError('GetBucketPolicy', err, { bucket, region: scope.region });
    return fail(mapped.code, mapped.params);
  }
  // Region and encryption only add hints; a caller without those permissions still gets the policy.
  const [bucketRegion, encryption] = await Promise.all([
    getBucketRegion(scope, bucket).catch(() => null),
    getBucketEncryption(scope, bucket)
      .then((e) => e.algorithm)
      .catch(() => null),
  ]);
  return ok({ policy, bucketRegion, encryption });
}

/**
 * Puts the merged policy the admin reviewed. It refuses when the bucket's policy is no longer the one the
 * merge started from, so statements added meanwhile (or never loaded) are not silently dropped.
 */
export async function applyBucketPolicy(input: unknown): Promise<ActionResult<AppliedBucketPolicy>> {
  const auth = await requireRole('admin');
  if (!auth.ok) return auth;
  const parsed = applyBucketPolicySchema.safeParse(input);
  if (!parsed.success) return { ...fail('invalidInput'), fieldErrors: fieldErrors(parsed.error) };
  const { bucket, basedOn } = parsed.data;
  const scope = await clientScope(parsed.data, auth.user.accounts);
  if (typeof scope === 'string') return fail(scope);
  const audit = (outcome: 'ok' | 'error', detail: Record<string, unknown>) =>
    recordActivity(auth.user, {
      action: 'policy.apply',
      account: scope.account,
      region: parsed.data.region,
      target: bucket,
      outcome,
      detail,
    });
  const refuse = async (code: string, detail: Record<string, unknown> = {}) => {
    await audit('error', { error: code, ...detail });
    return fail(code, { bucket });
  };

  // Input that is not a policy is refused like any invalid field: nothing was attempted, so nothing is recorded.
  const policy = parsePolicy(parsed.data.policy);
  if (!policy.ok) return fail('bucketPolicyInvalid', { bucket });
  const text = formatPolicy(policy.policy);
  // S3 counts the policy without insignificant whitespace.
  if (new TextEncoder().encode(JSON.stringify(JSON.parse(text))).length > MAX_BUCKET_POLICY_BYTES)
    return fail('bucketPolicyTooLarge', { bucket });

  let current: string | null;
  try {
    current = await getBucketPolicyText(scope, bucket);
  } catch (err) {
    const mapped = reportAwsError('GetBucketPolicy', err, { bucket, region: scope.region });
    return refuse(mapped.code);
  }
  if (canonicalPolicyText(current) !== canonicalPolicyText(basedOn)) return refuse('bucketPolicyChanged');

  const sids = policy.policy.Statement.map((s) => s.Sid ?? '').filter((s) =>
    s.startsWith(LOGPORT_SID_PREFIX),
  );
  try {
    await putBucketPolicyText(scope, bucket, text);
  } catch (err) {
    const mapped = mapPutPolicyError(err, { bucket, region: scope.region });
    return refuse(mapped.code, { logportSids: sids });
  }
  await audit('ok', {
    statements: policy.policy.Statement.length,
    logportSids: sids,
    replacedExisting: current !== null,
  });
  return ok({ policy: text, statements: policy.policy.Statement.length });
}
