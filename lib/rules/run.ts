import 'server-only';
import type { QueueWorker } from '@/lib/queue/worker';

/**
 * Asks the scheduler to run now (a rule saved or resumed, "run now"). The scheduler runs on the process that
 * holds the worker's lease; in this process that is the worker started at server start. Elsewhere (another
 * replica holds the lease) the request is left to that process's next tick.
 */
const g = globalThis as unknown as { logportQueueWorker?: QueueWorker };

export async function requestSchedulerRun(
  _region: string,
  { wait = false }: { wait?: boolean } = {},
): Promise<number | null> {
  const worker = g.logportQueueWorker;
  if (!worker) return null;
  const run = worker.scheduleNow();
  if (!wait) {
    void run.catch(() => undefined);
    return null;
  }
  return run;
}

/** How often the scheduler looks at the rules (`LOGPORT_SCHEDULER_TICK_MS`, default one minute). */
export function schedulerTickMs(): number {
  const n = Number(process.env.LOGPORT_SCHEDULER_TICK_MS);
  return Number.isFinite(n) && n >= 100 ? n : 60_000;
}

/** One scheduler pass over every configured Region of the default account; returns windows enqueued. */
export async function runScheduler(now = Date.now()): Promise<number> {
  const { configuredRegions } = await import('@/lib/aws/regions');
  const { schedulerTick } = await import('./scheduler');
  let enqueued = 0;
  for (const region of await configuredRegions()) {
    try {
      enqueued += (await schedulerTick({ account: 'default', region }, { now })).enqueued;
    } catch (err) {
      // One Region's trouble (AWS unreachable there, throttling) must not stop the others.
      console.error(`[scheduler] ${region}:`, err instanceof Error ? err.message : err);
    }
  }
  return enqueued;
}
