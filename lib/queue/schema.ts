import * as z from 'zod/mini';
import { ACCOUNT_NAME } from '@/lib/accounts/types';
import {
  bucketSchema,
  destinationPrefixSchema,
  logGroupNameSchema,
  REGION_PATTERN,
  taskNameSchema,
} from '@/lib/export-tasks/create-schema';

/**
 * One export job as the wizard hands it to the queue. The rules are CreateExportTask's own (see
 * docs/export-tasks-facts.md), checked again here because enqueueJobs is the last stop before AWS; the
 * field rules are the wizard's own (create-schema), so a plan the wizard accepts is a plan the queue accepts.
 */
export const newJobSchema = z
  .strictObject({
    account: z.optional(z.string().check(z.regex(ACCOUNT_NAME))),
    region: z.string().check(z.regex(REGION_PATTERN)),
    logGroupName: logGroupNameSchema,
    logStreamNamePrefix: z.optional(z.string().check(z.minLength(1), z.maxLength(512), z.regex(/^[^:*]*$/))),
    from: z.int().check(z.gte(0)),
    to: z.int().check(z.gte(0)),
    destination: bucketSchema,
    destinationPrefix: destinationPrefixSchema,
    taskName: taskNameSchema.check(z.minLength(1)),
  })
  .check(z.refine((j) => j.from < j.to, { path: ['to'], message: 'from must be before to' }));

/** A batch: at least one job, at most a few years of daily chunks for a handful of groups. */
export const MAX_JOBS_PER_BATCH = 5000;
export const newJobsSchema = z.array(newJobSchema).check(z.minLength(1), z.maxLength(MAX_JOBS_PER_BATCH));
