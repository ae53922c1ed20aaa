import { createHash } from 'node:crypto';
import { ApiError } from './errors';
import type { Caller, EmulatorResponse } from './http-types';
import { PolicyError } from './policy';
import { el, IAM_NS, isoSeconds, QueryInput, queryError, queryResponse } from './query-protocol';
import type { Store } from './state';
import { parseTrustPolicy } from './trust-policy';
import type { Role } from './types';

// IAM roles, enough for cross-account access: CreateRole, GetRole, UpdateAssumeRolePolicy, DeleteRole. IAM is
// global (the SDK and CLI sign it for us-east-1); roles live in the caller's account.

const ROLE_NAME = /[\w+=,.@-]+/;
const PATH = /(\u002F)|(\u002F[\u0021-\u007F]+\u002F)/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the IAM model's own pattern (tab, LF, CR allowed)
const POLICY_DOCUMENT = /[\u0009\u000A\u000D\u0020-\u00FF]+/;

/** RFC 3986 percent-encoding, as IAM returns policy documents. */
export const urlEncodePolicy = (doc: string) =>
  encodeURIComponent(doc).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export const roleArn = (accountId: string, role: Pick<Role, 'path' | 'roleName'>) =>
  `arn:aws:iam::${accountId}:role${role.path}${role.roleName}`;

/** AROA + 17 characters, stable for one account, name and creation time. */
export function roleIdFor(accountId: string, roleName: string, createDate: number): string {
  const hash = createHash('sha1').update(`${accountId}:${roleName}:${createDate}`).digest('hex');
  return `AROA${BigInt(`0x${hash}`).toString(36).toUpperCase().slice(0, 17).padEnd(17, 'X')}`;
}

/** Role names are unique regardless of case in IAM, and found that way. */
export const roleKey = (name: string) => name.toLowerCase();

function roleXml(accountId: string, role: Role): string {
  return `<Role>${el('Path', role.path)}${el('AssumeRolePolicyDocument', urlEncodePolicy(role.assumeRolePolicyDocument))}${el('MaxSessionDuration', role.maxSessionDuration)}${el('RoleId', role.roleId)}${el('RoleName', role.roleName)}${el('Description', role.description)}${el('Arn', roleArn(accountId, role))}${el('CreateDate', isoSeconds(role.createDate))}<RoleLastUsed/></Role>`;
}

function checkPolicy(text: string): void {
  try {
    parseTrustPolicy(text);
  } catch (err) {
    if (err instanceof PolicyError) throw new ApiError('MalformedPolicyDocument', err.message);
    throw err;
  }
}

function findRole(store: Store, accountId: string, name: string): Role {
  const role = store.account(accountId).roles.get(roleKey(name));
  if (!role) throw new ApiError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);
  return role;
}

/** Creates a role directly (the seed); CreateRole goes through the same checks. */
export function putRole(
  store: Store,
  accountId: string,
  spec: {
    roleName: string;
    trustPolicy: string;
    path?: string;
    description?: string;
    maxSessionDuration?: number;
  },
  now: number,
): Role {
  const role: Role = {
    roleName: spec.roleName,
    roleId: roleIdFor(accountId, spec.roleName, now),
    path: spec.path ?? '/',
    assumeRolePolicyDocument: spec.trustPolicy,
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    maxSessionDuration: spec.maxSessionDuration ?? 3600,
    createDate: Math.floor(now / 1000) * 1000,
  };
  store.account(accountId).roles.set(roleKey(role.roleName), role);
  return role;
}

type IamAction = (store: Store, params: URLSearchParams, caller: Caller, now: number) => EmulatorResponse;

const createRole: IamAction = (store, params, caller, now) => {
  const input = new QueryInput(params);
  const roleName = input.str('RoleName', { required: true, min: 1, max: 64, pattern: ROLE_NAME })!;
  const document = input.str('AssumeRolePolicyDocument', {
    required: true,
    min: 1,
    max: 131072,
    pattern: POLICY_DOCUMENT,
  })!;
  const path = input.str('Path', { min: 1, max: 512, pattern: PATH });
  const description = input.str('Description', { max: 1000 });
  const maxSessionDuration = input.int('MaxSessionDuration', { min: 3600, max: 43200 });
  input.done();
  if (store.account(caller.accountId).roles.has(roleKey(roleName))) {
    throw new ApiError('EntityAlreadyExists', `Role with name ${roleName} already exists.`, 409);
  }
  checkPolicy(document);
  const role = putRole(
    store,
    caller.accountId,
    {
      roleName,
      trustPolicy: document,
      ...(path !== undefined ? { path } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(maxSessionDuration !== undefined ? { maxSessionDuration } : {}),
    },
    now,
  );
  store.changed();
  return queryResponse(IAM_NS, 'CreateRole', roleXml(caller.accountId, role));
};

const getRole: IamAction = (store, params, caller) => {
  const input = new QueryInput(params);
  const roleName = input.str('RoleName', { required: true, min: 1, max: 64, pattern: ROLE_NAME })!;
  input.done();
  return queryResponse(
    IAM_NS,
    'GetRole',
    roleXml(caller.accountId, findRole(store, caller.accountId, roleName)),
  );
};

const updateAssumeRolePolicy: IamAction = (store, params, caller) => {
  const input = new QueryInput(params);
  const roleName = input.str('RoleName', { required: true, min: 1, max: 64, pattern: ROLE_NAME })!;
  const document = input.str('PolicyDocument', {
    required: true,
    min: 1,
    max: 131072,
    pattern: POLICY_DOCUMENT,
  })!;
  input.done();
  const role = findRole(store, caller.accountId, roleName);
  checkPolicy(document);
  role.assumeRolePolicyDocument = document;
  store.changed();
  return queryResponse(IAM_NS, 'UpdateAssumeRolePolicy');
};

const deleteRole: IamAction = (store, params, caller) => {
  const input = new QueryInput(params);
  const roleName = input.str('RoleName', { required: true, min: 1, max: 64, pattern: ROLE_NAME })!;
  input.done();
  findRole(store, caller.accountId, roleName);
  store.account(caller.accountId).roles.delete(roleKey(roleName));
  store.changed();
  return queryResponse(IAM_NS, 'DeleteRole');
};

const actions: Record<string, IamAction> = {
  CreateRole: createRole,
  GetRole: getRole,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  DeleteRole: deleteRole,
};

export function handleIam(
  store: Store,
  action: string,
  params: URLSearchParams,
  caller: Caller,
  now: number,
): EmulatorResponse {
  const run = actions[action];
  if (!run)
    return queryError(
      IAM_NS,
      'InvalidAction',
      `Could not find operation ${action} for version 2010-05-08`,
      400,
    );
  try {
    return run(store, params, caller, now);
  } catch (err) {
    if (err instanceof ApiError) return queryError(IAM_NS, err.code, err.message, err.status);
    return queryError(
      IAM_NS,
      'ServiceFailure',
      'The request processing has failed because of an unknown error, exception or failure.',
      500,
    );
  }
}
