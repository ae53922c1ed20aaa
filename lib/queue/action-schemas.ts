import { z } from 'zod';
import { RULE_ID } from '@/lib/rules/id';

/** Inputs of the queue's server actions; the actions validate with these before anything else. */
export const jobIdInput = z.object({ jobId: z.uuid() }).strict();
const account = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/);
export const onFailureInput = z
  .object({ onFailure: z.enum(['continue', 'pause']), account: account.optional() })
  .strict();
/** Pause or resume: this account (`account`, default the page's) or every account (`all`). */
export const pauseInput = z.object({ account: account.optional(), all: z.boolean().optional() }).strict();
/** A batch a person queued (rules' batches are `rule-<id>` and are not cancelled as a batch). */
export const batchIdInput = z.object({ batchId: z.uuid() }).strict();
/** A rule's id: 32 hex characters (lib/rules/service.ts). */
export const ruleIdInput = z
  .object({ ruleId: z.string().regex(RULE_ID), account: account.optional() })
  .strict();
