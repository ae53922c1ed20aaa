import 'server-only';
import { QueueWorker, type WorkerOptions } from './worker';

/**
 * One worker per account in this server process (globalThis survives dev reloads); each account's lease makes
 * it one per store, so accounts export in parallel and each account never has two exports of Logport's.
 */
const g = globalThis as unknown as {
  logportQueueWorkers?: Map<string, QueueWorker>;
  logportShutdown?: Promise<void>;
  logportSignalsHooked?: boolean;
};

// How long a clean stop waits for a worker's current step (an AWS call may be in flight) before giving up
// the lease; past it the lease is left to expire, which is the crash path and just as safe.
const STOP_WAIT_MS = 10_000;

export function queueWorkers(): Map<string, QueueWorker> {
  g.logportQueueWorkers ??= new Map();
  return g.logportQueueWorkers;
}

/**
 * Makes this process run one worker for each of `accounts` and none for others (an account removed from the
 * accounts file stops: its worker releases its lease). `schedule` is the work that must run only on the lease
 * holder (the rules' scheduler for that account).
 */
export async function runQueueWorkers(
  accounts: readonly string[],
  schedule: (account: string) => WorkerOptions['schedule'],
): Promise<void> {
  const workers = queueWorkers();
  for (const account of accounts) {
    if (workers.has(account)) continue;
    const worker = new QueueWorker({ account, schedule: schedule(account) });
    workers.set(account, worker);
    worker.start();
    console.log(`[queue] worker ${worker.owner} started for account ${account} (poll ${worker.pollMs} ms)`);
  }
  for (const [account, worker] of workers) {
    if (accounts.includes(account)) continue;
    workers.delete(account);
    await worker.stop().catch((err: unknown) => console.error(`[queue] stop of ${account} failed`, err));
  }
  releaseOnSignals();
}

/**
 * A clean stop (SIGTERM from an orchestrator, Ctrl-C) finishes each worker's current step and releases its
 * lease, so a restarted server takes over at once instead of waiting for the lease to expire. Releasing while a
 * CreateExportTask is in flight could let another process submit the job again, so the step is awaited first.
 * Next.js exits on the same signals once its HTTP server has closed; its exit waits for this (bounded).
 */
function releaseOnSignals(): void {
  if (g.logportSignalsHooked) return;
  g.logportSignalsHooked = true;
  const exit = process.exit.bind(process);
  const stop = () => {
    g.logportShutdown ??= Promise.race([
      Promise.all(
        [...queueWorkers().values()].map((w) =>
          w.stop().catch((err: unknown) => console.error('[queue] stop failed', err)),
        ),
      ).then(() => undefined),
      new Promise<void>((r) => setTimeout(r, STOP_WAIT_MS).unref()),
    ]);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.exit = ((code?: number | string | null) => {
    if (!g.logportShutdown) return exit(code);
    void g.logportShutdown.finally(() => exit(code));
    return undefined as never;
  }) as typeof process.exit;
}
