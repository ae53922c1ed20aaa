// zod/mini: the rules form ships this schema to the browser (as the wizard does with its own).
import * as z from 'zod/mini';
import { ACCOUNT_NAME } from '@/lib/accounts/types';
import {
  bucketSchema,
  logGroupNameSchema,
  REGION_PATTERN,
  timeZoneSchema,
  E as WIZARD,
} from '@/lib/export-tasks/create-schema';
import { hasForbiddenChars } from '@/lib/text/free-text';
import { DEFAULT_TEMPLATE, templateProblems } from './template';
import { EVERY, type RuleInput, type Selection } from './types';

/**
 * The ONE schema for a rule: the form validates with it as the user types, the server action and
 * POST/PUT /api/rules validate again with it. Messages are message keys (`rules.errors.*`, or the wizard's
 * own for the fields they share), never text.
 */
export const R = {
  nameRequired: 'rules.errors.nameRequired',
  nameTooLong: 'rules.errors.nameTooLong',
  nameControlChars: 'rules.errors.nameControlChars',
  selectionOne: 'rules.errors.selectionOne',
  namesRequired: 'rules.errors.namesRequired',
  tooManyNames: 'rules.errors.tooManyNames',
  prefixRequired: 'rules.errors.prefixRequired',
  tagKeyInvalid: 'rules.errors.tagKeyInvalid',
  tagValueInvalid: 'rules.errors.tagValueInvalid',
  settleInvalid: 'rules.errors.settleInvalid',
  backfillInvalid: 'rules.errors.backfillInvalid',
  templateInvalid: 'rules.errors.templateInvalid',
  accountInvalid: 'rules.errors.accountInvalid',
  regionOrRegions: 'rules.errors.regionOrRegions',
  behindInvalid: 'rules.errors.behindInvalid',
} as const;

export const MAX_RULE_NAMES = 1000;
/** Settle delay: none up to a week. */
export const MAX_SETTLE_MINUTES = 7 * 24 * 60;
export const DEFAULT_SETTLE_MINUTES = 720;
/** rule.behind (issue 13): a due window not archived this long after it became due; 15 min to 30 days. */
export const DEFAULT_BEHIND_MINUTES = 360;
export const MIN_BEHIND_MINUTES = 15;
export const MAX_BEHIND_MINUTES = 30 * 24 * 60;

// CloudWatch Logs tags: letters, spaces, numbers and _ . : / = + - @ (key 1-128, value 0-256).
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

const selectionSchema = z
  .strictObject({
    names: z.optional(
      z
        .array(logGroupNameSchema)
        .check(
          z.minLength(1, { error: R.namesRequired }),
          z.maxLength(MAX_RULE_NAMES, { error: R.tooManyNames }),
        ),
    ),
    prefix: z.optional(
      z
        .string()
        .check(
          z.trim(),
          z.minLength(1, { error: R.prefixRequired }),
          z.maxLength(512, { error: WIZARD.logGroupTooLong }),
          z.regex(/^[.\-_/#A-Za-z0-9]+$/, { error: WIZARD.logGroupInvalid }),
        ),
    ),
    tag: z.optional(
      z.strictObject({
        key: z.string().check(
          z.trim(),
          z.minLength(1, { error: R.tagKeyInvalid }),
          z.maxLength(128, { error: R.tagKeyInvalid }),
          z.regex(TAG_CHARS, { error: R.tagKeyInvalid }),
          z.refine((k: string) => !k.startsWith('aws:'), { error: R.tagKeyInvalid }),
        ),
        value: z
          .string()
          .check(
            z.trim(),
            z.maxLength(256, { error: R.tagValueInvalid }),
            z.regex(TAG_CHARS, { error: R.tagValueInvalid }),
          ),
      }),
    ),
  })
  .check(
    z.refine((s) => [s.names, s.prefix, s.tag].filter((x) => x !== undefined).length === 1, {
      error: R.selectionOne,
    }),
  );

function toSelection(s: z.output<typeof selectionSchema>): Selection {
  if (s.names) return { names: [...new Set(s.names)] };
  if (s.prefix !== undefined) return { prefix: s.prefix };
  return { tag: s.tag ?? { key: '', value: '' } };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1970 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export const ruleInputSchema = z
  .strictObject({
    name: z.string().check(
      z.trim(),
      z.minLength(1, { error: R.nameRequired }),
      z.maxLength(64, { error: R.nameTooLong }),
      z.refine((n: string) => !hasForbiddenChars(n), { error: R.nameControlChars }),
    ),
    accounts: z.optional(
      z.union([
        z.literal('*'),
        z
          .array(z.string().check(z.regex(ACCOUNT_NAME, { error: R.accountInvalid })))
          .check(z.minLength(1, { error: R.accountInvalid }), z.maxLength(500, { error: R.accountInvalid })),
      ]),
    ),
    region: z.optional(z.string().check(z.regex(REGION_PATTERN, { error: WIZARD.regionInvalid }))),
    regions: z.optional(
      z
        .array(z.string().check(z.regex(REGION_PATTERN, { error: WIZARD.regionInvalid })))
        .check(
          z.minLength(1, { error: WIZARD.regionInvalid }),
          z.maxLength(30, { error: WIZARD.regionInvalid }),
        ),
    ),
    logGroups: z.pipe(selectionSchema, z.transform(toSelection)),
    exclude: z._default(
      z.array(logGroupNameSchema).check(z.maxLength(MAX_RULE_NAMES, { error: R.tooManyNames })),
      [],
    ),
    bucket: z.optional(bucketSchema),
    buckets: z.optional(
      z.record(z.string().check(z.regex(REGION_PATTERN, { error: WIZARD.regionInvalid })), bucketSchema),
    ),
    prefixTemplate: z._default(
      z.string().check(
        z.trim(),
        z.overwrite((t: string) => (t === '' ? DEFAULT_TEMPLATE : t)),
        z.superRefine((t: string, ctx) => {
          const first = templateProblems(t)[0];
          if (first) ctx.issues.push({ code: 'custom', message: first, input: t });
        }),
      ),
      DEFAULT_TEMPLATE,
    ),
    every: z._default(z.enum(EVERY, { error: WIZARD.invalidValue }), 'day'),
    timeZone: z._default(timeZoneSchema, 'UTC'),
    settleMinutes: z._default(
      z
        .int({ error: R.settleInvalid })
        .check(z.gte(0, { error: R.settleInvalid }), z.lte(MAX_SETTLE_MINUTES, { error: R.settleInvalid })),
      DEFAULT_SETTLE_MINUTES,
    ),
    backfillFrom: z.optional(z.string().check(z.refine(isValidDate, { error: R.backfillInvalid }))),
    // Optional: absent, the store keeps DEFAULT_BEHIND_MINUTES (lib/rules/store.ts).
    behindAfterMinutes: z.optional(
      z
        .int({ error: R.behindInvalid })
        .check(
          z.gte(MIN_BEHIND_MINUTES, { error: R.behindInvalid }),
          z.lte(MAX_BEHIND_MINUTES, { error: R.behindInvalid }),
        ),
    ),
    enabled: z._default(z.boolean({ error: WIZARD.invalidValue }), true),
  })
  .check(
    // Every Region needs a bucket: one for all, or one per Region.
    z.refine(
      (r) => r.bucket !== undefined || (r.buckets !== undefined && Object.keys(r.buckets).length > 0),
      {
        path: ['bucket'],
        error: WIZARD.bucketRequired,
      },
    ),
    z.refine((r) => !(r.region && r.regions), { path: ['regions'], error: R.regionOrRegions }),
  );

export type RuleFormValues = z.input<typeof ruleInputSchema>;
export type ParsedRuleInput = z.output<typeof ruleInputSchema> & RuleInput;
