import { ApiError } from './errors';
import { expireEvents, findGroup, type LogsContext, type LogsOperation } from './logs-context';
import { readTags } from './logs-tags';
import { decodeToken, encodeToken, groupArn, Input, LOG_GROUP_NAME, RETENTION_DAYS } from './validate';

const GROUP_NAME_RULE = { required: true, min: 1, max: 512, pattern: LOG_GROUP_NAME };

function groupName(input: Input, field = 'logGroupName'): string {
  const name = input.str(field, GROUP_NAME_RULE);
  input.done();
  return name!;
}

const createLogGroup: LogsOperation = (ctx, body) => {
  const input = new Input(body);
  input.str('kmsKeyId', { max: 256 });
  input.str('logGroupClass', { enumValues: ['STANDARD', 'INFREQUENT_ACCESS', 'DELIVERY'] });
  const name = groupName(input);
  const tags = readTags(body, 'tags', false);
  const groups = ctx.store.region(ctx.accountId, ctx.region).groups;
  if (groups.has(name)) {
    throw new ApiError('ResourceAlreadyExistsException', 'The specified log group already exists');
  }
  groups.set(name, {
    name,
    creationTime: ctx.now,
    streams: new Map(),
    storedBytes: 0,
    ...(tags ? { tags } : {}),
  });
  return {};
};

const deleteLogGroup: LogsOperation = (ctx, body) => {
  const name = groupName(new Input(body));
  findGroup(ctx, name);
  ctx.store.region(ctx.accountId, ctx.region).groups.delete(name);
  return {};
};

const putRetentionPolicy: LogsOperation = (ctx, body) => {
  const input = new Input(body);
  const days = input.int('retentionInDays', { required: true });
  const name = groupName(input);
  if (!RETENTION_DAYS.includes(days!)) {
    throw new ApiError(
      'InvalidParameterException',
      `1 validation error detected: Value '${days}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [${RETENTION_DAYS.join(', ')}]`,
    );
  }
  const group = findGroup(ctx, name);
  group.retentionInDays = days;
  expireEvents(group, ctx.now);
  return {};
};

const deleteRetentionPolicy: LogsOperation = (ctx, body) => {
  const group = findGroup(ctx, groupName(new Input(body)));
  delete group.retentionInDays;
  return {};
};

function isNameToken(v: unknown): v is { after: string } {
  return typeof v === 'object' && v !== null && typeof (v as { after?: unknown }).after === 'string';
}

const describeLogGroups: LogsOperation = (ctx, body) => {
  const input = new Input(body);
  const prefix = input.str('logGroupNamePrefix', { min: 1, max: 512, pattern: LOG_GROUP_NAME });
  const pattern = input.str('logGroupNamePattern', { min: 0, max: 512, pattern: /^[.\-_/#A-Za-z0-9]*$/ });
  const limit = input.int('limit', { min: 1, max: 50 }) ?? 50;
  const nextToken = input.str('nextToken', { min: 1 });
  const logGroupClass = input.str('logGroupClass', {
    enumValues: ['STANDARD', 'INFREQUENT_ACCESS', 'DELIVERY'],
  });
  input.done();
  if (prefix !== undefined && pattern !== undefined) {
    throw new ApiError(
      'InvalidParameterException',
      'LogGroupNamePrefix and LogGroupNamePattern are mutually exclusive. Only one of them can be used for the request.',
    );
  }
  const after = nextToken === undefined ? undefined : decodeToken(nextToken, isNameToken).after;
  const needle = pattern?.toLowerCase();
  const names = [...ctx.store.region(ctx.accountId, ctx.region).groups.keys()]
    .filter(
      (n) => (prefix === undefined || n.startsWith(prefix)) && (!needle || n.toLowerCase().includes(needle)),
    )
    .filter((n) => after === undefined || n > after)
    .filter(() => logGroupClass === undefined || logGroupClass === 'STANDARD')
    .sort();
  const page = names.slice(0, limit);
  const logGroups = page.map((n) => {
    const g = findGroup(ctx, n);
    expireEvents(g, ctx.now);
    const arn = groupArn(ctx.region, ctx.accountId, n);
    return {
      logGroupName: n,
      creationTime: g.creationTime,
      ...(g.retentionInDays !== undefined ? { retentionInDays: g.retentionInDays } : {}),
      metricFilterCount: 0,
      arn: `${arn}:*`,
      storedBytes: g.storedBytes,
      logGroupClass: 'STANDARD',
      logGroupArn: arn,
    };
  });
  const last = page[page.length - 1];
  return {
    logGroups,
    ...(names.length > limit && last !== undefined ? { nextToken: encodeToken({ after: last }) } : {}),
  };
};

export const groupOperations: Record<string, LogsOperation> = {
  CreateLogGroup: createLogGroup,
  DeleteLogGroup: deleteLogGroup,
  PutRetentionPolicy: putRetentionPolicy,
  DeleteRetentionPolicy: deleteRetentionPolicy,
  DescribeLogGroups: describeLogGroups,
};

export type { LogsContext };
