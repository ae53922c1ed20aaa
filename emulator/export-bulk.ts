import { randomUUID } from 'node:crypto';
import { createRng, pick, rngUuid } from './prng';
import type { Store } from './state';
import type { ExportTask } from './types';

export interface BulkOptions {
  accountId: string;
  region: string;
  count: number;
  logGroupName?: string;
  destination?: string;
  /** Final statuses to spread the tasks over; defaults to mostly COMPLETED. */
  statuses?: Array<'COMPLETED' | 'FAILED' | 'CANCELLED'>;
  /** Tasks are spread over this many days before `now`. */
  spanDays?: number;
  now: number;
  /** With a seed the tasks (ids included) are the same on every run. */
  seed?: number;
  logGroupNames?: string[];
}

const DAY = 86_400_000;
const DEFAULT_MIX: Array<'COMPLETED' | 'FAILED' | 'CANCELLED'> = [
  'COMPLETED',
  'COMPLETED',
  'COMPLETED',
  'COMPLETED',
  'COMPLETED',
  'COMPLETED',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
];

const MESSAGES = {
  COMPLETED: 'Completed successfully',
  FAILED:
    'GetBucketAcl call on the given bucket failed. Please check if CloudWatch Logs has been granted permission to perform this operation.',
  CANCELLED: 'Cancelled by user',
};

/** Creates finished, historical tasks directly in the store: fast enough for 20,000 at once. */
export function bulkCreateTasks(store: Store, options: BulkOptions): number {
  const rng = createRng(options.seed ?? Math.floor(Math.random() * 2 ** 31));
  const mix = options.statuses && options.statuses.length > 0 ? options.statuses : DEFAULT_MIX;
  const groups = options.logGroupNames ?? [options.logGroupName ?? 'my-log-group'];
  const span = (options.spanDays ?? 180) * DAY;
  const newest = options.now - 3_600_000;
  const created: ExportTask[] = [];
  for (let i = 0; i < options.count; i++) {
    const creationTime = Math.floor(newest - span * (1 - i / Math.max(1, options.count)) - rng() * 60_000);
    const code = pick(rng, mix);
    // Mostly one-day ranges; some long ones (weeks) as real histories have.
    const days = rng() < 0.15 ? 7 + Math.floor(rng() * 60) : 1;
    const to = Math.floor((creationTime - DAY * Math.floor(rng() * 3)) / DAY) * DAY;
    const logGroupName = options.logGroupName ?? pick(rng, groups);
    const runMs =
      code === 'CANCELLED'
        ? 20_000 + Math.floor(rng() * 60_000)
        : 30_000 + Math.floor(rng() * 30 * 60_000 * days ** 0.5);
    created.push({
      taskId: options.seed === undefined ? randomUUID() : rngUuid(rng),
      ...(rng() < 0.6
        ? {
            taskName: `${logGroupName.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-/, '')}-${new Date(to).toISOString().slice(0, 10)}`,
          }
        : {}),
      logGroupName,
      from: to - days * DAY,
      to,
      destination: options.destination ?? 'logport-exports',
      destinationPrefix: rng() < 0.7 ? 'exportedlogs' : `archive/${new Date(to).toISOString().slice(0, 7)}`,
      region: options.region,
      accountId: options.accountId,
      seq: store.nextSeq++,
      creationTime,
      pendingMs: 2000,
      runningMs: runMs,
      ...(code === 'CANCELLED'
        ? { cancelRequestedAt: creationTime + runMs - 1000, cancelDoneAt: creationTime + runMs }
        : {}),
      final: { code, message: MESSAGES[code], completionTime: creationTime + runMs },
    });
  }
  store.insertTasks(created);
  store.changed();
  return created.length;
}
