import 'server-only';
import { AlertDeliverer } from './deliverer';

// One alerts loop per process (globalThis survives dev reloads); its lease makes it one per store.
const g = globalThis as unknown as { logportAlerts?: AlertDeliverer };

/** Starts this process's alerts loop (beside the queue's workers; LOGPORT_QUEUE_WORKER=off starts neither). */
export function startAlerts(): AlertDeliverer {
  if (!g.logportAlerts) {
    const deliverer = new AlertDeliverer();
    g.logportAlerts = deliverer;
    deliverer.start();
    // A clean stop gives the lease back, so another process takes over at once rather than after it expires.
    const stop = () => void deliverer.stop();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    console.log(`[alerts] deliveries ${deliverer.owner} started (poll ${deliverer.pollMs} ms)`);
  }
  return g.logportAlerts;
}
