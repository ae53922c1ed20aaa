import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { dataDir } from '@/lib/config';
import { migrations } from './migrations';

export type Db = Database.Database;

// One connection per process and data folder. Kept behind this module so a shared database can replace it.
const globalForDb = globalThis as unknown as { logportDb?: { file: string; db: Db } };

export function databaseFile(): string {
  return path.join(dataDir(), 'logport.db');
}

export function getDb(): Db {
  const file = databaseFile();
  if (globalForDb.logportDb?.file === file) return globalForDb.logportDb.db;
  mkdirSync(path.dirname(file), { recursive: true });
  const db = openDatabase(file);
  globalForDb.logportDb = { file, db };
  return db;
}

export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/** Applies the migrations this database has not seen yet, each in its own transaction. */
export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  migrations.forEach((sql, index) => {
    const version = index + 1;
    if (version <= current) return;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  });
}
