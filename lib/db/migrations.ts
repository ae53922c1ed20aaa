/**
 * Schema changes in order, each written for both engines. The database records how many ran (SQLite: its
 * `user_version`; PostgreSQL: the `logport_schema` table). Append only: never edit a migration that has
 * shipped, add a new one. Epoch milliseconds are BIGINT on PostgreSQL; ids that SQLite numbers itself are
 * identity columns there.
 */
export type Migration = { name: string; sqlite: string; postgres: string };

const RULES_SQLITE = `ALTER TABLE queue_jobs ADD COLUMN account TEXT NOT NULL DEFAULT 'default';
   ALTER TABLE queue_jobs ADD COLUMN rule_id TEXT;
   ALTER TABLE queue_jobs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
   CREATE INDEX queue_jobs_pick ON queue_jobs (account, state, priority, position);
   CREATE INDEX queue_jobs_rule ON queue_jobs (rule_id, state);
   ALTER TABLE queue_batches ADD COLUMN rule_id TEXT;
   ALTER TABLE activity ADD COLUMN account TEXT;
   CREATE TABLE rules (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     name_key TEXT NOT NULL UNIQUE,
     account TEXT NOT NULL DEFAULT 'default',
     region TEXT NOT NULL,
     definition TEXT NOT NULL,
     enabled INTEGER NOT NULL DEFAULT 1,
     created_at INTEGER NOT NULL,
     created_by TEXT NOT NULL,
     updated_at INTEGER NOT NULL,
     updated_by TEXT NOT NULL,
     last_tick_at INTEGER,
     tags_wanted_at INTEGER
   );
   CREATE TABLE rule_groups (
     rule_id TEXT NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
     account TEXT NOT NULL,
     region TEXT NOT NULL,
     log_group TEXT NOT NULL,
     next_start INTEGER,
     matched INTEGER NOT NULL DEFAULT 1,
     problem TEXT,
     seen_at INTEGER NOT NULL,
     PRIMARY KEY (rule_id, account, region, log_group)
   );
   CREATE TABLE rule_windows (
     rule_id TEXT NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
     account TEXT NOT NULL,
     region TEXT NOT NULL,
     log_group TEXT NOT NULL,
     window_start INTEGER NOT NULL,
     window_end INTEGER NOT NULL,
     job_id TEXT NOT NULL REFERENCES queue_jobs (id),
     created_at INTEGER NOT NULL,
     PRIMARY KEY (rule_id, account, region, log_group, window_start)
   );
   CREATE INDEX rule_windows_job ON rule_windows (job_id);
   CREATE TABLE log_groups (
     account TEXT NOT NULL,
     region TEXT NOT NULL,
     name TEXT NOT NULL,
     arn TEXT,
     created_at INTEGER,
     retention_days INTEGER,
     stored_bytes INTEGER,
     log_group_class TEXT,
     tags TEXT,
     tags_read_at INTEGER,
     seen_at INTEGER NOT NULL,
     gone_at INTEGER,
     PRIMARY KEY (account, region, name)
   );
   CREATE TABLE export_history (
     account TEXT NOT NULL,
     region TEXT NOT NULL,
     task_id TEXT NOT NULL,
     task_name TEXT,
     log_group TEXT NOT NULL,
     from_ms INTEGER NOT NULL,
     to_ms INTEGER NOT NULL,
     destination TEXT NOT NULL,
     destination_prefix TEXT,
     status TEXT NOT NULL,
     created_at INTEGER,
     completed_at INTEGER,
     seen_at INTEGER NOT NULL,
     PRIMARY KEY (account, region, task_id)
   );
   CREATE INDEX export_history_group ON export_history (account, region, log_group, destination);
   CREATE TABLE scheduler_state (
     account TEXT NOT NULL,
     region TEXT NOT NULL,
     name TEXT NOT NULL,
     value TEXT NOT NULL,
     PRIMARY KEY (account, region, name)
   );`;

// PostgreSQL: the same tables, epoch milliseconds as BIGINT.
const RULES_POSTGRES = RULES_SQLITE.replace(
  /(_at|_ms|_start|_end|next_start|stored_bytes) INTEGER/g,
  '$1 BIGINT',
);

// Server-side sessions (issue 14.3) and sign-in failure counters (issue 14.2).
const SESSIONS_SQLITE = `CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     user_name TEXT NOT NULL,
     user_key TEXT NOT NULL,
     role TEXT NOT NULL,
     provider TEXT NOT NULL,
     user_stamp TEXT,
     created_at INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     client_address TEXT,
     user_agent TEXT,
     ended_at INTEGER,
     end_reason TEXT,
     ended_by TEXT
   );
   CREATE INDEX sessions_user ON sessions (user_key, ended_at);
   CREATE INDEX sessions_open ON sessions (ended_at, expires_at);
   CREATE TABLE signin_failures (
     scope TEXT NOT NULL CHECK (scope IN ('user', 'address')),
     key TEXT NOT NULL,
     failures INTEGER NOT NULL,
     last_at INTEGER NOT NULL,
     PRIMARY KEY (scope, key)
   );
   CREATE INDEX signin_failures_last ON signin_failures (last_at);`;

const SESSIONS_POSTGRES = SESSIONS_SQLITE.replace(/(_at) INTEGER/g, '$1 BIGINT');

// Alerts (issue 13): webhooks (their secret sealed with a key derived from NEXTAUTH_SECRET), the outbox of
// events (one row per cause: the unique dedupe key makes the same cause raise nothing twice), one delivery per
// (webhook, event) with its retries, and each attempt's outcome. `queue_jobs_updated` lets the alerts loop find
// jobs that just became final (batch.finished) without reading the whole queue.
const ALERTS_SQLITE = `CREATE TABLE webhooks (
     id TEXT PRIMARY KEY,
     url TEXT NOT NULL,
     format TEXT NOT NULL CHECK (format IN ('json', 'slack')),
     events TEXT NOT NULL,
     secret_sealed TEXT,
     created_at INTEGER NOT NULL,
     created_by TEXT NOT NULL
   );
   CREATE TABLE alert_events (
     id TEXT PRIMARY KEY,
     dedupe_key TEXT NOT NULL UNIQUE,
     event TEXT NOT NULL,
     account TEXT NOT NULL,
     region TEXT NOT NULL,
     rule_id TEXT,
     payload TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     resolved_at INTEGER
   );
   CREATE INDEX alert_events_open ON alert_events (event, rule_id, resolved_at);
   CREATE INDEX alert_events_created ON alert_events (created_at);
   CREATE TABLE alert_deliveries (
     id TEXT PRIMARY KEY,
     webhook_id TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
     event_id TEXT NOT NULL REFERENCES alert_events (id) ON DELETE CASCADE,
     event TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0,
     next_at INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     last_at INTEGER,
     status_code INTEGER,
     error TEXT,
     duration_ms INTEGER,
     response_body TEXT,
     UNIQUE (webhook_id, event_id)
   );
   CREATE INDEX alert_deliveries_due ON alert_deliveries (state, next_at);
   CREATE INDEX alert_deliveries_webhook ON alert_deliveries (webhook_id, created_at);
   CREATE INDEX alert_deliveries_event ON alert_deliveries (event_id);
   CREATE TABLE alert_attempts (
     delivery_id TEXT NOT NULL REFERENCES alert_deliveries (id) ON DELETE CASCADE,
     attempt INTEGER NOT NULL,
     attempted_at INTEGER NOT NULL,
     status_code INTEGER,
     error TEXT,
     duration_ms INTEGER NOT NULL,
     PRIMARY KEY (delivery_id, attempt)
   );
   CREATE INDEX queue_jobs_updated ON queue_jobs (updated_at);`;

const ALERTS_POSTGRES = ALERTS_SQLITE.replace(/(_at) INTEGER/g, '$1 BIGINT');

// API tokens (issue 13): `id` is the public part of the token (`lpt_<id>_<secret>`), found without scanning;
// `token_hash` the SHA-256 of the whole token; `accounts` a JSON array of account names, or "*".
const API_TOKENS_SQLITE = `CREATE TABLE api_tokens (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     name_key TEXT NOT NULL,
     token_hash TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
     accounts TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     created_by TEXT NOT NULL,
     expires_at INTEGER,
     last_used_at INTEGER,
     last_used_address TEXT,
     revoked_at INTEGER,
     revoked_by TEXT
   );
   CREATE UNIQUE INDEX api_tokens_live_name ON api_tokens (name_key) WHERE revoked_at IS NULL;
   CREATE INDEX api_tokens_created ON api_tokens (created_at);`;

const API_TOKENS_POSTGRES = API_TOKENS_SQLITE.replace(/(_at) INTEGER/g, '$1 BIGINT');

export const migrations: Migration[] = [
  {
    name: 'activity log',
    // The activity log (who did what, when, with what outcome).
    sqlite: `CREATE TABLE activity (
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
    postgres: `CREATE TABLE activity (
     id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     at BIGINT NOT NULL,
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
  },
  {
    name: 'export queue',
    // The export queue (batches of jobs run one at a time), its settings and the worker's lease.
    sqlite: `CREATE TABLE queue_batches (
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
    postgres: `CREATE TABLE queue_batches (
     id TEXT PRIMARY KEY,
     created_at BIGINT NOT NULL,
     created_by TEXT NOT NULL,
     created_role TEXT NOT NULL
   );
   CREATE TABLE queue_jobs (
     seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     batch_id TEXT NOT NULL REFERENCES queue_batches (id),
     position INTEGER NOT NULL,
     region TEXT NOT NULL,
     log_group_name TEXT NOT NULL,
     log_stream_name_prefix TEXT,
     from_ms BIGINT NOT NULL,
     to_ms BIGINT NOT NULL,
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
     enqueued_at BIGINT NOT NULL,
     not_before BIGINT NOT NULL DEFAULT 0,
     intent_at BIGINT,
     submitted_at BIGINT,
     finished_at BIGINT,
     updated_at BIGINT NOT NULL
   );
   CREATE INDEX queue_jobs_state ON queue_jobs (state, position);
   CREATE INDEX queue_jobs_batch ON queue_jobs (batch_id, position);
   CREATE TABLE queue_settings (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     paused INTEGER NOT NULL DEFAULT 0,
     on_failure TEXT NOT NULL DEFAULT 'continue' CHECK (on_failure IN ('continue', 'pause')),
     updated_at BIGINT,
     updated_by TEXT
   );
   INSERT INTO queue_settings (id) VALUES (1);
   CREATE TABLE queue_lease (
     name TEXT PRIMARY KEY,
     owner TEXT NOT NULL,
     expires_at BIGINT NOT NULL
   );`,
  },
  {
    name: 'rules, coverage and the account of every row',
    // Continuous export rules, their ledger and checkpoints, the log-group and export-history mirrors the
    // scheduler and coverage read, and the account (issue 16) and rule of queue jobs and activity.
    sqlite: RULES_SQLITE,
    postgres: RULES_POSTGRES,
  },
  {
    name: 'sessions and sign-in failures',
    // Sessions kept on the server, so sign-out, an admin or a change of the user ends them (the cookie only
    // carries the id); failed sign-ins counted per user name and per client address, shared by replicas.
    sqlite: SESSIONS_SQLITE,
    postgres: SESSIONS_POSTGRES,
  },
  {
    name: 'alerts: webhooks, their outbox and deliveries',
    sqlite: ALERTS_SQLITE,
    postgres: ALERTS_POSTGRES,
  },
  {
    name: 'queue settings per account',
    // Pause and "when an export fails" per account (queue_settings stays the global switch: paused pauses all).
    sqlite: `CREATE TABLE queue_account_settings (
     account TEXT PRIMARY KEY,
     paused INTEGER NOT NULL DEFAULT 0,
     on_failure TEXT CHECK (on_failure IN ('continue', 'pause')),
     updated_at INTEGER,
     updated_by TEXT
   );`,
    postgres: `CREATE TABLE queue_account_settings (
     account TEXT PRIMARY KEY,
     paused INTEGER NOT NULL DEFAULT 0,
     on_failure TEXT CHECK (on_failure IN ('continue', 'pause')),
     updated_at BIGINT,
     updated_by TEXT
   );`,
  },
  {
    name: 'recent export durations by account',
    // Capacity (/coverage, polled) reads an account's latest completed exports: without this index each read
    // sorted every completed job (about 180 ms with 75,000 of them, a year of 200 daily groups).
    sqlite: 'CREATE INDEX queue_jobs_finished ON queue_jobs (account, state, finished_at);',
    postgres: 'CREATE INDEX queue_jobs_finished ON queue_jobs (account, state, finished_at);',
  },
  {
    name: 'API tokens',
    // Tokens for scripts and CI (issue 13): only a SHA-256 of each token is kept. A name is unique among the
    // tokens not revoked, so the activity log's `token:<name>` names one live token.
    sqlite: API_TOKENS_SQLITE,
    postgres: API_TOKENS_POSTGRES,
  },
  {
    name: 'the accounts a session may reach; rule counts per account',
    // Fixed at sign-in like the role (the users file's fourth field, an OIDC claim); null: every account. The
    // index keeps /queue's per-rule counts an index lookup when a rule runs in several accounts.
    sqlite: `ALTER TABLE sessions ADD COLUMN accounts TEXT;
   CREATE INDEX queue_jobs_rule_account ON queue_jobs (rule_id, account, state);`,
    postgres: `ALTER TABLE sessions ADD COLUMN accounts TEXT;
   CREATE INDEX queue_jobs_rule_account ON queue_jobs (rule_id, account, state);`,
  },
];
