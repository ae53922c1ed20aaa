import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * Logport's store from the command line.
 *
 *   npm run db:migrate                          brings the store (LOGPORT_DATABASE_URL, else the SQLite file in
 *                                               LOGPORT_DATA_DIR) to this build's schema; servers do it at start
 *   npm run db:copy-sqlite -- <data folder>     copies an existing SQLite data folder into the PostgreSQL named by
 *                                               LOGPORT_DATABASE_URL, keeping ids, the activity log and the rules'
 *                                               ledger (the target must hold no Logport data yet)
 *
 * Run with `node --conditions=react-server --import tsx scripts/db.ts …` (the npm scripts do).
 */

// Leases are a running process's, not data: a copied store starts without them.
const NOT_COPIED = new Set(['queue_lease', 'logport_schema', 'sqlite_sequence']);

async function migrate(): Promise<void> {
  const { storeHealth, closeDb } = await import('../lib/db');
  const health = await storeHealth(30_000);
  await closeDb();
  if (!health.reachable)
    throw new Error(`the ${health.engine} store does not answer (see the message above)`);
  console.log(`${health.engine} store at schema version ${health.version} of ${health.latest}`);
}

async function copySqlite(folder: string | undefined): Promise<void> {
  if (!folder) throw new Error('name the SQLite data folder: npm run db:copy-sqlite -- <data folder>');
  const file = path.join(path.resolve(folder), 'logport.db');
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  const url = process.env.LOGPORT_DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url))
    throw new Error('set LOGPORT_DATABASE_URL=postgres://… (the target)');

  // Both sides at this build's schema first: the source by opening it as Logport does, the target by migrating.
  const { openSqlite } = await import('../lib/db/engine');
  openSqlite(file).close();
  await migrate();

  const source = new Database(file, { readonly: true, fileMustExist: true });
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const client = await pool.connect();
  try {
    const tables = (
      source
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
        )
        .all() as { name: string }[]
    )
      .map((t) => t.name)
      .filter((t) => !NOT_COPIED.has(t));
    await client.query('BEGIN');
    for (const table of tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${table}"`);
      const present = Number(rows[0]?.n ?? 0);
      // A fresh store holds one row of queue settings; anything else means the target is in use.
      if (present > 0 && !(table === 'queue_settings' && present === 1))
        throw new Error(`the target already holds ${present} rows in ${table}: copy into an empty database`);
    }
    let total = 0;
    for (const table of tables) {
      const rows = source.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
      if (table === 'queue_settings') await client.query('DELETE FROM queue_settings');
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const columns = Object.keys(chunk[0] ?? {});
        if (columns.length === 0) continue;
        const values: unknown[] = [];
        const tuples = chunk.map((row) => {
          const marks = columns.map((c) => {
            values.push(row[c] ?? null);
            return `$${values.length}`;
          });
          return `(${marks.join(', ')})`;
        });
        await client.query(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`,
          values,
        );
      }
      total += rows.length;
      console.log(`${table}: ${rows.length} rows`);
    }
    // Identity columns go on after the copied ids (a new activity entry must not reuse an old id).
    const identities = await client.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'",
    );
    for (const { table_name, column_name } of identities.rows) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence('"${table_name}"', '${column_name}'), (SELECT COALESCE(MAX("${column_name}"), 0) + 1 FROM "${table_name}"), false)`,
      );
    }
    await client.query('COMMIT');
    console.log(`copied ${total} rows from ${file}`);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
    await pool.end();
    source.close();
  }
}

const [command, arg] = process.argv.slice(2);
const run = command === 'migrate' ? migrate() : command === 'copy-sqlite' ? copySqlite(arg) : null;
if (!run) {
  console.error('usage: scripts/db.ts migrate | copy-sqlite <data folder>');
  process.exit(2);
}
run.then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`db ${command}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
