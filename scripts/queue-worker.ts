import { QueueWorker } from '../lib/queue/worker';
import { runScheduler, schedulerTickMs } from '../lib/rules/run';

/**
 * Runs the queue worker alone, outside Next, against the data folder and AWS endpoint in the environment.
 * The crash test kills it with SIGKILL mid-flight; operators can use it to drain a queue without the web UI.
 *
 *   node --conditions=react-server --import tsx scripts/queue-worker.ts
 *
 * (`--conditions=react-server` lets the server-only modules load outside a React Server Components bundle.)
 */
const regions = (process.env.LOGPORT_REGIONS ?? process.env.AWS_REGION ?? 'us-east-1')
  .split(',')
  .map((r) => r.trim())
  .filter(Boolean);
// The same process shape as the server's: the rules' scheduler runs beside the queue, under its lease.
const worker = new QueueWorker({
  regions: async () => regions,
  schedule: { everyMs: schedulerTickMs(), run: () => runScheduler() },
});
worker.start();
console.log(`queue worker ${worker.owner} polling every ${worker.pollMs} ms`);

const stop = () => {
  worker.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
