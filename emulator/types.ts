// Shapes of the emulator's state. Kept as plain data so persistence is a JSON round trip.

export type ExportStatusCode =
  | 'PENDING'
  | 'RUNNING'
  | 'COMPLETED'
  | 'FAILED'
  | 'CANCELLED'
  | 'PENDING_CANCEL';

export const EXPORT_STATUS_CODES: readonly ExportStatusCode[] = [
  'CANCELLED',
  'COMPLETED',
  'FAILED',
  'PENDING',
  'PENDING_CANCEL',
  'RUNNING',
];

export interface LogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}

export interface LogStream {
  name: string;
  creationTime: number;
  events: LogEvent[];
  /** False after an out-of-order insert; sorting waits until someone reads. */
  sorted: boolean;
  storedBytes: number;
  lastIngestionTime?: number;
}

export interface LogGroup {
  name: string;
  creationTime: number;
  retentionInDays?: number;
  streams: Map<string, LogStream>;
  storedBytes: number;
}

export interface ExportTask {
  taskId: string;
  taskName?: string;
  logGroupName: string;
  logStreamNamePrefix?: string;
  from: number;
  to: number;
  destination: string;
  destinationPrefix: string;
  region: string;
  accountId: string;
  /** Unique, increasing; breaks ties between tasks created in the same millisecond. */
  seq: number;
  creationTime: number;
  pendingMs: number;
  runningMs: number;
  cancelRequestedAt?: number;
  /** When PENDING_CANCEL turns into CANCELLED. */
  cancelDoneAt?: number;
  /** Set once the task reached a final status; until then the status is derived from the clock. */
  final?: { code: 'COMPLETED' | 'FAILED' | 'CANCELLED'; message: string; completionTime: number };
}

export interface S3Object {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: number;
  metadata: Record<string, string>;
}

export interface Bucket {
  name: string;
  region: string;
  owner: string;
  creationDate: number;
  objects: Map<string, S3Object>;
  policy?: string;
  encryption?: string;
}

export interface EmulatorConfig {
  accountId: string;
  pendingMs: number;
  runningMs: number;
  cancelMs: number;
}

export interface Faults {
  throttleRate: number;
  errorRate: number;
  /** Requests that succeed, then answer a 5xx as if the response were lost. */
  lostResponseRate: number;
  latencyMs: number;
  operations?: string[];
}
