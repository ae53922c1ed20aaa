import { superviseWorkers } from '../lib/accounts/workers';
import { startAlerts } from '../lib/alerts/start';

/**
 * Runs the queue workers alone, outside Next, against the store and AWS endpoint in the environment: one per
 * account, each with its rules' scheduler under its lease, as in the server. The crash tests kill it with
 * SIGKILL mid-flight; operators can use it to drain a queue without the web UI (LOGPORT_QUEUE_WORKER=off on
 * the web servers).
 *
 *   node --conditions=react-server --import tsx scripts/queue-worker.ts
 *
 * (`--conditions=react-server` lets the server-only modules load outside a React Server Components bundle.)
 */
superviseWorkers().then(
  () => {
    // The web servers run no background loops with LOGPORT_QUEUE_WORKER=off: alert deliveries run here too.
    startAlerts();
    console.log('queue workers running');
  },
  (err: unknown) => {
    console.error('queue workers did not start:', err);
    process.exit(1);
  },
);

// A clean stop releases the leases first (lib/queue/start.ts defers the exit until they are released).
const stop = () => process.exit(0);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
