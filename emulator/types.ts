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
  /** TagResource / CreateLogGroup tags; absent when the group has none. */
  tags?: Record<string, string>;
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
  /** Created in loose compatibility mode: objects go where moto puts them (see export-writer). */
  looseLayout?: true;
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

export type CompatMode = 'faithful' | 'loose';

export interface EmulatorConfig {
  accountId: string;
  pendingMs: number;
  runningMs: number;
  cancelMs: number;
  /** `loose` behaves like moto/LocalStack where they differ from AWS (see README); default `faithful`. */
  compat?: CompatMode;
  /**
   * Caps the lifetime of AssumeRole credentials (seconds, 1-43200), below AWS's 900 s minimum if asked, so
   * tests can watch the SDK refresh them. Absent: what the caller asked (default 3600), as AWS.
   */
  assumeRoleMaxSeconds?: number;
}

/** An IAM role (global, per account). */
export interface Role {
  roleName: string;
  roleId: string;
  path: string;
  /** The trust policy as the caller sent it (decoded); GetRole answers it URL-encoded, as IAM does. */
  assumeRolePolicyDocument: string;
  description?: string;
  maxSessionDuration: number;
  createDate: number;
}

/** Temporary credentials from STS AssumeRole; they act as the role's account until `expiration`. */
export interface Session {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  accountId: string;
  roleName: string;
  roleArn: string;
  roleId: string;
  sessionName: string;
  /** Epoch ms, whole seconds (what the Expiration field says). */
  expiration: number;
}

export interface Faults {
  throttleRate: number;
  errorRate: number;
  /** Requests that succeed, then answer a 5xx as if the response were lost. */
  lostResponseRate: number;
  latencyMs: number;
  operations?: string[];
}
