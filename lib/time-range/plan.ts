import type { ExportSpec } from '@/lib/export-tasks/types';
import { type Chunk, type ExportRange, planChunks } from './chunks';
import { toWallTime } from './zone';

/** One CreateExportTask the wizard will launch or queue (the queue's NewJob has the same fields). */
export type PlannedExport = ExportSpec;

const pad = (n: number) => String(n).padStart(2, '0');

/** A file-name-safe, readable form of a log group name: `/aws/lambda/orders-api` → `aws-lambda-orders-api`. */
export function slugify(logGroupName: string, max = 120): string {
  const slug = logGroupName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, max)
    .replace(/[-.]+$/, '');
  return slug || 'export';
}

/** `20260514` when the instant is a midnight in the zone, else `20260514T1530`. */
function stamp(epochMs: number, timeZone: string): string {
  const w = toWallTime(epochMs, timeZone);
  const date = `${w.year}${pad(w.month)}${pad(w.day)}`;
  return w.hour === 0 && w.minute === 0 && w.second === 0 && w.millisecond === 0
    ? date
    : `${date}T${pad(w.hour)}${pad(w.minute)}`;
}

/**
 * A task name from the log group and the dates, e.g. `aws-lambda-orders-api-20260514-20260514` for one day.
 * The end shown is the last day covered (inclusive `to` + 1 ms is the exclusive end).
 */
export function suggestTaskName(
  logGroupName: string,
  range: ExportRange,
  timeZone: string,
  id?: string,
): string {
  const end = range.to + 1;
  const endStamp = stamp(end, timeZone);
  // An end at midnight means "through the previous day": name it by the last day included.
  const last = /^\d{8}$/.test(endStamp) ? stamp(end - 86_400_000 / 2, timeZone).slice(0, 8) : endStamp;
  const parts = [slugify(logGroupName), stamp(range.from, timeZone), last];
  if (id) parts.push(id);
  return parts.join('-');
}

/** Ids `<batch>0`, `<batch>1`, … : the same plan gives the same names in the review and in the queue. */
export function batchIds(batchId: string): () => string {
  let i = 0;
  return () => `${batchId}${(i++).toString(36)}`;
}

/** A short random id (base 36); task names must be unique per queued job so the worker can match them. */
export function shortId(length = 6): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => (b % 36).toString(36)).join('');
}

export type PlanInput = {
  /** The Logport account (absent: `default`). */
  account?: string;
  region: string;
  logGroupNames: string[];
  logStreamNamePrefix?: string;
  from: number;
  to: number;
  chunk: Chunk;
  timeZone: string;
  destination: string;
  destinationPrefix: string;
  /** Used as is when the plan is a single export; several exports get generated, unique names. */
  taskName?: string;
  makeId?: () => string;
};

/** Every export of a job: each log group × each chunk of the range, in that order. */
export function planExports(input: PlanInput): PlannedExport[] {
  const ranges = planChunks(input.from, input.to, input.chunk, input.timeZone);
  const total = ranges.length * input.logGroupNames.length;
  const makeId = input.makeId ?? shortId;
  const out: PlannedExport[] = [];
  for (const logGroupName of input.logGroupNames) {
    for (const range of ranges) {
      const single = total === 1 && input.taskName;
      out.push({
        ...(input.account ? { account: input.account } : {}),
        region: input.region,
        logGroupName,
        ...(input.logStreamNamePrefix ? { logStreamNamePrefix: input.logStreamNamePrefix } : {}),
        from: range.from,
        to: range.to,
        destination: input.destination,
        destinationPrefix: input.destinationPrefix,
        taskName: single
          ? (input.taskName ?? '')
          : suggestTaskName(logGroupName, range, input.timeZone, makeId()),
      });
    }
  }
  return out;
}
