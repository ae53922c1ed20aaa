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
  // 2: the export queue (batches of jobs run one at a time), its settings and the worker's lease.
  `CREATE TABLE queue_batches (
     id TEXT PRIMARY KEY,
     created_at INTEGER NOT NULL,
     created_by TEXT NOT NULL,
     created_role TEXT NOT NULL
   );
   CREATE TABLE queue_jobs (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     batch_id TEXT NOT NULL REFERENCES queue_batches (id),
     position INTEGER NOT NULL,
     region TEXT NOT NULL,
     log_group_name TEXT NOT NULL,
     log_stream_name_prefix TEXT,
     from_ms INTEGER NOT NULL,
     to_ms INTEGER NOT NULL,
     destination TEXT NOT NULL,
     destination_prefix TEXT NOT NULL,
     task_name TEXT NOT NULL UNIQUE,
     state TEXT NOT NULL CHECK (state IN ('queued', 'submitting', 'running', 'completed', 'failed', 'cancelled')),
     task_id TEXT,
     aws_status TEXT,
     aws_message TEXT,
     error_code TEXT,
     wait_reason TEXT,
     attempts INTEGER NOT NULL DEFAULT 0,
     cancel_requested INTEGER NOT NULL DEFAULT 0,
     excluded_task_ids TEXT NOT NULL DEFAULT '[]',
     enqueued_by TEXT NOT NULL,
     enqueued_role TEXT NOT NULL,
     enqueued_at INTEGER NOT NULL,
     not_before INTEGER NOT NULL DEFAULT 0,
     intent_at INTEGER,
     submitted_at INTEGER,
     finished_at INTEGER,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX queue_jobs_state ON queue_jobs (state, position);
   CREATE INDEX queue_jobs_batch ON queue_jobs (batch_id, position);
   CREATE TABLE queue_settings (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     paused INTEGER NOT NULL DEFAULT 0,
     on_failure TEXT NOT NULL DEFAULT 'continue' CHECK (on_failure IN ('continue', 'pause')),
     updated_at INTEGER,
     updated_by TEXT
   );
   INSERT INTO queue_settings (id) VALUES (1);
   CREATE TABLE queue_lease (
     name TEXT PRIMARY KEY,
     owner TEXT NOT NULL,
     expires_at INTEGER NOT NULL
   );`,
];
