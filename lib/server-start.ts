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
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // A broken accounts file stops the start with what to fix, rather than a console that hides accounts.
  const { AccountsFileError, readAccountsFile } = await import('./accounts/config');
  try {
    readAccountsFile();
  } catch (err) {
    if (!(err instanceof AccountsFileError)) throw err;
    console.error(`Logport will not start: LOGPORT_ACCOUNTS: ${err.message}`);
    process.exit(1);
  }
  // The export queue's workers, one per account; LOGPORT_QUEUE_WORKER=off leaves them to another process
  // (scripts/queue-worker.ts) on the same store.
  if (process.env.LOGPORT_QUEUE_WORKER !== 'off') {
    const { superviseWorkers } = await import('./accounts/workers');
    await superviseWorkers();
    // Alert deliveries (issue 13): their own loop and lease beside the workers, never in an export's way.
    const { startAlerts } = await import('./alerts/start');
    startAlerts();
  } else {
    // Still migrate at start (on PostgreSQL under an advisory lock: replicas starting together migrate once).
    const { storeHealth } = await import('./db');
    await storeHealth(30_000);
  }
}
