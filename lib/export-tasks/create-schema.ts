import { z } from 'zod';
import { MAX_PREFIX_BYTES } from '@/lib/policy';
import { CHUNKS, countChunks } from '@/lib/time-range/chunks';
import { isValidTimeZone } from '@/lib/time-range/zone';

/**
 * The ONE schema for a new export (or a batch of them): the wizard validates with it as the user types and
 * the launch action validates again on the server. Messages are message keys (`wizard.errors.*`), never text.
 * Rules are CreateExportTask's (docs/export-tasks-facts.md) plus S3's bucket naming and key-length rules.
 */
export const E = {
  regionInvalid: 'wizard.errors.regionInvalid',
  logGroupRequired: 'wizard.errors.logGroupRequired',
  logGroupInvalid: 'wizard.errors.logGroupInvalid',
  logGroupTooLong: 'wizard.errors.logGroupTooLong',
  tooManyGroups: 'wizard.errors.tooManyGroups',
  streamPrefixInvalid: 'wizard.errors.streamPrefixInvalid',
  streamPrefixTooLong: 'wizard.errors.streamPrefixTooLong',
  fromInvalid: 'wizard.errors.fromInvalid',
  toInvalid: 'wizard.errors.toInvalid',
  startAfterEnd: 'wizard.errors.startAfterEnd',
  timeZoneInvalid: 'wizard.errors.timeZoneInvalid',
  chunkInvalid: 'wizard.errors.chunkInvalid',
  tooManyExports: 'wizard.errors.tooManyExports',
  bucketRequired: 'wizard.errors.bucketRequired',
  bucketLength: 'wizard.errors.bucketLength',
  bucketInvalid: 'wizard.errors.bucketInvalid',
  bucketIpAddress: 'wizard.errors.bucketIpAddress',
  prefixLeadingSlash: 'wizard.errors.prefixLeadingSlash',
  prefixTraversal: 'wizard.errors.prefixTraversal',
  prefixControlChars: 'wizard.errors.prefixControlChars',
  prefixTooLong: 'wizard.errors.prefixTooLong',
  taskNameRequired: 'wizard.errors.taskNameRequired',
  taskNameTooLong: 'wizard.errors.taskNameTooLong',
} as const;

export const DEFAULT_PREFIX = 'exportedlogs';
export const MAX_LOG_GROUPS = 50;
/** A year of daily chunks for a few groups; more belongs in several batches. */
export const MAX_EXPORTS = 2000;

const hasControlChar = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

export const logGroupNameSchema = z
  .string()
  .trim()
  .min(1, { error: E.logGroupRequired })
  .max(512, { error: E.logGroupTooLong })
  .regex(/^[.\-_/#A-Za-z0-9]+$/, { error: E.logGroupInvalid });

export const bucketSchema = z
  .string()
  .min(1, { error: E.bucketRequired })
  // Spaces and capitals are named by the same message: S3 names are lowercase letters, digits, dots, hyphens.
  .regex(/^[^\sA-Z]*$/, { error: E.bucketInvalid })
  .min(3, { error: E.bucketLength })
  .max(63, { error: E.bucketLength })
  .regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, { error: E.bucketInvalid })
  .refine((b) => !b.includes('..'), { error: E.bucketInvalid })
  .refine((b) => !/^\d{1,3}(\.\d{1,3}){3}$/.test(b), { error: E.bucketIpAddress });

/** `exportedlogs` when left empty, as CreateExportTask does. Keys are `<prefix>/<taskId>/<stream>/000000.gz`. */
export const destinationPrefixSchema = z
  .string()
  .transform((p) => (p === '' ? DEFAULT_PREFIX : p))
  .refine((p) => !p.startsWith('/'), { error: E.prefixLeadingSlash })
  .refine((p) => !p.split('/').some((seg) => seg === '..' || seg === '.'), { error: E.prefixTraversal })
  .refine((p) => !hasControlChar(p), { error: E.prefixControlChars })
  .refine((p) => new TextEncoder().encode(p).length <= MAX_PREFIX_BYTES, { error: E.prefixTooLong });

export const streamPrefixSchema = z
  .string()
  .max(512, { error: E.streamPrefixTooLong })
  .regex(/^[^:*]*$/, { error: E.streamPrefixInvalid })
  .transform((p) => (p === '' ? undefined : p));

export const taskNameSchema = z.string().trim().max(512, { error: E.taskNameTooLong });

export const timeZoneSchema = z.string().refine((z) => isValidTimeZone(z), { error: E.timeZoneInvalid });

const epochMs = (error: string) => z.number({ error }).int({ error }).nonnegative({ error });

export const createExportSchema = z
  .object({
    region: z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/, { error: E.regionInvalid }),
    logGroupNames: z
      .array(logGroupNameSchema)
      .min(1, { error: E.logGroupRequired })
      .max(MAX_LOG_GROUPS, { error: E.tooManyGroups }),
    logStreamNamePrefix: streamPrefixSchema.optional(),
    from: epochMs(E.fromInvalid),
    to: epochMs(E.toInvalid),
    timeZone: timeZoneSchema,
    chunk: z.enum(CHUNKS, { error: E.chunkInvalid }).default('none'),
    destination: bucketSchema,
    destinationPrefix: destinationPrefixSchema.default(DEFAULT_PREFIX),
    taskName: taskNameSchema.optional(),
    /** Queue even a single export (another export is active and the user chose to wait in line). */
    queue: z.boolean().default(false),
    /** Makes the generated task names of a batch the ones the review showed (see planExports' makeId). */
    batchId: z
      .string()
      .regex(/^[a-z0-9]{4,12}$/)
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (!(v.from < v.to)) {
      ctx.addIssue({ code: 'custom', message: E.startAfterEnd, path: ['to'] });
      return;
    }
    if (new Set(v.logGroupNames).size !== v.logGroupNames.length) {
      ctx.addIssue({ code: 'custom', message: E.logGroupInvalid, path: ['logGroupNames'] });
    }
    const chunks = isValidTimeZone(v.timeZone)
      ? countChunks(v.from, v.to, v.chunk, v.timeZone, MAX_EXPORTS)
      : 1;
    const exports = chunks * v.logGroupNames.length;
    if (exports > MAX_EXPORTS) {
      ctx.addIssue({
        code: 'custom',
        message: E.tooManyExports,
        path: ['chunk'],
        params: { max: MAX_EXPORTS },
      });
    }
    // One export launches under the name the user sees; several get generated unique names.
    if (exports === 1 && !v.taskName) {
      ctx.addIssue({ code: 'custom', message: E.taskNameRequired, path: ['taskName'] });
    }
  });

export type CreateExportValues = z.input<typeof createExportSchema>;
export type CreateExportInput = z.output<typeof createExportSchema>;

/**
 * Field → message keys, the first path segment naming the field (`logGroupNames.0` → `logGroupNames`). Only
 * the first problem per field: zod goes on checking after a failure, and "required" plus "too short" plus
 * "invalid" for one empty box says less than "required" alone.
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= [issue.message];
  }
  return out;
}
