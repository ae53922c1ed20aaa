import 'server-only';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import pg from 'pg';
import { dataDir } from '@/lib/config';
import { migratePostgres, migrateSqlite } from './migrate';
import type { Tables } from './tables';

export type Engine = 'sqlite' | 'postgres';

/** Where the store lives: `LOGPORT_DATABASE_URL=postgres://…` (several replicas), else a SQLite file. */
export function storeTarget(): { engine: Engine; where: string } {
  const url = process.env.LOGPORT_DATABASE_URL?.trim();
  if (url && /^postgres(ql)?:\/\//.test(url)) return { engine: 'postgres', where: url };
  return { engine: 'sqlite', where: path.join(dataDir(), 'logport.db') };
}

/**
 * SQLite's default BEGIN is deferred: a transaction that reads and then writes can meet another process's
 * write in between and fail at once with SQLITE_BUSY (busy_timeout does not help there). BEGIN IMMEDIATE
 * takes the write lock up front, so two processes on one data folder queue instead of failing.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class LogportSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** Opens the SQLite file (WAL, a writer waits up to 5 s for another) and brings its schema up to date. */
export function openSqlite(file: string): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrateSqlite(db);
  return db;
}

// BIGINT (20) and NUMERIC (1700, e.g. SUM of BIGINT) come back from node-postgres as strings: Logport's are
// epoch milliseconds and counts, well inside Number's exact range.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

function poolSize(): number {
  const n = Number(process.env.LOGPORT_DATABASE_POOL_MAX);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

/**
 * TLS for managed PostgreSQL (RDS, Aurora): `LOGPORT_DATABASE_CA_FILE` names the CA bundle to verify the
 * server against. Without it, node-postgres follows the URL's `sslmode` (see the README for what each means).
 */
function sslOptions(): pg.PoolConfig['ssl'] {
  const caFile = process.env.LOGPORT_DATABASE_CA_FILE;
  if (!caFile) return undefined;
  return { ca: readFileSync(/*turbopackIgnore: true*/ caFile, 'utf8'), rejectUnauthorized: true };
}

/**
 * node-postgres lets the URL's TLS settings override the `ssl` option given beside it: with a CA bundle of our
 * own, the URL's `sslmode`/`sslrootcert` are dropped so the bundle (and full verification) is what applies.
 */
export function connectionString(url: string, withCa: boolean): string {
  if (!withCa) return url;
  const parsed = new URL(url);
  for (const key of ['sslmode', 'sslrootcert', 'uselibpqcompat']) parsed.searchParams.delete(key);
  return parsed.toString();
}

export function postgresPool(url: string): pg.Pool {
  const ssl = sslOptions();
  const pool = new pg.Pool({
    connectionString: connectionString(url, ssl !== undefined),
    max: poolSize(),
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    ...(ssl ? { ssl } : {}),
  });
  // An idle client that loses its server (failover, restart) emits here; without a listener Node would crash.
  pool.on('error', (err) => console.error('[db] idle PostgreSQL connection failed:', err.message));
  return pool;
}

export type Store = { engine: Engine; where: string; kysely: Kysely<Tables>; ready: Promise<void> };

export function openStore(): Store {
  const { engine, where } = storeTarget();
  if (engine === 'sqlite') {
    const kysely = new Kysely<Tables>({
      dialect: new LogportSqliteDialect({ database: async () => openSqlite(where) }),
    });
    return { engine, where, kysely, ready: Promise.resolve() };
  }
  const pool = postgresPool(where);
  const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { engine, where, kysely, ready: migratePostgres(pool) };
}
