import { ApiError } from './errors';
import {
  appendEvents,
  expireEvents,
  findGroup,
  findStream,
  type LogsOperation,
  sortedEvents,
} from './logs-context';
import type { LogStream } from './types';
import { decodeToken, encodeToken, groupArn, Input, LOG_GROUP_NAME, LOG_STREAM_NAME } from './validate';

const DAY = 86_400_000;
const MAX_BATCH_BYTES = 1_048_576;

const createLogStream: LogsOperation = (ctx, body) => {
  const input = new Input(body);
  const groupName = input.str('logGroupName', { required: true, min: 1, max: 512, pattern: LOG_GROUP_NAME });
  const name = input.str('logStreamName', { required: true, min: 1, max: 512, pattern: LOG_STREAM_NAME });
  input.done();
  const group = findGroup(ctx, groupName!);
  if (group.streams.has(name!)) {
    throw new ApiError('ResourceAlreadyExistsException', 'The specified log stream already exists');
  }
  group.streams.set(name!, { name: name!, creationTime: ctx.now, events: [], sorted: true, storedBytes: 0 });
  return {};
};

function isOffsetToken(v: unknown): v is { offset: number } {
  return typeof v === 'object' && v !== null && typeof (v as { offset?: unknown }).offset === 'number';
}

const describeLogStreams: LogsOperation = (ctx, body) => {
  const input = new Input(body);
  const groupName = input.str('logGroupName', { min: 1, max: 512, pattern: LOG_GROUP_NAME });
  const identifier = input.str('logGroupIdentifier', { min: 1, max: 2048 });
  const prefix = input.str('logStreamNamePrefix', { min: 1, max: 512, pattern: LOG_STREAM_NAME });
  const orderBy = input.str('orderBy', { enumValues: ['LogStreamName', 'LastEventTime'] }) ?? 'LogStreamName';
  const descending = input.bool('descending') ?? false;
  const limit = input.int('limit', { min: 1, max: 50 }) ?? 50;
  const nextToken = input.str('nextToken', { min: 1 });
  input.done();
  if (groupName === undefined && identifier === undefined) {
    throw new ApiError(
      'InvalidParameterException',
      'Either logGroupName or logGroupIdentifier must be specified.',
    );
  }
  if (orderBy === 'LastEventTime' && prefix !== undefined) {
    throw new ApiError(
      'InvalidParameterException',
      'Cannot order by LastEventTime with a logStreamNamePrefix.',
    );
  }
  const name =
    groupName ?? identifier!.replace(/^arn:[^:]+:logs:[^:]*:[^:]*:log-group:/, '').replace(/:\*$/, '');
  const group = findGroup(ctx, name);
  expireEvents(group, ctx.now);
  const lastEvent = (s: LogStream) => sortedEvents(s).at(-1)?.timestamp ?? 0;
  const streams = [...group.streams.values()].filter(
    (s) => prefix === undefined || s.name.startsWith(prefix),
  );
  if (orderBy === 'LastEventTime') {
    streams.sort((a, b) => lastEvent(a) - lastEvent(b));
  } else {
    streams.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  if (descending) streams.reverse();
  const offset = nextToken === undefined ? 0 : decodeToken(nextToken, isOffsetToken).offset;
  const page = streams.slice(offset, offset + limit);
  const arn = groupArn(ctx.region, ctx.accountId, name);
  return {
    logStreams: page.map((s) => {
      const events = sortedEvents(s);
      const first = events[0];
      const last = events[events.length - 1];
      return {
        logStreamName: s.name,
        creationTime: s.creationTime,
        ...(first ? { firstEventTimestamp: first.timestamp, lastEventTimestamp: last!.timestamp } : {}),
        ...(s.lastIngestionTime !== undefined ? { lastIngestionTime: s.lastIngestionTime } : {}),
        uploadSequenceToken: String(events.length).padStart(56, '0'),
        arn: `${arn}:log-stream:${s.name}`,
        storedBytes: 0,
      };
    }),
    ...(offset + limit < streams.length ? { nextToken: encodeToken({ offset: offset + limit }) } : {}),
  };
};

const putLogEvents: LogsOperation = (ctx, body) => {
  const input = new Input(body);
  const groupName = input.str('logGroupName', { required: true, min: 1, max: 512, pattern: LOG_GROUP_NAME });
  const streamName = input.str('logStreamName', {
    required: true,
    min: 1,
    max: 512,
    pattern: LOG_STREAM_NAME,
  });
  const raw = input.list('logEvents', { required: true, min: 1, max: 10_000 });
  input.done();
  const events = raw!.map((item, i) => {
    const e = new Input((item ?? {}) as Record<string, unknown>);
    const timestamp = e.int('timestamp', { required: true, min: 0 });
    const message = e.str('message', { required: true, min: 1 });
    try {
      e.done();
    } catch (err) {
      if (err instanceof ApiError) {
        throw new ApiError(err.code, err.message.replaceAll(" at '", ` at 'logEvents.${i + 1}.member.`));
      }
      throw err;
    }
    return { timestamp: timestamp!, message: message! };
  });
  const group = findGroup(ctx, groupName!);
  const stream = findStream(group, streamName!);
  const bytes = events.reduce((sum, e) => sum + Buffer.byteLength(e.message) + 26, 0);
  if (bytes > MAX_BATCH_BYTES) {
    throw new ApiError(
      'InvalidParameterException',
      `Upload too large: ${bytes} bytes exceeds limit of 1048576`,
    );
  }
  const times = events.map((e) => e.timestamp);
  if (Math.max(...times) - Math.min(...times) > DAY) {
    throw new ApiError(
      'InvalidParameterException',
      'The batch of log events in a single PutLogEvents request cannot span more than 24 hours.',
    );
  }
  // AWS accepts the batch but drops events outside what it can store, and says which.
  const tooOldBefore = ctx.now - 14 * DAY;
  const expiredBefore = group.retentionInDays ? ctx.now - group.retentionInDays * DAY : -1;
  const tooNewAfter = ctx.now + 2 * 3_600_000;
  const info: Record<string, number> = {};
  const accepted = events.filter((e, i) => {
    if (e.timestamp > tooNewAfter) {
      info.tooNewLogEventStartIndex ??= i;
      return false;
    }
    if (e.timestamp < expiredBefore) {
      info.expiredLogEventEndIndex = i;
      return false;
    }
    if (e.timestamp < tooOldBefore) {
      info.tooOldLogEventEndIndex = i;
      return false;
    }
    return true;
  });
  appendEvents(group, stream, accepted, ctx.now);
  return {
    nextSequenceToken: String(stream.events.length).padStart(56, '0'),
    ...(Object.keys(info).length > 0 ? { rejectedLogEventsInfo: info } : {}),
  };
};

function parseEventToken(token: string): { forward: boolean; pos: number } {
  const m = /^([fb])\/(\d{1,56})\/s$/.exec(token);
  if (!m) throw new ApiError('InvalidParameterException', 'The specified nextToken is invalid.');
  return { forward: m[1] === 'f', pos: Number(m[2]) };
}

const eventToken = (dir: 'f' | 'b', pos: number) => `${dir}/${String(pos).padStart(56, '0')}/s`;

const getLogEvents: LogsOperation = (ctx, body) => {
  const input = new Input(body);
  const groupName = input.str('logGroupName', { min: 1, max: 512, pattern: LOG_GROUP_NAME });
  const identifier = input.str('logGroupIdentifier', { min: 1, max: 2048 });
  const streamName = input.str('logStreamName', {
    required: true,
    min: 1,
    max: 512,
    pattern: LOG_STREAM_NAME,
  });
  const startTime = input.int('startTime', { min: 0 });
  const endTime = input.int('endTime', { min: 0 });
  const nextToken = input.str('nextToken', { min: 1 });
  const limit = input.int('limit', { min: 1, max: 10_000 }) ?? 10_000;
  const startFromHead = input.bool('startFromHead') ?? false;
  input.done();
  const name = groupName ?? identifier?.replace(/^arn:[^:]+:logs:[^:]*:[^:]*:log-group:/, '');
  if (name === undefined) {
    throw new ApiError(
      'InvalidParameterException',
      'Either logGroupName or logGroupIdentifier must be specified.',
    );
  }
  const group = findGroup(ctx, name);
  expireEvents(group, ctx.now);
  const stream = findStream(group, streamName!);
  // endTime is exclusive for GetLogEvents, as the API reference says.
  const selected = sortedEvents(stream).filter(
    (e) =>
      (startTime === undefined || e.timestamp >= startTime) &&
      (endTime === undefined || e.timestamp < endTime),
  );
  let start: number;
  let end: number;
  if (nextToken !== undefined) {
    const t = parseEventToken(nextToken);
    const pos = Math.min(t.pos, selected.length);
    [start, end] = t.forward
      ? [pos, Math.min(pos + limit, selected.length)]
      : [Math.max(0, pos - limit), pos];
  } else if (startFromHead) {
    [start, end] = [0, Math.min(limit, selected.length)];
  } else {
    [start, end] = [Math.max(0, selected.length - limit), selected.length];
  }
  return {
    events: selected
      .slice(start, end)
      .map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime })),
    nextForwardToken: eventToken('f', end),
    nextBackwardToken: eventToken('b', start),
  };
};

export const streamOperations: Record<string, LogsOperation> = {
  CreateLogStream: createLogStream,
  DescribeLogStreams: describeLogStreams,
  PutLogEvents: putLogEvents,
  GetLogEvents: getLogEvents,
};
