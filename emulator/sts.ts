import { randomBytes } from 'node:crypto';
import { ApiError } from './errors';
import type { Caller, EmulatorResponse } from './http-types';
import { roleArn, roleKey } from './iam';
import { el, isoSeconds, QueryInput, queryError, queryResponse, STS_NS } from './query-protocol';
import type { Store } from './state';
import { trustAllows } from './trust-policy';
import type { Session } from './types';

export function stsError(code: string, message: string, status: number): EmulatorResponse {
  return queryError(STS_NS, code, message, status);
}

const ROLE_ARN = /^arn:aws(?:-cn|-us-gov)?:iam::(\d{12}):role(\/(?:[\u0021-\u007F]+\/)?)([\w+=,.@-]+)$/;
const KEEP_EXPIRED_MS = 86_400_000;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const randomKeyId = () => `ASIA${Array.from(randomBytes(16), (b) => BASE32[b % 32]).join('')}`;

function getCallerIdentity(caller: Caller): EmulatorResponse {
  return queryResponse(
    STS_NS,
    'GetCallerIdentity',
    `${el('Arn', caller.arn)}${el('UserId', caller.userId)}${el('Account', caller.accountId)}`,
  );
}

/**
 * AssumeRole: the role must exist and its trust policy must let the caller in (account, ARN, external id);
 * anything else is AWS's AccessDenied, which does not say which. Credentials last DurationSeconds (default
 * 3600, at most the role's MaxSessionDuration, at most 3600 when a session assumes a role), shortened to the
 * `assumeRoleMaxSeconds` setting when one is set.
 */
function assumeRole(store: Store, params: URLSearchParams, caller: Caller, now: number): EmulatorResponse {
  const input = new QueryInput(params);
  const arn = input.str('RoleArn', { required: true, min: 20, max: 2048 })!;
  const sessionName = input.str('RoleSessionName', {
    required: true,
    min: 2,
    max: 64,
    pattern: /[\w+=,.@-]*/,
  })!;
  const externalId = input.str('ExternalId', { min: 2, max: 1224, pattern: /[\w+=,.@:/-]*/ });
  const duration = input.int('DurationSeconds', { min: 900, max: 43200 });
  input.str('Policy', { min: 1, max: 2048 });
  input.done();
  const denied = new ApiError(
    'AccessDenied',
    `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${arn}`,
    403,
  );
  const m = ROLE_ARN.exec(arn);
  if (!m) throw denied;
  const [, accountId, path, name] = m as unknown as [string, string, string, string];
  const role = store.account(accountId).roles.get(roleKey(name));
  if (!role || role.path !== path) throw denied;
  const request = { sessionName, ...(externalId !== undefined ? { externalId } : {}) };
  if (!trustAllows(role.assumeRolePolicyDocument, arn, caller, request)) throw denied;
  const requested = duration ?? 3600;
  if (caller.session && requested > 3600) {
    throw new ApiError(
      'ValidationError',
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  }
  if (requested > role.maxSessionDuration) {
    throw new ApiError(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  }
  const cap = store.config.assumeRoleMaxSeconds;
  const seconds = cap === undefined ? requested : Math.min(requested, cap);
  for (const [key, s] of store.sessions) {
    if (s.expiration + KEEP_EXPIRED_MS < now) store.sessions.delete(key);
  }
  const session: Session = {
    accessKeyId: randomKeyId(),
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(240).toString('base64')}`,
    accountId,
    roleName: role.roleName,
    roleArn: roleArn(accountId, role),
    roleId: role.roleId,
    sessionName,
    expiration: Math.floor((now + seconds * 1000) / 1000) * 1000,
  };
  store.sessions.set(session.accessKeyId, session);
  store.changed();
  const assumed = `arn:aws:sts::${accountId}:assumed-role/${role.roleName}/${sessionName}`;
  return queryResponse(
    STS_NS,
    'AssumeRole',
    `<AssumedRoleUser>${el('AssumedRoleId', `${role.roleId}:${sessionName}`)}${el('Arn', assumed)}</AssumedRoleUser><Credentials>${el('AccessKeyId', session.accessKeyId)}${el('SecretAccessKey', session.secretAccessKey)}${el('SessionToken', session.sessionToken)}${el('Expiration', isoSeconds(session.expiration))}</Credentials>`,
  );
}

export function handleSts(
  store: Store,
  action: string,
  params: URLSearchParams,
  caller: Caller,
  now: number,
): EmulatorResponse {
  try {
    if (action === 'GetCallerIdentity') return getCallerIdentity(caller);
    if (action === 'AssumeRole') return assumeRole(store, params, caller, now);
    return stsError('InvalidAction', `Could not find operation ${action} for version 2011-06-15`, 400);
  } catch (err) {
    if (err instanceof ApiError) return stsError(err.code, err.message, err.status);
    return stsError('InternalFailure', 'An internal error occurred.', 500);
  }
}
