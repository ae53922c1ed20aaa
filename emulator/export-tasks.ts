import { randomUUID } from 'node:crypto';
import { ApiError } from './errors';
import { describeLoose, isActive, renderTask, statusOf } from './export-status';
import { checkBucketAccess, checkCallerPutObject, writeExportObjects, writeProbe } from './export-writer';
import { callerOf, type LogsContext, type LogsOperation } from './logs-context';
import { compareTasks, type Store } from './state';
import { EXPORT_STATUS_CODES, type ExportTask } from './types';
import { decodeToken, encodeToken, Input, LOG_GROUP_NAME, LOG_STREAM_NAME } from './validate';

export const TIME_RANGE_MESSAGE =
  'Please make sure the values are within the retention period of the log groups and from value is lesser than the to value';

const doneAt = (t: ExportTask) => t.creationTime + t.pendingMs + t.runningMs;

const DAY = 86_400_000;

function isPageToken(v: unknown): v is { c: number; s: number } {
  const o = v as { c?: unknown; s?: unknown } | null;
  return typeof o === 'object' && o !== null && typeof o.c === 'number' && typeof o.s === 'number';
}

export class ExportEngine {
  private timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly store: Store,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Finishes the account's active task if its time is up: writes its objects or marks it FAILED. */
  settle(accountId: string, now = this.clock()): void {
    const acct = this.store.account(accountId);
    const task = acct.activeTaskId === undefined ? undefined : acct.tasksById.get(acct.activeTaskId);
    if (!task) return;
    if (task.final || task.cancelDoneAt !== undefined) {
      delete acct.activeTaskId;
      return;
    }
    if (now < doneAt(task)) return;
    delete acct.activeTaskId;
    const completionTime = doneAt(task);
    const group = this.store.region(accountId, task.region).groups.get(task.logGroupName);
    const bucket = this.store.buckets.get(task.destination);
    let failure: string | undefined;
    if (!group) failure = 'The specified log group does not exist.';
    else if (!bucket) failure = 'The given bucket does not exist. Please make sure the bucket is valid.';
    else
      failure = checkBucketAccess(
        bucket,
        task.region,
        accountId,
        task.logGroupName,
        task.destinationPrefix,
      )?.message;
    if (failure !== undefined || !group || !bucket) {
      task.final = { code: 'FAILED', message: failure ?? 'FAILED', completionTime };
    } else {
      // What the group's retention had deleted by the time the export ran is not exported.
      const retainedFrom =
        group.retentionInDays === undefined
          ? Number.NEGATIVE_INFINITY
          : completionTime - group.retentionInDays * DAY;
      writeExportObjects(this.store, task, group, bucket, retainedFrom);
      task.final = { code: 'COMPLETED', message: 'Completed successfully', completionTime };
    }
    this.store.changed();
  }

  settleAll(now = this.clock()): void {
    for (const accountId of this.store.accounts.keys()) this.settle(accountId, now);
  }

  /** Objects must appear when the task completes even if nobody asks, so a timer settles it too. */
  private schedule(task: ExportTask): void {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.settle(task.accountId);
      },
      Math.max(0, doneAt(task) - this.clock()) + 5,
    );
    timer.unref();
    this.timers.add(timer);
  }

  /** Re-arms timers after loading persisted state. */
  resume(): void {
    for (const acct of this.store.accounts.values()) {
      const task = acct.activeTaskId === undefined ? undefined : acct.tasksById.get(acct.activeTaskId);
      if (task) this.schedule(task);
    }
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  create: LogsOperation = (ctx, body) => {
    const input = new Input(body);
    const taskName = input.str('taskName', { min: 1, max: 512 });
    const logGroupName = input.str('logGroupName', {
      required: true,
      min: 1,
      max: 512,
      pattern: LOG_GROUP_NAME,
    });
    const logStreamNamePrefix = input.str('logStreamNamePrefix', {
      min: 1,
      max: 512,
      pattern: LOG_STREAM_NAME,
    });
    const from = input.int('from', { required: true });
    const to = input.int('to', { required: true });
    const destination = input.str('destination', { required: true, min: 1, max: 512 });
    const destinationPrefix = input.str('destinationPrefix') ?? 'exportedlogs';
    input.done();
    if (from! < 0 || to! < 0 || from! >= to!) {
      throw new ApiError(
        'InvalidParameterException',
        `Specified time range of '${from}' and '${to}' is not valid. ${TIME_RANGE_MESSAGE}`,
      );
    }
    this.settle(ctx.accountId, ctx.now);
    const region = ctx.store.region(ctx.accountId, ctx.region);
    const group = region.groups.get(logGroupName!);
    if (!group) throw new ApiError('ResourceNotFoundException', 'The specified log group does not exist.');
    const acct = ctx.store.account(ctx.accountId);
    if (acct.activeTaskId !== undefined)
      throw new ApiError('LimitExceededException', 'Resource limit exceeded.');
    const bucket = ctx.store.buckets.get(destination!);
    if (!bucket) {
      throw new ApiError(
        'InvalidParameterException',
        'The given bucket does not exist. Please make sure the bucket is valid.',
      );
    }
    if (bucket.region !== ctx.region) {
      throw new ApiError(
        'InvalidParameterException',
        `The given bucket is in region ${bucket.region}, not in ${ctx.region}. Please make sure the bucket is in the same region as the log group.`,
      );
    }
    const denied =
      checkBucketAccess(bucket, ctx.region, ctx.accountId, logGroupName!, destinationPrefix) ??
      checkCallerPutObject(bucket, callerOf(ctx), destinationPrefix);
    if (denied) throw denied;
    const taskId = randomUUID();
    const longestStream = Math.max(0, ...[...group.streams.keys()].map((n) => Buffer.byteLength(n)));
    const keyBytes =
      Buffer.byteLength(`${destinationPrefix}/${taskId}/`) + longestStream + '/000000.gz'.length;
    if (keyBytes >= 1024) {
      throw new ApiError(
        'InvalidParameterException',
        'The length of the S3 object key exceeds 1024 bytes. Please use a shorter destinationPrefix.',
      );
    }
    const loose = ctx.store.config.compat === 'loose';
    writeProbe(ctx.store, bucket, destinationPrefix, loose);
    const task: ExportTask = {
      taskId,
      ...(taskName !== undefined ? { taskName } : {}),
      logGroupName: logGroupName!,
      ...(logStreamNamePrefix !== undefined ? { logStreamNamePrefix } : {}),
      from: from!,
      to: to!,
      destination: destination!,
      destinationPrefix,
      region: ctx.region,
      accountId: ctx.accountId,
      seq: ctx.store.nextSeq++,
      creationTime: ctx.now,
      pendingMs: ctx.store.config.pendingMs,
      runningMs: ctx.store.config.runningMs,
      ...(loose ? { looseLayout: true as const } : {}),
    };
    ctx.store.insertTask(task);
    acct.activeTaskId = taskId;
    this.schedule(task);
    ctx.store.changed();
    return { taskId };
  };

  describe: LogsOperation = (ctx: LogsContext, body) => {
    const input = new Input(body);
    const taskId = input.str('taskId', { min: 1, max: 512 });
    const statusCode = input.str('statusCode', { enumValues: EXPORT_STATUS_CODES });
    const nextToken = input.str('nextToken', { min: 1 });
    const limit = input.int('limit', { min: 1, max: 50 }) ?? 50;
    input.done();
    this.settle(ctx.accountId, ctx.now);
    if (ctx.store.config.compat === 'loose') return describeLoose(ctx, taskId);
    const matches = (t: ExportTask) => statusCode === undefined || statusOf(t, ctx.now).code === statusCode;
    if (taskId !== undefined) {
      const task = ctx.store.account(ctx.accountId).tasksById.get(taskId);
      const found = task && task.region === ctx.region && matches(task) ? [renderTask(task, ctx.now)] : [];
      return { exportTasks: found };
    }
    const tasks = ctx.store.region(ctx.accountId, ctx.region).tasks;
    let i = tasks.length - 1;
    if (nextToken !== undefined) {
      const after = decodeToken(nextToken, isPageToken);
      const marker = { creationTime: after.c, seq: after.s } as ExportTask;
      // Binary search: the first task not older than the marker; the page continues just before it.
      let lo = 0;
      let hi = tasks.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareTasks(tasks[mid]!, marker) < 0) lo = mid + 1;
        else hi = mid;
      }
      i = lo - 1;
    }
    const page: ExportTask[] = [];
    for (; i >= 0 && page.length < limit; i--) {
      const t = tasks[i]!;
      if (matches(t)) page.push(t);
    }
    let more = false;
    for (let j = i; j >= 0; j--) {
      if (matches(tasks[j]!)) {
        more = true;
        break;
      }
    }
    const last = page[page.length - 1];
    return {
      exportTasks: page.map((t) => renderTask(t, ctx.now)),
      ...(more && last ? { nextToken: encodeToken({ c: last.creationTime, s: last.seq }) } : {}),
    };
  };

  cancel: LogsOperation = (ctx, body) => {
    const input = new Input(body);
    const taskId = input.str('taskId', { required: true, min: 1, max: 512 });
    input.done();
    this.settle(ctx.accountId, ctx.now);
    const acct = ctx.store.account(ctx.accountId);
    const task = acct.tasksById.get(taskId!);
    if (!task || task.region !== ctx.region) {
      throw new ApiError('ResourceNotFoundException', 'The specified export task does not exist.');
    }
    if (!isActive(statusOf(task, ctx.now))) {
      // No final period: AWS's exact words (moto's AWS-verified test asserts them).
      throw new ApiError('InvalidOperationException', 'The specified export task has already finished');
    }
    task.cancelRequestedAt = ctx.now;
    task.cancelDoneAt = ctx.now + ctx.store.config.cancelMs;
    if (acct.activeTaskId === task.taskId) delete acct.activeTaskId;
    ctx.store.changed();
    return {};
  };
}
