import { z } from 'zod';

/**
 * One export job as the wizard hands it to the queue. The rules are CreateExportTask's own (see
 * docs/export-tasks-facts.md), checked again here because enqueueJobs is the last stop before AWS.
 */
const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;
const LOG_GROUP = /^[.\-_/#A-Za-z0-9]+$/;
const STREAM_PREFIX = /^[^:*]*$/;
// S3's bucket naming rules (lowercase, digits, dots, hyphens; starts and ends with a letter or digit).
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export const newJobSchema = z
  .object({
    region: z.string().regex(REGION),
    logGroupName: z.string().min(1).max(512).regex(LOG_GROUP),
    logStreamNamePrefix: z.string().min(1).max(512).regex(STREAM_PREFIX).optional(),
    from: z.number().int().nonnegative(),
    to: z.number().int().nonnegative(),
    destination: z.string().regex(BUCKET),
    destinationPrefix: z
      .string()
      .min(1)
      .max(512)
      .refine((p) => !p.startsWith('/'), 'no leading slash'),
    taskName: z.string().trim().min(1).max(512),
  })
  .strict()
  .refine((j) => j.from < j.to, { path: ['to'], message: 'from must be before to' });

/** A batch: at least one job, at most a few years of daily chunks for a handful of groups. */
export const MAX_JOBS_PER_BATCH = 5000;
export const newJobsSchema = z.array(newJobSchema).min(1).max(MAX_JOBS_PER_BATCH);
