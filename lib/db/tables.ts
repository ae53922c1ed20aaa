import type { Generated } from 'kysely';

/**
 * Logport's own tables as the query layer sees them (Kysely). Epoch milliseconds are INTEGER on SQLite and
 * BIGINT on PostgreSQL, read back as numbers on both (see engine.ts). Booleans are 0/1 integers on both.
 */

export type ActivityTable = {
  id: Generated<number>;
  at: number;
  actor: string;
  role: string;
  action: string;
  region: string | null;
  target: string | null;
  outcome: 'ok' | 'error';
  detail: string | null;
  account: string | null;
};

export type QueueBatchTable = {
  id: string;
  created_at: number;
  created_by: string;
  created_role: string;
  /** Set for the one batch that holds a rule's jobs. */
  rule_id: string | null;
};

export type QueueJobTable = {
  seq: Generated<number>;
  id: string;
  batch_id: string;
  position: number;
  region: string;
  log_group_name: string;
  log_stream_name_prefix: string | null;
  from_ms: number;
  to_ms: number;
  destination: string;
  destination_prefix: string;
  task_name: string;
  state: 'queued' | 'submitting' | 'running' | 'completed' | 'failed' | 'cancelled';
  task_id: string | null;
  aws_status: string | null;
  aws_message: string | null;
  error_code: string | null;
  wait_reason: 'accountBusy' | 'throttled' | 'awsError' | null;
  attempts: Generated<number>;
  cancel_requested: Generated<number>;
  excluded_task_ids: Generated<string>;
  enqueued_by: string;
  enqueued_role: string;
  enqueued_at: number;
  not_before: Generated<number>;
  intent_at: number | null;
  submitted_at: number | null;
  finished_at: number | null;
  updated_at: number;
  account: Generated<string>;
  rule_id: string | null;
  /** 0: queued by a person (goes first); 1: a rule's window. */
  priority: Generated<number>;
};

export type QueueSettingsTable = {
  id: number;
  paused: Generated<number>;
  on_failure: Generated<'continue' | 'pause'>;
  updated_at: number | null;
  updated_by: string | null;
};

/** An account's own queue settings; null on_failure follows the global setting. */
export type QueueAccountSettingsTable = {
  account: string;
  paused: Generated<number>;
  on_failure: 'continue' | 'pause' | null;
  updated_at: number | null;
  updated_by: string | null;
};

export type QueueLeaseTable = {
  name: string;
  owner: string;
  expires_at: number;
};

export type RuleTable = {
  id: string;
  name: string;
  /** The name lower-cased: names are unique regardless of case. */
  name_key: string;
  account: Generated<string>;
  region: string;
  /** The rule's settings as JSON (lib/rules/store.ts reads and writes it). */
  definition: string;
  enabled: Generated<number>;
  created_at: number;
  created_by: string;
  updated_at: number;
  updated_by: string;
  last_tick_at: number | null;
  /** Set when tags must be read again at once (rule saved, "refresh now"). */
  tags_wanted_at: number | null;
};

export type RuleGroupTable = {
  rule_id: string;
  account: string;
  region: string;
  log_group: string;
  /** The checkpoint: every window starting before it is in the ledger, covered or expired. */
  next_start: number | null;
  matched: Generated<number>;
  problem: string | null;
  seen_at: number;
};

export type RuleWindowTable = {
  rule_id: string;
  account: string;
  region: string;
  log_group: string;
  window_start: number;
  window_end: number;
  job_id: string;
  created_at: number;
};

export type LogGroupTable = {
  account: string;
  region: string;
  name: string;
  arn: string | null;
  created_at: number | null;
  retention_days: number | null;
  stored_bytes: number | null;
  log_group_class: string | null;
  tags: string | null;
  tags_read_at: number | null;
  seen_at: number;
  gone_at: number | null;
};

export type ExportHistoryTable = {
  account: string;
  region: string;
  task_id: string;
  task_name: string | null;
  log_group: string;
  from_ms: number;
  to_ms: number;
  destination: string;
  destination_prefix: string | null;
  status: string;
  created_at: number | null;
  completed_at: number | null;
  seen_at: number;
};

export type SchedulerStateTable = { account: string; region: string; name: string; value: string };

export type SessionTable = {
  /** Random, in the session cookie's encrypted token; knowing it alone gives no access. */
  id: string;
  user_name: string;
  /** The name lower-cased: the users file matches names regardless of case. */
  user_key: string;
  role: string;
  /** 'credentials' (users file) or 'oidc'. */
  provider: string;
  /** For users-file sessions: a digest of the user's role and password hash at sign-in (a change ends it). */
  user_stamp: string | null;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  client_address: string | null;
  /** A short form of the browser's User-Agent ("Chrome 140 on Linux"). */
  user_agent: string | null;
  ended_at: number | null;
  /** signedOut, endedByAdmin, roleChanged, passwordChanged, accountsChanged, userRemoved. */
  end_reason: string | null;
  ended_by: string | null;
  /** JSON list of the account names this session may reach; null: every account. */
  accounts: string | null;
};

export type SigninFailureTable = {
  scope: 'user' | 'address';
  /** A lower-cased user name as typed (known or not), or a client address. */
  key: string;
  failures: number;
  last_at: number;
};

export type WebhookTable = {
  id: string;
  url: string;
  format: 'json' | 'slack';
  /** The events it wants, a JSON array of event names. */
  events: string;
  /** The secret sealed with AES-256-GCM (lib/alerts/secret-box.ts); null: messages are not signed. */
  secret_sealed: string | null;
  created_at: number;
  created_by: string;
};

export type AlertEventTable = {
  id: string;
  /** One cause, one row: export.failed:<job>:<attempt>, rule.behind:<rule>:<window>, … */
  dedupe_key: string;
  event: string;
  /** The account's name in Logport (the 12-digit id is looked up when the message is sent). */
  account: string;
  region: string;
  rule_id: string | null;
  /** The message's facts as JSON (lib/alerts/types.ts AlertFacts). */
  payload: string;
  created_at: number;
  /** rule.behind: when the rule caught up (a new episode may then raise a new event). */
  resolved_at: number | null;
};

export type AlertDeliveryTable = {
  /** Sent as X-Logport-Delivery. */
  id: string;
  webhook_id: string;
  event_id: string;
  event: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: Generated<number>;
  next_at: number;
  created_at: number;
  last_at: number | null;
  status_code: number | null;
  error: string | null;
  duration_ms: number | null;
  /** The receiver's answer, at most 4 KB (admins only). */
  response_body: string | null;
};

export type AlertAttemptTable = {
  delivery_id: string;
  attempt: number;
  attempted_at: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
};

export type ApiTokenTable = {
  /** The token's public part (`lpt_<id>_…`): finds the row without scanning; opens nothing on its own. */
  id: string;
  name: string;
  /** The name lower-cased: unique among the tokens not revoked. */
  name_key: string;
  /** SHA-256 (hex) of the whole token; the token itself is never stored. */
  token_hash: string;
  role: 'viewer' | 'operator' | 'admin';
  /** A JSON array of account names, or the JSON string "*" (every account). */
  accounts: string;
  created_at: number;
  created_by: string;
  expires_at: number | null;
  /** Written at most once a minute per token (a polling script costs no write per call). */
  last_used_at: number | null;
  last_used_address: string | null;
  revoked_at: number | null;
  revoked_by: string | null;
};

export type Tables = {
  activity: ActivityTable;
  queue_batches: QueueBatchTable;
  queue_jobs: QueueJobTable;
  queue_settings: QueueSettingsTable;
  queue_account_settings: QueueAccountSettingsTable;
  queue_lease: QueueLeaseTable;
  rules: RuleTable;
  rule_groups: RuleGroupTable;
  rule_windows: RuleWindowTable;
  log_groups: LogGroupTable;
  export_history: ExportHistoryTable;
  scheduler_state: SchedulerStateTable;
  sessions: SessionTable;
  signin_failures: SigninFailureTable;
  webhooks: WebhookTable;
  alert_events: AlertEventTable;
  alert_deliveries: AlertDeliveryTable;
  alert_attempts: AlertAttemptTable;
  api_tokens: ApiTokenTable;
};
