import 'server-only';
import { storeHealth } from '@/lib/db';
import { runQueueWorkers } from '@/lib/queue/start';
import { runScheduler, schedulerTickMs } from '@/lib/rules/run';
import { listAccounts } from './registry';

/**
 * Runs one queue worker (with its rules' scheduler, under the same lease) per configured account, and follows
 * the accounts file: an account added gets a worker within a minute, one removed stops.
 */
const FOLLOW_MS = 60_000;
const g = globalThis as unknown as { logportWorkersFollowed?: NodeJS.Timeout };

async function sync(): Promise<void> {
  const accounts = (await listAccounts()).map((a) => a.name);
  await runQueueWorkers(accounts, (account) => ({
    everyMs: schedulerTickMs(),
    run: () => runScheduler(account),
  }));
}

export async function superviseWorkers(): Promise<void> {
  // The store's schema first (on PostgreSQL under an advisory lock, so replicas starting together migrate
  // once). A store that does not answer is not fatal here: the workers retry, /api/health answers 503.
  const store = await storeHealth(30_000);
  if (store.reachable) console.log(`[db] ${store.engine} store at schema version ${store.version}`);
  await sync();
  g.logportWorkersFollowed ??= setInterval(() => {
    sync().catch((err: unknown) => console.error('[accounts] workers not updated:', err));
  }, FOLLOW_MS).unref();
}
