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
};

export type QueueBatchTable = {
  id: string;
  created_at: number;
  created_by: string;
  created_role: string;
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
};

export type QueueSettingsTable = {
  id: number;
  paused: Generated<number>;
  on_failure: Generated<'continue' | 'pause'>;
  updated_at: number | null;
  updated_by: string | null;
};

export type QueueLeaseTable = {
  name: string;
  owner: string;
  expires_at: number;
};

export type Tables = {
  activity: ActivityTable;
  queue_batches: QueueBatchTable;
  queue_jobs: QueueJobTable;
  queue_settings: QueueSettingsTable;
  queue_lease: QueueLeaseTable;
};
