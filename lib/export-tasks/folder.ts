import type { ExportTask } from './types';

/**
 * Where AWS writes this task's files: s3://bucket/<prefix>/<taskId>/ (same rule as lib/s3/objects); null when the
 * backend did not report the prefix.
 */
export function taskFolderText(
  task: Pick<ExportTask, 'destination' | 'destinationPrefix' | 'taskId'>,
): string | null {
  if (task.destinationPrefix === null) return null;
  const prefix = task.destinationPrefix.replace(/^\/+|\/+$/g, '');
  return `s3://${task.destination}/${prefix ? `${prefix}/` : ''}${task.taskId}/`;
}
