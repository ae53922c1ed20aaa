import 'server-only';
import { QueueWorker } from './worker';

// One worker per server process (globalThis survives dev reloads); the lease makes it one per data folder.
const g = globalThis as unknown as { logportQueueWorker?: QueueWorker };

export function startQueueWorker(): QueueWorker {
  if (!g.logportQueueWorker) {
    g.logportQueueWorker = new QueueWorker();
    g.logportQueueWorker.start();
    console.log(
      `[queue] worker ${g.logportQueueWorker.owner} started (poll ${g.logportQueueWorker.pollMs} ms)`,
    );
  }
  return g.logportQueueWorker;
}
