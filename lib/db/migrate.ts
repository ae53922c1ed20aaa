import 'server-only';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { migrations } from './migrations';

/** Applies the migrations this SQLite file has not seen, each with its version bump in one transaction. */
export function migrateSqlite(db: Database.Database): void {
  migrations.forEach((migration, index) => {
    const version = index + 1;
    // Read inside the write lock: two processes opening one new file at once apply each migration once.
    db.transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (version <= current) return;
      db.exec(migration.sqlite);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  });
}

// Any constant: replicas starting together serialise their migrations on this advisory lock.
const MIGRATION_LOCK = 7_112_026;

/**
 * Applies the pending migrations to PostgreSQL in one transaction under an advisory lock, so replicas that
 * start together run each migration exactly once (the others wait, then find nothing to do).
 */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS logport_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)',
    );
    await client.query('INSERT INTO logport_schema (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING');
    const { rows } = await client.query<{ version: number }>(
      'SELECT version FROM logport_schema WHERE id = 1',
    );
    const current = rows[0]?.version ?? 0;
    for (const [index, migration] of migrations.entries()) {
      const version = index + 1;
      if (version <= current) continue;
      await client.query(migration.postgres);
      await client.query('UPDATE logport_schema SET version = $1 WHERE id = 1', [version]);
      console.log(`[db] migration ${version} (${migration.name}) applied`);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** The schema version this build knows (its number of migrations). */
export function latestVersion(): number {
  return migrations.length;
}
