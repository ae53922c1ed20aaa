import * as z from 'zod/mini';
import { ACCOUNT_NAME } from '@/lib/accounts/types';
import { bucketNameSchema, regionSchema } from '@/lib/policy';

const accountSchema = z.string().check(z.regex(ACCOUNT_NAME));

// Inputs of the two admin actions, shared by the page (client) and the actions (server validates again).

export const loadBucketPolicySchema = z.object({
  account: z.optional(accountSchema),
  bucket: bucketNameSchema,
  region: regionSchema,
});
export type LoadBucketPolicyInput = z.input<typeof loadBucketPolicySchema>;

/** S3's limit is 20 KB; a little slack for whitespace we re-format away before putting it. */
export const MAX_POLICY_TEXT = 64 * 1024;

export const applyBucketPolicySchema = z.object({
  account: z.optional(accountSchema),
  bucket: bucketNameSchema,
  region: regionSchema,
  /** The whole policy to put: the merged result the user reviewed. */
  policy: z.string().check(z.minLength(1), z.maxLength(MAX_POLICY_TEXT)),
  /** The policy the merge started from (null: the bucket had none, as far as the user knows). */
  basedOn: z.nullable(z.string().check(z.maxLength(MAX_POLICY_TEXT))),
});
export type ApplyBucketPolicyInput = z.input<typeof applyBucketPolicySchema>;

export type LoadedBucketPolicy = {
  policy: string | null;
  /** Where S3 says the bucket lives; null when it could not be read. */
  bucketRegion: string | null;
  /** The bucket's default encryption; `aws:kms` means the key policy needs our statements too. */
  encryption: string | null;
};

export type AppliedBucketPolicy = { policy: string; statements: number };
