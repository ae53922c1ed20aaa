import * as z from 'zod/mini';
import { ACCOUNT_NAME } from '@/lib/accounts/types';
import { logGroupNameSchema, REGION_PATTERN } from '@/lib/export-tasks/create-schema';
import { RULE_ID } from '@/lib/rules/id';
import { COVERAGE_STATES } from './types';

/** The query strings of the coverage API and page (shared, so both accept and refuse the same things). */
const DAY = 86_400_000;
/** The widest range one request may ask for: a year of hourly windows is already 8,760 per group. */
export const MAX_RANGE_MS = 400 * DAY;

const ms = z.pipe(
  z.string().check(z.regex(/^\d{1,15}$/)),
  z.transform((v: string) => Number(v)),
);

const ruleId = z.string().check(z.regex(RULE_ID));

export const groupCoverageQuery = z
  .strictObject({
    logGroup: logGroupNameSchema,
    from: ms,
    to: ms,
    account: z.optional(z.string()),
    region: z.optional(z.string()),
    rule: z.optional(ruleId),
  })
  .check(z.refine((q) => q.from <= q.to && q.to - q.from <= MAX_RANGE_MS, { path: ['to'], error: 'range' }));

export const overviewQuery = z
  .strictObject({
    account: z.optional(z.string()),
    region: z.optional(z.string()),
    rule: z.optional(ruleId),
    state: z.optional(z.enum(COVERAGE_STATES)),
    q: z.optional(z.string().check(z.maxLength(512))),
    from: z.optional(ms),
    to: z.optional(ms),
    unit: z._default(z.enum(['day', 'hour']), 'day'),
  })
  .check(
    z.refine(
      (q) => q.from === undefined || q.to === undefined || (q.from <= q.to && q.to - q.from <= MAX_RANGE_MS),
      {
        path: ['to'],
        error: 'range',
      },
    ),
  );

/** Days shown by default: the last 30 days (hours: the last 2 days). */
export function defaultRange(unit: 'day' | 'hour', now: number): { from: number; to: number } {
  const span = unit === 'hour' ? 2 * DAY : 30 * DAY;
  return { from: now - span, to: now };
}

export const gapItemsInput = z.strictObject({
  account: z.optional(z.string().check(z.regex(ACCOUNT_NAME))),
  region: z.string().check(z.regex(REGION_PATTERN)),
  items: z
    .array(z.strictObject({ ruleId, logGroup: logGroupNameSchema, start: z.int().check(z.gte(0)) }))
    .check(z.minLength(1), z.maxLength(2000)),
});

export function queryObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries([...params.entries()]);
}
