// zod/mini: the same rules as classic zod, tree-shakable, since the wizard ships this schema to the browser.
import * as z from 'zod/mini';
import { ACCOUNT_NAME } from '@/lib/accounts/types';
import { MAX_PREFIX_BYTES } from '@/lib/policy/schema';
import { hasForbiddenChars, hasPolicyWildcard } from '@/lib/text/free-text';
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
  streamPrefixControlChars: 'wizard.errors.streamPrefixControlChars',
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
  prefixWildcard: 'wizard.errors.prefixWildcard',
  prefixTooLong: 'wizard.errors.prefixTooLong',
  taskNameRequired: 'wizard.errors.taskNameRequired',
  taskNameTooLong: 'wizard.errors.taskNameTooLong',
  taskNameControlChars: 'wizard.errors.taskNameControlChars',
  /** A value of the wrong type or shape that the form itself never sends (a direct call to the action). */
  invalidValue: 'wizard.errors.invalidValue',
} as const;

import { DEFAULT_PREFIX, MAX_EXPORTS, MAX_LOG_GROUPS } from './limits';

export { DEFAULT_PREFIX, MAX_EXPORTS, MAX_LOG_GROUPS };

/** An AWS Region name (`us-east-2`, `us-gov-west-1`, `cn-north-1`). */
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;

export const logGroupNameSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, { error: E.logGroupRequired }),
    z.maxLength(512, { error: E.logGroupTooLong }),
    z.regex(/^[.\-_/#A-Za-z0-9]+$/, { error: E.logGroupInvalid }),
  );

export const bucketSchema = z.string().check(
  z.minLength(1, { error: E.bucketRequired }),
  // Spaces and capitals are named by the same message: S3 names are lowercase letters, digits, dots, hyphens.
  z.regex(/^[^\sA-Z]*$/, { error: E.bucketInvalid }),
  z.minLength(3, { error: E.bucketLength }),
  z.maxLength(63, { error: E.bucketLength }),
  z.regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, { error: E.bucketInvalid }),
  z.refine((b: string) => !b.includes('..'), { error: E.bucketInvalid }),
  z.refine((b: string) => !/^\d{1,3}(\.\d{1,3}){3}$/.test(b), { error: E.bucketIpAddress }),
);

/** `exportedlogs` when left empty, as CreateExportTask does. Keys are `<prefix>/<taskId>/<stream>/000000.gz`. */
export const destinationPrefixSchema = z.string().check(
  z.overwrite((p: string) => (p === '' ? DEFAULT_PREFIX : p)),
  z.refine((p: string) => !p.startsWith('/'), { error: E.prefixLeadingSlash }),
  z.refine((p: string) => !p.split('/').some((seg) => seg === '..' || seg === '.'), {
    error: E.prefixTraversal,
  }),
  z.refine((p: string) => !hasForbiddenChars(p), { error: E.prefixControlChars }),
  z.refine((p: string) => !hasPolicyWildcard(p), { error: E.prefixWildcard }),
  z.refine((p: string) => new TextEncoder().encode(p).length <= MAX_PREFIX_BYTES, { error: E.prefixTooLong }),
);

export const streamPrefixSchema = z.pipe(
  z.string().check(
    z.maxLength(512, { error: E.streamPrefixTooLong }),
    z.refine((p: string) => !hasForbiddenChars(p), { error: E.streamPrefixControlChars }),
    z.regex(/^[^:*]*$/, { error: E.streamPrefixInvalid }),
  ),
  z.transform((p: string) => (p === '' ? undefined : p)),
);

export const taskNameSchema = z.string().check(
  z.trim(),
  z.maxLength(512, { error: E.taskNameTooLong }),
  z.refine((n: string) => !hasForbiddenChars(n), { error: E.taskNameControlChars }),
);

export const timeZoneSchema = z
  .string()
  .check(z.refine((tz: string) => isValidTimeZone(tz), { error: E.timeZoneInvalid }));

const epochMs = (error: string) => z.int({ error }).check(z.gte(0, { error }));

export const createExportSchema = z
  .object({
    /** The Logport account (absent: `default`, the ambient credentials). */
    account: z.optional(z.string().check(z.regex(ACCOUNT_NAME, { error: E.invalidValue }))),
    region: z.string().check(z.regex(REGION_PATTERN, { error: E.regionInvalid })),
    logGroupNames: z
      .array(logGroupNameSchema)
      .check(
        z.minLength(1, { error: E.logGroupRequired }),
        z.maxLength(MAX_LOG_GROUPS, { error: E.tooManyGroups }),
      ),
    logStreamNamePrefix: z.optional(streamPrefixSchema),
    from: epochMs(E.fromInvalid),
    to: epochMs(E.toInvalid),
    timeZone: timeZoneSchema,
    chunk: z._default(z.enum(CHUNKS, { error: E.chunkInvalid }), 'none'),
    destination: bucketSchema,
    destinationPrefix: z._default(destinationPrefixSchema, DEFAULT_PREFIX),
    taskName: z.optional(taskNameSchema),
    /** Queue even a single export (another export is active and the user chose to wait in line). */
    queue: z._default(z.boolean(), false),
    /** Makes the generated task names of a batch the ones the review showed (see planExports' makeId). */
    batchId: z.optional(z.string().check(z.regex(/^[a-z0-9]{4,12}$/))),
  })
  .check(
    z.superRefine((v, ctx) => {
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
    }),
  );

export type CreateExportValues = z.input<typeof createExportSchema>;
export type CreateExportInput = z.output<typeof createExportSchema>;

/** What a message key looks like (`wizard.errors.bucketInvalid`); anything else is zod's own English. */
const MESSAGE_KEY = /^[a-z]+\.errors\.[A-Za-z]+$/;

/**
 * Field → message keys, the first path segment naming the field (`logGroupNames.0` → `logGroupNames`). Only
 * the first problem per field: zod goes on checking after a failure, and "required" plus "too short" plus
 * "invalid" for one empty box says less than "required" alone. A check without a key of ours (a wrong type,
 * which only a direct call sends) becomes `fallback`: the browser only ever gets keys it can translate.
 */
export function fieldErrorsOf(
  error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> },
  fallback: string = E.invalidValue,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= [MESSAGE_KEY.test(issue.message) ? issue.message : fallback];
  }
  return out;
}
