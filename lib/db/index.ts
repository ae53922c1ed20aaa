import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, Transaction } from 'kysely';
import { type Engine, openStore, type Store, storeTarget } from './engine';
import type { Tables } from './tables';

export type { Engine } from './engine';
export type { Tables } from './tables';
export type Db = Kysely<Tables>;

/**
 * The one entry to Logport's own store: a Kysely query layer over the embedded SQLite file (default) or a
 * shared PostgreSQL (LOGPORT_DATABASE_URL). One store per process and target; globalThis survives dev reloads.
 */
const g = globalThis as unknown as { logportStore?: Store };
const current = new AsyncLocalStorage<Transaction<Tables>>();

function store(): Store {
  const target = storeTarget();
  const open = g.logportStore;
  if (open && open.where === target.where) return open;
  if (open) void open.kysely.destroy().catch(() => undefined);
  const opened = openStore();
  g.logportStore = opened;
  // A store that could not start (PostgreSQL down or unreachable while this replica boots) is dropped, so the
  // next caller opens it again and migrates then: the workers' retries and /api/health recover on their own
  // once the database answers, instead of awaiting the same failed start until the process is restarted.
  opened.ready.catch(() => {
    if (g.logportStore !== opened) return;
    g.logportStore = undefined;
    void opened.kysely.destroy().catch(() => undefined);
  });
  return opened;
}

/**
 * The query builder to use here: the transaction this code runs inside (see `transaction`), else the store.
 * Code called from inside a transaction joins it without being handed it: on SQLite, which has one
 * connection, a query outside the open transaction would wait for it forever.
 */
export async function getDb(): Promise<Db> {
  const inside = current.getStore();
  if (inside) return inside;
  const s = store();
  await s.ready;
  return s.kysely;
}

/** Runs `work` in one transaction (all or nothing); nested calls join the outer one. */
export async function transaction<T>(work: (trx: Db) => Promise<T>): Promise<T> {
  const inside = current.getStore();
  if (inside) return work(inside);
  const s = store();
  await s.ready;
  return s.kysely.transaction().execute((trx) => current.run(trx, () => work(trx)));
}

export function engine(): Engine {
  return storeTarget().engine;
}

/** Closes the store's connections (tests, a clean shutdown). */
export async function closeDb(): Promise<void> {
  const open = g.logportStore;
  g.logportStore = undefined;
  await open?.kysely.destroy();
}

/** The number of rows an UPDATE or DELETE changed, from Kysely's result (bigint on both engines). */
export function changed(result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }): number {
  return Number(result.numUpdatedRows ?? result.numDeletedRows ?? 0n);
}

/**
 * Whether the store answers, and at which schema version (for /api/health, a load balancer's readiness check).
 * Never throws; a store that does not answer within `timeoutMs` is reported unreachable.
 */
export async function storeHealth(
  timeoutMs = 3_000,
): Promise<{ engine: Engine; reachable: boolean; version: number | null; latest: number }> {
  const { latestVersion } = await import('./migrate');
  const { sql } = await import('kysely');
  const kind = engine();
  const probe = (async () => {
    const db = await getDb();
    if (kind === 'sqlite') {
      const row = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db);
      return Number(row.rows[0]?.user_version ?? 0);
    }
    const row = await sql<{ version: number }>`SELECT version FROM logport_schema WHERE id = 1`.execute(db);
    return Number(row.rows[0]?.version ?? 0);
  })();
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('timeout')), timeoutMs).unref(),
  );
  try {
    const version = await Promise.race([probe, timeout]);
    return { engine: kind, reachable: true, version, latest: latestVersion() };
  } catch (err) {
    console.error('[health] store unreachable:', err instanceof Error ? err.message : err);
    return { engine: kind, reachable: false, version: null, latest: latestVersion() };
  }
}
