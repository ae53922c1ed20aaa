import { STATUS_CODES, type StatusCode, type TaskStatus } from './types';

/** Statuses that can still change; AWS allows one PENDING or RUNNING task per account. */
export const ACTIVE_STATUSES: readonly StatusCode[] = ['PENDING', 'RUNNING', 'PENDING_CANCEL'];
export const CANCELLABLE_STATUSES: readonly StatusCode[] = ['PENDING', 'RUNNING'];

export function isStatusCode(value: unknown): value is StatusCode {
  return typeof value === 'string' && (STATUS_CODES as readonly string[]).includes(value);
}

export function isActiveStatus(status: TaskStatus): boolean {
  return isStatusCode(status) && ACTIVE_STATUSES.includes(status);
}

export function isCancellable(status: TaskStatus): boolean {
  return isStatusCode(status) && CANCELLABLE_STATUSES.includes(status);
}

/** Holds the account's one export slot (PENDING_CANCEL does not: AWS accepts a new task then). */
export function holdsExportSlot(status: TaskStatus): boolean {
  return status === 'PENDING' || status === 'RUNNING';
}
