import { ApiError } from './errors';
import { findGroup, type LogsContext, type LogsOperation } from './logs-context';
import type { LogGroup } from './types';
import { Input, LOG_GROUP_NAME } from './validate';

// Log group tags: TagResource / UntagResource / ListTagsForResource by ARN, and the deprecated
// TagLogGroup / UntagLogGroup / ListTagsLogGroup by name. Constraints are the API model's (TagKey, TagValue,
// Tags, TagKeyList, TagList); errors use AWS's "N validation error(s) detected" form.

const TAG_KEY = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]+)$/u;
const TAG_VALUE = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u;
const TAG_KEY_TEXT = '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$';
const TAG_VALUE_TEXT = '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$';
export const MAX_TAGS = 50;

/** `arn:aws:logs:REGION:ACCOUNT:log-group:NAME`, without the `:*` that DescribeLogGroups' `arn` carries. */
const LOG_GROUP_ARN = /^arn:(aws|aws-cn|aws-us-gov):logs:([a-z0-9-]+):(\d{12}):log-group:(.+)$/;

function keyProblems(key: string): string[] {
  const out: string[] = [];
  if (key.length > 128) out.push('Member must have length less than or equal to 128');
  if (key.length < 1) out.push('Member must have length greater than or equal to 1');
  if (!TAG_KEY.test(key)) out.push(`Member must satisfy regular expression pattern: ${TAG_KEY_TEXT}`);
  return out;
}

function valueProblems(value: string): string[] {
  const out: string[] = [];
  if (value.length > 256) out.push('Member must have length less than or equal to 256');
  if (!TAG_VALUE.test(value)) out.push(`Member must satisfy regular expression pattern: ${TAG_VALUE_TEXT}`);
  return out;
}

function typeError(field: string): never {
  throw new ApiError('SerializationException', `Unexpected type for field '${field}'`);
}

/** AWS shows maps and lists the way Java prints them: `{k=v, k2=v2}`, `[a, b]`. */
const showMap = (m: Record<string, string>) =>
  `{${Object.entries(m)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')}}`;
const showList = (l: string[]) => `[${l.join(', ')}]`;

function throwProblems(problems: string[]): void {
  const n = problems.length;
  if (n === 0) return;
  throw new ApiError(
    'InvalidParameterException',
    `${n} validation error${n > 1 ? 's' : ''} detected: ${problems.join('; ')}`,
  );
}

/** Reads a `Tags` map (1-50 entries, keys 1-128, values 0-256, the model's patterns). */
export function readTags(
  body: Record<string, unknown>,
  field: string,
  required: boolean,
): Record<string, string> | undefined {
  const raw = body[field];
  if (raw === undefined || raw === null) {
    if (required)
      throwProblems([`Value null at '${field}' failed to satisfy constraint: Member must not be null`]);
    return undefined;
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) typeError(field);
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof v !== 'string') typeError(field);
    tags[k] = v;
  }
  const entries = Object.entries(tags);
  const at = `Value '${showMap(tags)}' at '${field}' failed to satisfy constraint: `;
  const problems: string[] = [];
  if (entries.length < 1) problems.push(`${at}Member must have length greater than or equal to 1`);
  if (entries.length > MAX_TAGS)
    problems.push(`${at}Member must have length less than or equal to ${MAX_TAGS}`);
  const badKeys = entries.flatMap(([k]) => keyProblems(k));
  if (badKeys.length > 0)
    problems.push(`${at}Map keys must satisfy constraint: [${[...new Set(badKeys)].join(', ')}]`);
  const badValues = entries.flatMap(([, v]) => valueProblems(v));
  if (badValues.length > 0) {
    problems.push(`${at}Map value must satisfy constraint: [${[...new Set(badValues)].join(', ')}]`);
  }
  throwProblems(problems);
  return tags;
}

/** Reads a list of tag keys (`TagKeyList` 0-50 for UntagResource, `TagList` 1+ for UntagLogGroup). */
function readKeys(body: Record<string, unknown>, field: string, min: number, max?: number): string[] {
  const raw = body[field];
  if (raw === undefined || raw === null) {
    throwProblems([`Value null at '${field}' failed to satisfy constraint: Member must not be null`]);
    return [];
  }
  if (!Array.isArray(raw)) typeError(field);
  const keys = raw.map((k) => (typeof k === 'string' ? k : typeError(field)));
  const at = `Value '${showList(keys)}' at '${field}' failed to satisfy constraint: `;
  const problems: string[] = [];
  if (keys.length < min) problems.push(`${at}Member must have length greater than or equal to ${min}`);
  if (max !== undefined && keys.length > max) {
    problems.push(`${at}Member must have length less than or equal to ${max}`);
  }
  const bad = keys.flatMap(keyProblems);
  if (bad.length > 0) problems.push(`${at}Member must satisfy constraint: [${[...new Set(bad)].join(', ')}]`);
  throwProblems(problems);
  return keys;
}

/**
 * The log group an ARN names. The ARN with the trailing `:*` (DescribeLogGroups' `arn`) is refused with
 * `ValidationException: Invalid resourceArn`, as real AWS answers (boto3 #4104, cloud-nuke #1150); so is any
 * ARN that is not a log group's. A well-formed ARN of a group that is not in the caller's account and Region is
 * ResourceNotFoundException (what AWS says for another account's ARN is unconfirmed).
 */
function groupByArn(ctx: LogsContext, body: Record<string, unknown>): LogGroup {
  const input = new Input({ resourceArn: body.resourceArn });
  const arn = input.str('resourceArn', { required: true, min: 1, max: 1011 })!;
  input.done();
  const m = LOG_GROUP_ARN.exec(arn);
  if (!m || !LOG_GROUP_NAME.test(m[4]!) || m[4]!.length > 512) {
    throw new ApiError('ValidationException', 'Invalid resourceArn');
  }
  if (m[2] !== ctx.region || m[3] !== ctx.accountId) {
    throw new ApiError('ResourceNotFoundException', 'The specified log group does not exist.');
  }
  return findGroup(ctx, m[4]!);
}

function addTags(group: LogGroup, tags: Record<string, string>, arn: string): void {
  const merged = { ...group.tags, ...tags };
  if (Object.keys(merged).length > MAX_TAGS) {
    // The model's TooManyTagsException; the message text is unconfirmed.
    throw new ApiError('TooManyTagsException', `A resource can have no more than ${MAX_TAGS} tags: ${arn}`);
  }
  group.tags = merged;
}

function removeTags(group: LogGroup, keys: string[]): void {
  if (!group.tags) return;
  for (const k of keys) delete group.tags[k];
  if (Object.keys(group.tags).length === 0) delete group.tags;
}

const tagResource: LogsOperation = (ctx, body) => {
  const tags = readTags(body, 'tags', true)!;
  const group = groupByArn(ctx, body);
  addTags(group, tags, String(body.resourceArn));
  return {};
};

const untagResource: LogsOperation = (ctx, body) => {
  const keys = readKeys(body, 'tagKeys', 0, MAX_TAGS);
  removeTags(groupByArn(ctx, body), keys);
  return {};
};

const listTagsForResource: LogsOperation = (ctx, body) => {
  const group = groupByArn(ctx, body);
  return { tags: { ...group.tags } };
};

function groupByName(ctx: LogsContext, body: Record<string, unknown>): LogGroup {
  const input = new Input({ logGroupName: body.logGroupName });
  const name = input.str('logGroupName', { required: true, min: 1, max: 512, pattern: LOG_GROUP_NAME });
  input.done();
  return findGroup(ctx, name!);
}

const tagLogGroup: LogsOperation = (ctx, body) => {
  const tags = readTags(body, 'tags', true)!;
  const group = groupByName(ctx, body);
  addTags(group, tags, group.name);
  return {};
};

const untagLogGroup: LogsOperation = (ctx, body) => {
  const keys = readKeys(body, 'tags', 1);
  removeTags(groupByName(ctx, body), keys);
  return {};
};

const listTagsLogGroup: LogsOperation = (ctx, body) => ({ tags: { ...groupByName(ctx, body).tags } });

export const tagOperations: Record<string, LogsOperation> = {
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
  TagLogGroup: tagLogGroup,
  UntagLogGroup: untagLogGroup,
  ListTagsLogGroup: listTagsLogGroup,
};

export const READ_ONLY_TAG_OPERATIONS = ['ListTagsForResource', 'ListTagsLogGroup'];
