import { ApiError } from './errors';
import type { LogsContext } from './logs-context';
import type { ExportStatusCode, ExportTask } from './types';

// How an export task looks from outside: its status at a given time, and DescribeExportTasks' rendering of it
// (with the loose, moto-like variant).

export interface TaskStatus {
  code: ExportStatusCode;
  message?: string;
  completionTime?: number;
}

/** Status is a pure function of the task and the clock, so it survives restarts and needs no ticking. */
export function statusOf(task: ExportTask, now: number): TaskStatus {
  if (task.final) return { ...task.final };
  if (task.cancelDoneAt !== undefined) {
    if (now < task.cancelDoneAt) return { code: 'PENDING_CANCEL', message: 'Cancellation requested' };
    return { code: 'CANCELLED', message: 'Cancelled by user', completionTime: task.cancelDoneAt };
  }
  if (now < task.creationTime + task.pendingMs) return { code: 'PENDING' };
  return { code: 'RUNNING', message: 'Started Successfully' };
}

export const isActive = (s: TaskStatus) => s.code === 'PENDING' || s.code === 'RUNNING';

/** `loose` leaves out executionInfo, as moto does. */
export function renderTask(task: ExportTask, now: number, loose = false) {
  const status = statusOf(task, now);
  const rendered = {
    taskId: task.taskId,
    ...(task.taskName !== undefined ? { taskName: task.taskName } : {}),
    logGroupName: task.logGroupName,
    from: task.from,
    to: task.to,
    destination: task.destination,
    destinationPrefix: task.destinationPrefix,
    status: { code: status.code, ...(status.message !== undefined ? { message: status.message } : {}) },
    executionInfo: {
      creationTime: task.creationTime,
      ...(status.completionTime !== undefined ? { completionTime: status.completionTime } : {}),
    },
  };
  if (!loose) return rendered;
  const { executionInfo: _omitted, ...rest } = rendered;
  return rest;
}

/**
 * DescribeExportTasks as moto answers it (compat `loose`): statusCode, limit and nextToken ignored, every task
 * oldest first, no executionInfo, and an unknown taskId an error (moto's ResourceNotFoundException, whose text
 * is the log group one).
 */
export function describeLoose(ctx: LogsContext, taskId: string | undefined) {
  if (taskId !== undefined) {
    const task = ctx.store.account(ctx.accountId).tasksById.get(taskId);
    if (!task || task.region !== ctx.region) {
      throw new ApiError('ResourceNotFoundException', 'The specified log group does not exist.');
    }
    return { exportTasks: [renderTask(task, ctx.now, true)] };
  }
  return {
    exportTasks: ctx.store.region(ctx.accountId, ctx.region).tasks.map((t) => renderTask(t, ctx.now, true)),
  };
}
