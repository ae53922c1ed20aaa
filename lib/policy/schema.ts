// zod/mini: the same validation as classic zod, tree-shakable (the form ships it to the browser).
import * as z from 'zod/mini';
import { hasForbiddenChars, hasPolicyWildcard } from '@/lib/text/free-text';
import { normalizePrefix, partitionForRegion } from './names';
import { PARTITIONS, SCENARIOS } from './types';

export { partitionForRegion };

// Zod messages are message keys, not sentences: the form translates them (English, Japanese).
export const POLICY_MESSAGE_KEYS = {
  bucketRequired: 'policy.errors.bucketRequired',
  bucketLength: 'policy.errors.bucketLength',
  bucketInvalid: 'policy.errors.bucketInvalid',
  bucketIpAddress: 'policy.errors.bucketIpAddress',
  bucketReserved: 'policy.errors.bucketReserved',
  regionInvalid: 'policy.errors.regionInvalid',
  partitionInvalid: 'policy.errors.partitionInvalid',
  partitionRegionMismatch: 'policy.errors.partitionRegionMismatch',
  scenarioInvalid: 'policy.errors.scenarioInvalid',
  accountIdInvalid: 'policy.errors.accountIdInvalid',
  exporterNameRequired: 'policy.errors.exporterNameRequired',
  exporterNameInvalid: 'policy.errors.exporterNameInvalid',
  prefixLeadingSlash: 'policy.errors.prefixLeadingSlash',
  prefixTraversal: 'policy.errors.prefixTraversal',
  prefixControlChars: 'policy.errors.prefixControlChars',
  prefixWildcard: 'policy.errors.prefixWildcard',
  prefixTooLong: 'policy.errors.prefixTooLong',
  sourceAccountInvalid: 'policy.errors.sourceAccountInvalid',
  membersRequired: 'policy.errors.membersRequired',
  memberInvalid: 'policy.errors.memberInvalid',
  memberPartition: 'policy.errors.memberPartition',
  exporterRoleInvalid: 'policy.errors.exporterRoleInvalid',
  orgIdInvalid: 'policy.errors.orgIdInvalid',
  invalidValue: 'policy.errors.invalidValue',
} as const;

export type PolicyMessageKey = (typeof POLICY_MESSAGE_KEYS)[keyof typeof POLICY_MESSAGE_KEYS];
export const POLICY_MESSAGE_KEY_LIST: PolicyMessageKey[] = Object.values(POLICY_MESSAGE_KEYS);

const K = POLICY_MESSAGE_KEYS;
/** S3 keys are at most 1024 bytes; leave room for `<taskId>/<stream>/000000.gz`. */
export const MAX_PREFIX_BYTES = 900;

// Reserved by S3 for access points, Object Lambda, directory buckets and the like.
const isReservedBucket = (b: string) =>
  /^(xn--|sthree-|amzn-s3-demo-)/.test(b) || /(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(b);

export const bucketNameSchema = z.string().check(
  z.trim(),
  z.minLength(1, { error: K.bucketRequired }),
  z.minLength(3, { error: K.bucketLength }),
  z.maxLength(63, { error: K.bucketLength }),
  z.regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, { error: K.bucketInvalid }),
  z.refine((b: string) => !b.includes('..'), { error: K.bucketInvalid }),
  z.refine((b: string) => !/^\d{1,3}(\.\d{1,3}){3}$/.test(b), { error: K.bucketIpAddress }),
  z.refine((b: string) => !isReservedBucket(b), { error: K.bucketReserved }),
);

export const regionSchema = z
  .string()
  .check(z.trim(), z.regex(/^[a-z]{2}(-gov)?-[a-z]+-\d{1,2}$/, { error: K.regionInvalid }));

export const accountIdSchema = z.string().check(z.trim(), z.regex(/^\d{12}$/, { error: K.accountIdInvalid }));

export const prefixSchema = z.string().check(
  z.refine((p: string) => !p.startsWith('/'), { error: K.prefixLeadingSlash }),
  z.refine((p: string) => !p.split('/').some((seg) => seg === '..' || seg === '.'), {
    error: K.prefixTraversal,
  }),
  z.refine((p: string) => !hasForbiddenChars(p), { error: K.prefixControlChars }),
  z.refine((p: string) => !hasPolicyWildcard(p), { error: K.prefixWildcard }),
  z.refine((p: string) => new TextEncoder().encode(p).length <= MAX_PREFIX_BYTES, { error: K.prefixTooLong }),
);

/** The bucket policy generator's form; also valid input for every generator in generate.ts. */
export const policyFormSchema = z.pipe(
  z
    .object({
      scenario: z.enum(SCENARIOS, { error: K.scenarioInvalid }),
      bucket: bucketNameSchema,
      region: regionSchema,
      partition: z.enum(PARTITIONS, { error: K.partitionInvalid }),
      accountId: accountIdSchema,
      exporterName: z.optional(z.string().check(z.trim())),
      prefix: z._default(prefixSchema, ''),
      sourceAccounts: z._default(
        z.array(z.string().check(z.trim(), z.regex(/^\d{12}$/, { error: K.sourceAccountInvalid }))),
        [],
      ),
      confusedDeputy: z._default(z.boolean(), true),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (partitionForRegion(v.region) !== v.partition)
          ctx.addIssue({ code: 'custom', message: K.partitionRegionMismatch, path: ['partition'] });
        if (v.scenario === 'same-account') return;
        const name = v.exporterName ?? '';
        if (name === '')
          ctx.addIssue({ code: 'custom', message: K.exporterNameRequired, path: ['exporterName'] });
        else if (!/^[\w+=,.@-]{1,64}$/.test(name))
          ctx.addIssue({ code: 'custom', message: K.exporterNameInvalid, path: ['exporterName'] });
      }),
    ),
  z.transform((v) => ({ ...v, prefix: normalizePrefix(v.prefix) })),
);

export type PolicyFormValues = z.input<typeof policyFormSchema>;
export type PolicyFormInput = z.output<typeof policyFormSchema>;
