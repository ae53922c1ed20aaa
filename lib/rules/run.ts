import 'server-only';
import type { QueueWorker } from '@/lib/queue/worker';

/**
 * Asks an account's scheduler to run now (a rule saved or resumed, "run now"). The scheduler runs on the
 * process that holds that account's worker lease; in this process that is its worker started at server
 * start. Elsewhere (another replica holds the lease) the request is left to that process's next tick.
 */
const g = globalThis as unknown as { logportQueueWorkers?: Map<string, QueueWorker> };

export async function requestSchedulerRun(
  account: string,
  { wait = false }: { wait?: boolean } = {},
): Promise<number | null> {
  const worker = g.logportQueueWorkers?.get(account);
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

/** One scheduler pass over every Region of one account; returns windows enqueued. */
export async function runScheduler(account: string, now = Date.now()): Promise<number> {
  const { accountRegions } = await import('@/lib/accounts/registry');
  const { schedulerTick } = await import('./scheduler');
  let enqueued = 0;
  for (const region of await accountRegions(account)) {
    try {
      enqueued += (await schedulerTick({ account, region }, { now })).enqueued;
    } catch (err) {
      // One Region's trouble (AWS unreachable there, a role that cannot be assumed) must not stop the others.
      console.error(`[scheduler] ${account} ${region}:`, err instanceof Error ? err.message : err);
    }
  }
  return enqueued;
}
