import { z } from 'zod';
import { hasForbiddenChars } from '@/lib/text/free-text';
import { STATUS_CODES } from './types';

/** Query strings send empty values for cleared filters (`?status=`); they mean "no filter", not an error. */
const blank = (value: unknown) =>
  typeof value === 'string' && value.trim() === ''
    ? undefined
    : typeof value === 'string'
      ? value.trim()
      : value;

// AWS task ids are UUIDs; the API accepts 1-512 characters, so Logport only refuses what AWS would.
const taskId = z
  .string()
  .min(1)
  .max(512)
  .refine((v) => !hasForbiddenChars(v) && ![...v].some((c) => c.trim() === ''), 'no spaces');

/**
 * The list query the table polls (GET /api/export-tasks): `account, region, status, taskId, nextToken, limit`.
 * `status` becomes AWS's `statusCode`; `limit` is AWS's 1-50 (default 50).
 */
export const listQuerySchema = z.object({
  account: z.preprocess(blank, z.string().max(32).optional()),
  region: z.preprocess(blank, z.string().max(32).optional()),
  status: z.preprocess(blank, z.enum(STATUS_CODES).optional()),
  taskId: z.preprocess(blank, taskId.optional()),
  nextToken: z.preprocess(blank, z.string().max(4096).optional()),
  limit: z.preprocess(blank, z.coerce.number().int().min(1).max(50).optional()),
});
export type ListQueryInput = z.infer<typeof listQuerySchema>;

export function parseListQuery(params: URLSearchParams) {
  return listQuerySchema.safeParse(Object.fromEntries(params));
}

/** The cancel action's input (the confirmation dialog sends it; the action validates it again). */
export const cancelInputSchema = z.object({
  account: z.string().min(1).max(32).optional(),
  region: z.string().min(1).max(32),
  taskId,
});
export type CancelInput = z.infer<typeof cancelInputSchema>;
