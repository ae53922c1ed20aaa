import { queryOptions } from '@tanstack/react-query';
import type { QueueSnapshot } from '@/lib/queue/types';

/** The queue's query key and options; the browser polls GET /api/queue (never a server action). */
export const queueKeys = {
  all: ['queue'] as const,
  snapshot: (account = '') => [...queueKeys.all, 'snapshot', account] as const,
};

export const QUEUE_POLL_MS = 1_500;
/** While idle or paused: slow enough to cost nothing (the route reads only SQLite), fast enough to see a
 * batch another operator queues. */
export const QUEUE_IDLE_POLL_MS = 10_000;

export class QueueLoadError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** One account's queue (each account exports on its own). */
export async function fetchQueue(account: string): Promise<QueueSnapshot> {
  const res = await fetch(`/api/queue?${new URLSearchParams({ account })}`, { cache: 'no-store' });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    throw new QueueLoadError(body.error ?? 'internal');
  }
  return (await res.json()) as QueueSnapshot;
}

/** Polls quickly while work moves, slowly once the queue is idle or paused, never in a background tab. */
export function queueOptions(account: string) {
  return queryOptions({
    queryKey: queueKeys.snapshot(account),
    queryFn: () => fetchQueue(account),
    refetchInterval: (query) => (query.state.data?.active ? QUEUE_POLL_MS : QUEUE_IDLE_POLL_MS),
    refetchIntervalInBackground: false,
  });
}
