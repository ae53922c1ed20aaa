/** Runs once when the Next.js server process starts (instrumentation.ts). */
export async function onServerStart(): Promise<void> {
  // Every request learns its socket address before Next.js sees it (sign-in limits, the sessions list).
  const { installPeerStamp } = await import('./auth/peer-address');
  installPeerStamp();
  if (process.env.NODE_ENV === 'production' && !process.env.NEXTAUTH_SECRET) {
    console.error(
      'Logport will not start: set NEXTAUTH_SECRET to a long random value (for example: openssl rand -base64 32).',
    );
    process.exit(1);
  }
  // The export queue's worker; not while `next build` prerenders, and LOGPORT_QUEUE_WORKER=off leaves it to
  // another process (scripts/queue-worker.ts) on the same data folder.
  if (process.env.NEXT_PHASE !== 'phase-production-build' && process.env.LOGPORT_QUEUE_WORKER !== 'off') {
    const { startQueueWorker } = await import('./queue/start');
    const { runScheduler, schedulerTickMs } = await import('./rules/run');
    // The rules' scheduler runs on the process that holds the worker's lease, so two never both schedule.
    startQueueWorker({ everyMs: schedulerTickMs(), run: () => runScheduler() });
  }
}
