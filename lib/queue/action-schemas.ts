import { z } from 'zod';

/** Inputs of the queue's server actions; the actions validate with these before anything else. */
export const jobIdInput = z.object({ jobId: z.uuid() }).strict();
export const onFailureInput = z.object({ onFailure: z.enum(['continue', 'pause']) }).strict();
