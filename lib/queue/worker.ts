import 'server-only';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { CancelExportTaskCommand, CreateExportTaskCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DEFAULT_ACCOUNT, type Scope } from '@/lib/accounts/types';
import { raiseExportFailed } from '@/lib/alerts/raise';
import { recordActivity } from '@/lib/audit';
import { logsClient, logsCreateClient } from '@/lib/aws/clients';
import { awsRefusalMessage, mapAwsError, mayHaveActed, reportAwsError } from '@/lib/aws/errors';
import { transaction } from '@/lib/db';
import { CLOCK_SKEW_MS, describeTask, findTaskByName } from '@/lib/export-tasks/find';
import { findActiveExportTask, invalidateExportTasks } from '@/lib/export-tasks/list';
import { isCancellable } from '@/lib/export-tasks/status';
import type { ExportTask } from '@/lib/export-tasks/types';
import { acquireLease, holdsLease, releaseLease } from './lease';
import {
  claimRow,
  getJob,
  headJob,
  readSettings,
  runningJob,
  type StoredJob,
  update,
  writeSettings,
} from './store';
import { stateForTaskStatus } from './transitions';
import { backoffMs, defaultRegions, enqueuer, queuePollMs, sleep } from './worker-support';

export { queuePollMs };

/** What one tick did; tests and the loop read it (progress → tick again at once, otherwise wait). */
export type TickResult =
  | 'standby' // another process holds the lease
  | 'idle' // nothing to do
  | 'paused'
  | 'waiting' // the head job waits: account busy, backoff
  | 'following' // our task is still PENDING/RUNNING
  | 'finished' // our task reached a final status
  | 'submitted'
  | 'adopted' // found the task an interrupted submission had created
  | 'failed' // CreateExportTask refused the job for good
  | 'cancelled';

const PROGRESS: readonly TickResult[] = ['finished', 'submitted', 'adopted', 'failed', 'cancelled'];

export type WorkerOptions = {
  pollMs?: number;
  leaseMs?: number;
  owner?: string;
  /** The Regions whose exports count against the account's one slot. */
  /** The Logport account this worker runs (one worker, one lease, one export at a time per account). */
  account?: string;
  regions?: () => Promise<string[]>;
  /**
   * Work that must run on the one process holding the lease, every `everyMs` (the rules' scheduler). It runs
   * beside the queue's steps, never blocking them, and never twice at once.
   */
  schedule?: { everyMs: number; run: () => Promise<number> };
};

// While paused, how often a job whose submission was interrupted is looked for in AWS.
const PAUSED_RECHECK_MS = 30_000;
// Right after CreateExportTask, DescribeExportTasks may not list the task yet.
const NOT_LISTED_GRACE_MS = 60_000;
// While following a task, poll sooner than pollMs at first: a short export's end is noticed within a fraction
// of its run, so the account's one export slot idles as little as possible between exports; long ones settle
// to pollMs.
const FOLLOW_MIN_MS = 200;
const FOLLOW_SHARE = 0.05;

export class QueueWorker {
  readonly owner: string;
  readonly pollMs: number;
  readonly leaseMs: number;
  readonly account: string;
  private readonly regions: () => Promise<string[]>;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private ticking: Promise<TickResult> | undefined;
  private readonly schedule: WorkerOptions['schedule'];
  private scheduling: Promise<number | null> | undefined;
  private scheduledAt = 0;
  // The account's slot is taken by an export Logport did not start: no job moves until then.
  private busyUntil = 0;
  private followDelayMs: number;

  constructor(options: WorkerOptions = {}) {
    this.pollMs = options.pollMs ?? queuePollMs();
    const leaseEnv = Number(process.env.LOGPORT_QUEUE_LEASE_MS);
    this.leaseMs = options.leaseMs ?? (leaseEnv > 0 ? leaseEnv : Math.max(30_000, this.pollMs * 6));
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.account = options.account ?? DEFAULT_ACCOUNT;
    this.regions = options.regions ?? (() => defaultRegions(this.account));
    this.schedule = options.schedule;
    this.followDelayMs = this.pollMs;
  }

  /** One lease per account: accounts export in parallel, each never twice at once. */
  get leaseName(): string {
    return `worker:${this.account}`;
  }

  /** How long to wait before the next step after `result` (0: at once, there is more to do). */
  private delayAfter(result: TickResult): number {
    if (PROGRESS.includes(result)) return 0;
    return result === 'following' ? this.followDelayMs : this.pollMs;
  }

  /** One decision. Never runs concurrently with itself; errors from AWS become a wait, never a throw. */
  tick(): Promise<TickResult> {
    this.ticking ??= this.step().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  /** Ticks until nothing moves (idle, paused, standby) or the time is up; for tests and scripts. */
  async runUntilIdle(
    timeoutMs = 60_000,
    onTick?: (r: TickResult) => void | Promise<void>,
  ): Promise<TickResult> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const result = await this.tick();
      await onTick?.(result);
      if (result === 'idle' || result === 'paused' || result === 'standby') return result;
      if (Date.now() > end) throw new Error(`queue still busy after ${timeoutMs} ms (last: ${result})`);
      const delay = this.delayAfter(result);
      if (delay > 0) await sleep(delay);
    }
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      let result: TickResult = 'waiting';
      try {
        result = await this.tick();
      } catch (err) {
        console.error('[queue] tick failed', err);
      }
      if (this.stopped) return;
      this.timer = setTimeout(loop, this.delayAfter(result));
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking?.catch(() => undefined);
    await this.scheduling?.catch(() => undefined);
    await releaseLease(this.owner, this.leaseName);
  }

  private async step(): Promise<TickResult> {
    if (!(await acquireLease(this.owner, this.leaseMs, undefined, this.leaseName))) return 'standby';
    this.runSchedule();
    const running = await runningJob(this.account);
    if (running) return this.follow(running);
    if (Date.now() < this.busyUntil) return 'waiting';
    const { job: head, waiting } = await headJob(this.account);
    if (!head) return waiting ? 'waiting' : 'idle';
    const settings = await readSettings(this.account);
    // Paused: nothing new is submitted, but a job whose submission may have reached AWS is still checked.
    if (head.state === 'queued' && settings.paused && !head.cancelRequested && head.intentAt === null)
      return 'paused';
    if (head.state === 'submitting' && head.notBefore > Date.now()) return 'waiting';
    try {
      return await this.advance(head, settings.paused);
    } catch (err) {
      // A DescribeExportTasks that failed: nothing was submitted; try again later.
      const mapped = reportAwsError('queue.describe', err);
      await update(head.id, {
        not_before: Date.now() + backoffMs(head.attempts, this.pollMs),
        wait_reason: mapped.code === 'awsThrottled' ? 'throttled' : 'awsError',
        error_code: mapped.code,
      });
      return 'waiting';
    }
  }

  /** Starts the scheduled work when due, on the lease holder only; it runs beside the queue's steps. */
  private runSchedule(): void {
    const schedule = this.schedule;
    if (!schedule || this.scheduling || this.stopped) return;
    const now = Date.now();
    if (now - this.scheduledAt < schedule.everyMs) return;
    this.scheduledAt = now;
    this.scheduling = schedule
      .run()
      .catch((err: unknown) => {
        console.error('[scheduler] tick failed', err instanceof Error ? err.message : err);
        return null;
      })
      .finally(() => {
        this.scheduling = undefined;
      });
  }

  /**
   * Runs the scheduled work now (a rule saved, "run now") if this worker holds the lease; resolves with what it
   * returned (windows enqueued), or null when another process holds the lease or the run failed.
   */
  async scheduleNow(): Promise<number | null> {
    await this.scheduling;
    if (this.stopped || !(await holdsLease(this.owner, undefined, this.leaseName))) return null;
    this.scheduledAt = 0;
    this.runSchedule();
    return (await this.scheduling) ?? null;
  }

  /** Follows our running task with a fresh DescribeExportTasks until it is final. */
  private async follow(job: StoredJob): Promise<TickResult> {
    const elapsed = Date.now() - (job.submittedAt ?? Date.now());
    this.followDelayMs = Math.min(this.pollMs, Math.max(FOLLOW_MIN_MS, elapsed * FOLLOW_SHARE));
    let task: ExportTask | null;
    try {
      task = job.taskId ? await describeTask(scopeOf(job), job.taskId) : null;
    } catch (err) {
      reportAwsError('queue.follow', err, { taskId: job.taskId ?? '' });
      return 'following';
    }
    if (!task) {
      if (Date.now() - (job.submittedAt ?? 0) < NOT_LISTED_GRACE_MS) return 'following';
      // The failure and its alert (issue 13) commit together.
      await transaction(async () => {
        const failed = await update(
          job.id,
          { state: 'failed', error_code: 'taskNotFound', finished_at: Date.now() },
          ['running'],
        );
        if (failed) await raiseExportFailed(job.id);
      });
      await this.afterFailure(job);
      return 'finished';
    }
    const final = stateForTaskStatus(task.status);
    if (!final) {
      await update(job.id, { aws_status: task.status, aws_message: task.statusMessage });
      if (job.cancelRequested && isCancellable(task.status)) await this.cancelTask(job);
      return 'following';
    }
    await transaction(async () => {
      const moved = await update(
        job.id,
        {
          state: final,
          aws_status: task.status,
          aws_message: task.statusMessage,
          finished_at: task.completedAt ?? Date.now(),
          wait_reason: null,
        },
        ['running'],
      );
      if (moved && final === 'failed') await raiseExportFailed(job.id);
    });
    invalidateExportTasks(scopeOf(job));
    if (final === 'failed') await this.afterFailure(job);
    return 'finished';
  }

  /** Submits the head job exactly once: reconcile by name, wait for the account's slot, intent, create. */
  private async advance(job: StoredJob, paused: boolean): Promise<TickResult> {
    if (job.intentAt !== null) {
      // A submission was interrupted (crash, timeout, limit): AWS may hold its task already.
      const found = await findTaskByName(
        scopeOf(job),
        job.taskName,
        job.intentAt - CLOCK_SKEW_MS,
        job.excludedTaskIds,
      );
      if (found) {
        await this.markRunning(job, found.taskId, found.status, true);
        if (job.cancelRequested && isCancellable(found.status)) await this.cancelTask(job);
        return 'adopted';
      }
    }
    if (job.cancelRequested) {
      await update(job.id, { state: 'cancelled', finished_at: Date.now(), wait_reason: null }, [
        'queued',
        'submitting',
      ]);
      return 'cancelled';
    }
    if (paused) {
      // Not in AWS: look again now and then while paused (resume clears the wait).
      await update(
        job.id,
        { state: 'queued', ...(job.intentAt !== null ? { not_before: Date.now() + PAUSED_RECHECK_MS } : {}) },
        ['queued', 'submitting'],
      );
      return 'paused';
    }
    const regions = [...new Set([job.region, ...(await this.regions())])];
    const active = await findActiveExportTask(this.account, regions, { fresh: true });
    if (active) {
      this.busyUntil = Date.now() + this.pollMs;
      await update(job.id, {
        state: 'queued',
        not_before: Date.now() + this.pollMs,
        wait_reason: 'accountBusy',
      });
      return 'waiting';
    }
    if (!(await this.recordIntent(job))) return 'standby';
    try {
      const out = await logsCreateClient(scopeOf(job)).send(
        new CreateExportTaskCommand({
          taskName: job.taskName,
          logGroupName: job.logGroupName,
          ...(job.logStreamNamePrefix ? { logStreamNamePrefix: job.logStreamNamePrefix } : {}),
          from: job.from,
          to: job.to,
          destination: job.destination,
          destinationPrefix: job.destinationPrefix,
        }),
      );
      invalidateExportTasks(scopeOf(job));
      await this.markRunning(job, out.taskId ?? '', 'PENDING', false);
      const fresh = await getJob(job.id);
      if (fresh?.cancelRequested) await this.cancelTask(fresh);
      return 'submitted';
    } catch (err) {
      return this.createFailed(job, err);
    }
  }

  /** Intent first, in the same statement that checks we still hold the lease. */
  private recordIntent(job: StoredJob): Promise<boolean> {
    return transaction(async () => {
      if (!(await holdsLease(this.owner, undefined, this.leaseName))) return false;
      // Another process that claims the same job waits for this one (PostgreSQL: a row lock, skipped if held;
      // SQLite: its single writer).
      if (!(await claimRow(job.id))) return false;
      const now = Date.now();
      return update(
        job.id,
        {
          state: 'submitting',
          intent_at: job.intentAt ?? now,
          attempts: job.attempts + 1,
          wait_reason: null,
          error_code: null,
        },
        ['queued', 'submitting'],
      );
    });
  }

  private async createFailed(job: StoredJob, err: unknown): Promise<TickResult> {
    const context = { logGroup: job.logGroupName, bucket: job.destination };
    const mapped = mapAwsError(err, context);
    if (mapped.code === 'exportLimit' || mapped.retryable || mayHaveActed(err)) {
      // AWS may hold the task (an answer lost after it acted), or the account is busy: either way the job keeps
      // its intent time, so the next attempt looks for a task under its name before it submits again.
      const busy = mapped.code === 'exportLimit';
      if (busy) this.busyUntil = Date.now() + this.pollMs;
      await update(job.id, {
        state: 'queued',
        not_before: Date.now() + (busy ? this.pollMs : backoffMs(job.attempts, this.pollMs)),
        wait_reason: busy ? 'accountBusy' : mapped.code === 'awsThrottled' ? 'throttled' : 'awsError',
        error_code: busy ? null : mapped.code,
      });
      if (!busy) reportAwsError('queue.create', err, context);
      return 'waiting';
    }
    reportAwsError('queue.create', err, context);
    await transaction(async () => {
      await update(job.id, {
        state: 'failed',
        error_code: mapped.code,
        // Shown as "AWS said: …": only AWS's own answer, never a local error (hosts, addresses, stacks).
        aws_message: awsRefusalMessage(err)?.slice(0, 2000) ?? null,
        finished_at: Date.now(),
        wait_reason: null,
      });
      await recordActivity(enqueuer(job), {
        action: 'export.launch',
        account: job.account,
        region: job.region,
        target: job.taskName,
        outcome: 'error',
        detail: { via: 'queue', jobId: job.id, logGroup: job.logGroupName, error: mapped.code },
      });
      await raiseExportFailed(job.id);
    });
    await this.afterFailure(job);
    return 'failed';
  }

  /** The job's new state and its activity entry in one transaction: a kill between them loses neither. */
  private markRunning(job: StoredJob, taskId: string, status: string, adopted: boolean): Promise<void> {
    return transaction(async () => {
      await this.writeRunning(job, taskId, status, adopted);
    });
  }

  private async writeRunning(
    job: StoredJob,
    taskId: string,
    status: string,
    adopted: boolean,
  ): Promise<void> {
    const now = Date.now();
    await update(job.id, {
      state: 'running',
      task_id: taskId,
      aws_status: status,
      aws_message: null,
      submitted_at: now,
      wait_reason: null,
      error_code: null,
    });
    await recordActivity(enqueuer(job), {
      action: 'export.launch',
      account: job.account,
      region: job.region,
      target: taskId,
      outcome: 'ok',
      detail: {
        via: 'queue',
        jobId: job.id,
        taskName: job.taskName,
        logGroup: job.logGroupName,
        from: job.from,
        to: job.to,
        destination: job.destination,
        ...(adopted ? { adopted: true } : {}),
      },
    });
  }

  private async cancelTask(job: StoredJob): Promise<void> {
    const taskId = (await getJob(job.id))?.taskId;
    if (!taskId) return;
    try {
      await logsClient(scopeOf(job)).send(new CancelExportTaskCommand({ taskId }));
      await update(job.id, { cancel_requested: 0 });
    } catch (err) {
      const mapped = reportAwsError('queue.cancel', err, { taskId });
      if (mapped.code === 'taskAlreadyFinished' || mapped.code === 'taskNotFound')
        await update(job.id, { cancel_requested: 0 });
    }
    invalidateExportTasks(scopeOf(job));
  }

  /** "When an export fails: pause" is for what people queue; a rule's failed window never stops the queue. */
  private async afterFailure(job: StoredJob): Promise<void> {
    if (job.ruleId) return;
    // Only this account's queue pauses: the other accounts' exports have nothing to do with this failure.
    if ((await readSettings(this.account)).onFailure === 'pause')
      await writeSettings({ paused: true }, 'queue', this.account);
  }
}

function scopeOf(job: StoredJob): Scope {
  return { account: job.account, region: job.region };
}
