import { ApiError } from './errors';
import type { Caller } from './http-types';
import type { Store } from './state';
import type { LogGroup, LogStream } from './types';

export interface LogsContext {
  store: Store;
  accountId: string;
  region: string;
  now: number;
  /** Who signs; absent in unit tests, which act as the account's IAM user. */
  caller?: Pick<Caller, 'accountId' | 'principalArn' | 'principalArns'>;
}

export function callerOf(ctx: LogsContext): Pick<Caller, 'accountId' | 'principalArn' | 'principalArns'> {
  if (ctx.caller) return ctx.caller;
  const arn = `arn:aws:iam::${ctx.accountId}:user/sandbox`;
  return { accountId: ctx.accountId, principalArn: arn, principalArns: [arn] };
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

const DAY = 86_400_000;

/**
 * Drops the events a group's retention has deleted (older than now - retentionInDays), so reads, exports and
 * storedBytes agree with what AWS still holds. Called lazily by the operations that read a group; a stream
 * whose oldest event is still retained costs one comparison.
 */
export function expireEvents(group: LogGroup, now: number): void {
  if (group.retentionInDays === undefined) return;
  const cutoff = now - group.retentionInDays * DAY;
  for (const stream of group.streams.values()) {
    const first = sortedEvents(stream)[0];
    if (!first || first.timestamp >= cutoff) continue;
    const events = stream.events;
    let lo = 0;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (events[mid]!.timestamp < cutoff) lo = mid + 1;
      else hi = mid;
    }
    let bytes = 0;
    for (const e of events.splice(0, lo)) bytes += Buffer.byteLength(e.message);
    stream.storedBytes -= bytes;
    group.storedBytes -= bytes;
  }
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
