import { randomUUID } from 'node:crypto';
import { ApiError } from './errors';
import type { ExportEngine } from './export-tasks';
import type { Caller, EmulatorRequest, EmulatorResponse } from './http-types';
import type { LogsOperation } from './logs-context';
import { groupOperations } from './logs-groups';
import { streamOperations } from './logs-streams';
import { READ_ONLY_TAG_OPERATIONS, tagOperations } from './logs-tags';
import type { Store } from './state';

const READ_ONLY = new Set([
  'DescribeLogGroups',
  'DescribeLogStreams',
  'GetLogEvents',
  'DescribeExportTasks',
  ...READ_ONLY_TAG_OPERATIONS,
]);

export function logsOperations(engine: ExportEngine): Record<string, LogsOperation> {
  return {
    ...groupOperations,
    ...streamOperations,
    ...tagOperations,
    CreateExportTask: engine.create,
    DescribeExportTasks: engine.describe,
    CancelExportTask: engine.cancel,
  };
}

export function logsError(err: ApiError): EmulatorResponse {
  return {
    status: err.status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() },
    body: JSON.stringify({ __type: err.code, message: err.message }),
  };
}

export function handleLogs(
  store: Store,
  operations: Record<string, LogsOperation>,
  operation: string,
  req: EmulatorRequest,
  caller: Caller,
): EmulatorResponse {
  try {
    const op = operations[operation];
    if (!op) throw new ApiError('UnknownOperationException', '');
    let body: unknown;
    try {
      body = req.body.length === 0 ? {} : JSON.parse(req.body.toString('utf8'));
    } catch {
      throw new ApiError('SerializationException', 'Start of structure or map found where not expected.');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ApiError('SerializationException', 'Start of structure or map found where not expected.');
    }
    const result = op(
      { store, accountId: caller.accountId, region: caller.region, now: Date.now(), caller },
      body as Record<string, unknown>,
    );
    if (!READ_ONLY.has(operation)) store.changed();
    return {
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() },
      body: JSON.stringify(result),
    };
  } catch (err) {
    if (err instanceof ApiError) return logsError(err);
    return logsError(
      new ApiError('ServiceUnavailableException', 'The service cannot complete the request.', 500),
    );
  }
}
