/** An export task as Logport passes it around (server and browser): AWS's fields, flattened and plain JSON. */
export const STATUS_CODES = [
  'PENDING',
  'RUNNING',
  'PENDING_CANCEL',
  'CANCELLED',
  'COMPLETED',
  'FAILED',
] as const;
export type StatusCode = (typeof STATUS_CODES)[number];
/**
 * A task's status as Logport holds it: AWS's six codes, or UNKNOWN when a backend that is not quite AWS
 * (moto, LocalStack) sends none or one of its own (moto's "active"). UNKNOWN is never treated as active.
 */
export type TaskStatus = StatusCode | 'UNKNOWN';

export type ExportTask = {
  taskId: string;
  taskName: string | null;
  logGroupName: string;
  from: number;
  to: number;
  destination: string;
  /** null: the backend did not say (AWS always does; its default is `exportedlogs`). */
  destinationPrefix: string | null;
  status: TaskStatus;
  statusMessage: string | null;
  createdAt: number | null;
  completedAt: number | null;
};

export type ExportTaskPage = {
  tasks: ExportTask[];
  nextToken: string | null;
  /** When this answer was fetched from AWS (epoch ms). */
  fetchedAt: number;
  /**
   * Server time at which every tab watching this list should poll again (the same moment for all, so their
   * polls share one AWS call); absent where nobody polls the answer.
   */
  pollAt?: number;
  /** How long until `pollAt` when this answer was sent (from the response header; clocks may differ). */
  pollInMs?: number;
};

/**
 * One export as Logport describes it before AWS has it: what the wizard plans, the queue stores and
 * CreateExportTask receives. The task name is what matches a queued job to its AWS task.
 */
export type ExportSpec = {
  /** The Logport account (absent: `default`, the ambient credentials). */
  account?: string;
  region: string;
  logGroupName: string;
  logStreamNamePrefix?: string;
  from: number;
  to: number;
  destination: string;
  destinationPrefix: string;
  taskName: string;
};
