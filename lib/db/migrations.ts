/**
 * Schema changes in order; the database's `user_version` says how many ran. Append only: never edit a
 * migration that has shipped, add a new one.
 */
export const migrations: string[] = [
  // 1: the activity log (who did what, when, with what outcome).
  `CREATE TABLE activity (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     actor TEXT NOT NULL,
     role TEXT NOT NULL,
     action TEXT NOT NULL,
     region TEXT,
     target TEXT,
     outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'error')),
     detail TEXT
   );
   CREATE INDEX activity_at ON activity (at DESC);
   CREATE INDEX activity_action ON activity (action, at DESC);`,
];
