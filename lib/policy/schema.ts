import { z } from 'zod';
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
  prefixTooLong: 'policy.errors.prefixTooLong',
  sourceAccountInvalid: 'policy.errors.sourceAccountInvalid',
} as const;

export type PolicyMessageKey = (typeof POLICY_MESSAGE_KEYS)[keyof typeof POLICY_MESSAGE_KEYS];
export const POLICY_MESSAGE_KEY_LIST: PolicyMessageKey[] = Object.values(POLICY_MESSAGE_KEYS);

const K = POLICY_MESSAGE_KEYS;
/** S3 keys are at most 1024 bytes; leave room for `<taskId>/<stream>/000000.gz`. */
export const MAX_PREFIX_BYTES = 900;

const hasControlChar = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
// Reserved by S3 for access points, Object Lambda, directory buckets and the like.
const isReservedBucket = (b: string) =>
  /^(xn--|sthree-|amzn-s3-demo-)/.test(b) || /(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(b);

export const bucketNameSchema = z
  .string()
  .trim()
  .min(1, { error: K.bucketRequired })
  .min(3, { error: K.bucketLength })
  .max(63, { error: K.bucketLength })
  .regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, { error: K.bucketInvalid })
  .refine((b) => !b.includes('..'), { error: K.bucketInvalid })
  .refine((b) => !/^\d{1,3}(\.\d{1,3}){3}$/.test(b), { error: K.bucketIpAddress })
  .refine((b) => !isReservedBucket(b), { error: K.bucketReserved });

export const regionSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d{1,2}$/, { error: K.regionInvalid });

export const accountIdSchema = z
  .string()
  .trim()
  .regex(/^\d{12}$/, { error: K.accountIdInvalid });

export const prefixSchema = z
  .string()
  .refine((p) => !p.startsWith('/'), { error: K.prefixLeadingSlash })
  .refine((p) => !p.split('/').some((seg) => seg === '..' || seg === '.'), { error: K.prefixTraversal })
  .refine((p) => !hasControlChar(p), { error: K.prefixControlChars })
  .refine((p) => new TextEncoder().encode(p).length <= MAX_PREFIX_BYTES, { error: K.prefixTooLong });

/** The bucket policy generator's form; also valid input for every generator in generate.ts. */
export const policyFormSchema = z
  .object({
    scenario: z.enum(SCENARIOS, { error: K.scenarioInvalid }),
    bucket: bucketNameSchema,
    region: regionSchema,
    partition: z.enum(PARTITIONS, { error: K.partitionInvalid }),
    accountId: accountIdSchema,
    exporterName: z.string().trim().optional(),
    prefix: prefixSchema.default(''),
    sourceAccounts: z
      .array(
        z
          .string()
          .trim()
          .regex(/^\d{12}$/, { error: K.sourceAccountInvalid }),
      )
      .default([]),
    confusedDeputy: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (partitionForRegion(v.region) !== v.partition)
      ctx.addIssue({ code: 'custom', message: K.partitionRegionMismatch, path: ['partition'] });
    if (v.scenario === 'same-account') return;
    const name = v.exporterName ?? '';
    if (name === '')
      ctx.addIssue({ code: 'custom', message: K.exporterNameRequired, path: ['exporterName'] });
    else if (!/^[\w+=,.@-]{1,64}$/.test(name))
      ctx.addIssue({ code: 'custom', message: K.exporterNameInvalid, path: ['exporterName'] });
  })
  .transform((v) => ({ ...v, prefix: normalizePrefix(v.prefix) }));

export type PolicyFormValues = z.input<typeof policyFormSchema>;
export type PolicyFormInput = z.output<typeof policyFormSchema>;
