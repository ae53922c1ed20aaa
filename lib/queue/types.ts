import type { StatusCode } from '@/lib/export-tasks/types';

/**
 * A job's life: queued → submitting (intent recorded, CreateExportTask about to run or running) → running
 * (AWS task id known) → completed | failed | cancelled. Plain JSON: passed to the browser as it is.
 */
export const JOB_STATES = ['queued', 'submitting', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Why a queued job is not moving: another export holds the account's one slot, or AWS pushed back. */
export type WaitReason = 'accountBusy' | 'throttled' | 'awsError';

export type QueueJob = {
  id: string;
  batchId: string;
  position: number;
  account: string;
  region: string;
  /** The rule whose window this job exports; null for a job a person queued. */
  ruleId: string | null;
  /** 0: queued by a person (goes first); 1: a rule's window. */
  priority: number;
  logGroupName: string;
  logStreamNamePrefix: string | null;
  from: number;
  to: number;
  destination: string;
  destinationPrefix: string;
  taskName: string;
  state: JobState;
  taskId: string | null;
  awsStatus: StatusCode | null;
  /** AWS's own words (a failure's reason), shown to operators. */
  awsMessage: string | null;
  /** A message key under `errors.` when Logport mapped an AWS error. */
  errorCode: string | null;
  waitReason: WaitReason | null;
  attempts: number;
  cancelRequested: boolean;
  enqueuedBy: string;
  enqueuedAt: number;
  notBefore: number;
  intentAt: number | null;
  submittedAt: number | null;
  finishedAt: number | null;
};

export type OnFailure = 'continue' | 'pause';

export type QueueSettings = {
  /** Nothing new is submitted in this account: it is paused, or every account is (`pausedAll`). */
  paused: boolean;
  /** The global switch: pauses every account. */
  pausedAll: boolean;
  /** This account's own pause (the whole queue when the settings are the global ones). */
  pausedAccount: boolean;
  /** What a failed export a person queued does: this account's setting, else the global one. */
  onFailure: OnFailure;
  updatedAt: number | null;
  /** Who changed the settings last; `queue` when the worker paused itself after a failure. */
  updatedBy: string | null;
};

export type QueueBatch = {
  id: string;
  createdAt: number;
  createdBy: string;
  jobs: QueueJob[];
};

/**
 * A rule's batch, summarised: a rule may hold hundreds of windows, so /queue shows counts and the job that
 * moves, never every job.
 */
export type RuleBatchSummary = {
  batchId: string;
  ruleId: string;
  /** Null once the rule is deleted (its jobs already in AWS finish as they are). */
  ruleName: string | null;
  enabled: boolean;
  /** Queued or being submitted. */
  waiting: number;
  running: number;
  /** Failed jobs (all of them: "Retry failed" retries these), and those that failed in the last 24 hours. */
  failed: number;
  failedRecently: number;
  done: number;
  /** The rule's job being submitted or running in AWS, if any. */
  current: QueueJob | null;
  /** The rule's next job in queue order, if any. */
  next: QueueJob | null;
};

export type QueueSnapshot = {
  settings: QueueSettings;
  /** Batches people queued (rules' batches are in `rules`). */
  batches: QueueBatch[];
  rules: RuleBatchSummary[];
  /** Jobs not yet final across the whole queue, rules' jobs included. */
  remaining: number;
  /** Jobs not yet submitted (queued): what a paused queue holds back. */
  queued: number;
  /** Estimated time until the queue is empty (ms), null until a job has finished to learn from. */
  estimateMs: number | null;
  /** Whether a poll can show something new: a job is moving, or queued work is not paused. */
  active: boolean;
  fetchedAt: number;
};
