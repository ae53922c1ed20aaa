import 'server-only';
import { isRole } from '@/lib/auth/roles';
import type { StoredJob } from './store';

/** The worker's small settings and helpers, kept apart so worker.ts stays about its decisions. */

export function queuePollMs(): number {
  const n = Number(process.env.LOGPORT_QUEUE_POLL_MS);
  return Number.isFinite(n) && n >= 50 ? n : 5_000;
}

/** The person who queued a job is the one who launched its export. */
export function enqueuer(job: StoredJob) {
  return { name: job.enqueuedBy, role: isRole(job.enqueuedRole) ? job.enqueuedRole : 'operator' } as const;
}

export function backoffMs(attempts: number, base: number): number {
  const cap = Math.min(60_000, base * 2 ** Math.min(Math.max(attempts, 1), 6));
  return Math.round(cap / 2 + Math.random() * (cap / 2));
}

/** The Regions whose exports count against the account's one slot (its configured Regions). */
export async function defaultRegions(account: string): Promise<string[]> {
  const { accountRegions } = await import('@/lib/accounts/registry');
  return accountRegions(account);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
