import 'server-only';
import { QueueWorker, type WorkerOptions } from './worker';

// One worker per server process (globalThis survives dev reloads); the lease makes it one per store.
const g = globalThis as unknown as { logportQueueWorker?: QueueWorker; logportShutdown?: Promise<void> };

// How long a clean stop waits for the worker's current step (an AWS call may be in flight) before giving up
// the lease; past it the lease is left to expire, which is the crash path and just as safe.
const STOP_WAIT_MS = 10_000;

/** Starts this process's worker; `schedule` is work that must run only on the lease holder (the rules' scheduler). */
export function startQueueWorker(schedule?: WorkerOptions['schedule']): QueueWorker {
  if (!g.logportQueueWorker) {
    g.logportQueueWorker = new QueueWorker({ schedule });
    g.logportQueueWorker.start();
    releaseOnSignals(g.logportQueueWorker);
    console.log(
      `[queue] worker ${g.logportQueueWorker.owner} started (poll ${g.logportQueueWorker.pollMs} ms)`,
    );
  }
  return g.logportQueueWorker;
}

/**
 * A clean stop (SIGTERM from an orchestrator, Ctrl-C) finishes the worker's current step and releases its
 * lease, so a restarted server takes over at once instead of waiting for the lease to expire. Releasing while a
 * CreateExportTask is in flight could let another process submit the job again, so the step is awaited first.
 * Next.js exits on the same signals once its HTTP server has closed; its exit waits for this (bounded).
 */
function releaseOnSignals(worker: QueueWorker): void {
  const exit = process.exit.bind(process);
  const stop = () => {
    g.logportShutdown ??= Promise.race([
      worker.stop().catch((err: unknown) => console.error('[queue] stop failed', err)),
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
