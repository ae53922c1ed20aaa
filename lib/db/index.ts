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
  g.logportStore = openStore();
  return g.logportStore;
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
