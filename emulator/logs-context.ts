import { ApiError } from './errors';
import type { Store } from './state';
import type { LogGroup, LogStream } from './types';

export interface LogsContext {
  store: Store;
  accountId: string;
  region: string;
  now: number;
}

export type LogsOperation = (ctx: LogsContext, body: Record<string, unknown>) => unknown;

export function findGroup(ctx: LogsContext, name: string): LogGroup {
  const group = ctx.store.region(ctx.accountId, ctx.region).groups.get(name);
  if (!group) throw new ApiError('ResourceNotFoundException', 'The specified log group does not exist.');
  return group;
}

export function findStream(group: LogGroup, name: string): LogStream {
  const stream = group.streams.get(name);
  if (!stream) throw new ApiError('ResourceNotFoundException', 'The specified log stream does not exist.');
  return stream;
}

export function sortedEvents(stream: LogStream) {
  if (!stream.sorted) {
    stream.events.sort((a, b) => a.timestamp - b.timestamp);
    stream.sorted = true;
  }
  return stream.events;
}

/** Appends without validation; PutLogEvents, the seed and persistence all come through here. */
export function appendEvents(
  group: LogGroup,
  stream: LogStream,
  events: Array<{ timestamp: number; message: string }>,
  ingestionTime: number,
): void {
  let bytes = 0;
  for (const e of events) {
    const last = stream.events[stream.events.length - 1];
    if (last && e.timestamp < last.timestamp) stream.sorted = false;
    stream.events.push({ timestamp: e.timestamp, message: e.message, ingestionTime });
    bytes += Buffer.byteLength(e.message);
  }
  stream.storedBytes += bytes;
  group.storedBytes += bytes;
  if (events.length > 0) stream.lastIngestionTime = ingestionTime;
}
