import { taskFolderText } from '@/lib/export-tasks/folder';
import { shellQuote } from '@/lib/text/shell-quote';
import type { ExportTask } from './types';

/**
 * The AWS CLI commands equivalent to what Logport does, for users who want to see or repeat them.
 * Values are quoted for a POSIX shell; names may hold spaces, quotes, `$` or `#` (and, from exports made
 * outside Logport, control characters: see lib/text/shell-quote.ts).
 */
export { shellQuote };

function command(parts: Array<string | [flag: string, value: string | number | null | undefined]>): string {
  return parts
    .flatMap((part) => {
      if (typeof part === 'string') return [part];
      const [flag, value] = part;
      return value === null || value === undefined || value === '' ? [] : [flag, shellQuote(String(value))];
    })
    .join(' ');
}

export type CreateExportInput = {
  region: string;
  taskName?: string | null;
  logGroupName: string;
  logStreamNamePrefix?: string | null;
  from: number;
  to: number;
  destination: string;
  destinationPrefix?: string | null;
};

export function createExportTaskCommand(input: CreateExportInput): string {
  return command([
    'aws logs create-export-task',
    ['--region', input.region],
    ['--task-name', input.taskName],
    ['--log-group-name', input.logGroupName],
    ['--log-stream-name-prefix', input.logStreamNamePrefix],
    ['--from', input.from],
    ['--to', input.to],
    ['--destination', input.destination],
    ['--destination-prefix', input.destinationPrefix],
  ]);
}

export function describeExportTasksCommand(
  region: string,
  filter: { taskId?: string; statusCode?: string } = {},
): string {
  return command([
    'aws logs describe-export-tasks',
    ['--region', region],
    ['--task-id', filter.taskId],
    ['--status-code', filter.statusCode],
  ]);
}

export function cancelExportTaskCommand(region: string, taskId: string): string {
  return command(['aws logs cancel-export-task', ['--region', region], ['--task-id', taskId]]);
}

/** Copies every file an export wrote (`s3://bucket/<prefix>/<taskId>/`) into `./<taskId>/`. */
export function downloadExportCommand(
  region: string,
  task: Pick<ExportTask, 'destination' | 'taskId'> & { destinationPrefix: string },
): string {
  return command([
    'aws s3 cp --recursive',
    ['--region', region],
    shellQuote(taskFolderText(task) ?? ''),
    shellQuote(`./${task.taskId}/`),
  ]);
}
