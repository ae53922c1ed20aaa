import * as z from 'zod/mini';
import { ACCOUNT_NAME } from '@/lib/accounts/types';
import { REGION_PATTERN } from '@/lib/export-tasks/create-schema';
import { RULE_ID } from '@/lib/rules/id';
import { ruleInputSchema } from './schema';

/** Inputs of the rules' small actions (the rule itself is ruleInputSchema). */
export const ruleIdInput = z.strictObject({ id: z.string().check(z.regex(RULE_ID)) });
export const ruleSwitchInput = z.strictObject({ id: ruleIdInput.shape.id, enabled: z.boolean() });
export const rulePreviewInput = z.strictObject({
  account: z.optional(z.string().check(z.regex(ACCOUNT_NAME))),
  region: z.string().check(z.regex(REGION_PATTERN)),
  logGroups: ruleInputSchema.shape.logGroups,
  exclude: ruleInputSchema.shape.exclude,
});
