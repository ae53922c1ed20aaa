import { createHash } from 'node:crypto';
import type { Caller, EmulatorRequest } from './http-types';
import { header } from './http-types';
import type { Store } from './state';

export interface Credential {
  accessKeyId: string;
  region: string;
  service: string;
  /** `X-Amz-Security-Token` (header, or query for presigned URLs). */
  sessionToken?: string;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/;

/**
 * Reads the SigV4 credential scope from the Authorization header or a presigned URL. Signatures are not
 * verified: any key works, which keeps the emulator cheap while still rejecting unsigned calls like AWS.
 */
export function readCredential(req: EmulatorRequest): Credential | 'missing' | 'malformed' {
  const auth = header(req, 'authorization');
  let scope: string | undefined;
  let token = header(req, 'x-amz-security-token');
  if (auth !== undefined) {
    if (!auth.startsWith('AWS4-HMAC-SHA256 ')) return 'malformed';
    scope = auth;
  } else {
    const presigned = req.url.searchParams.get('X-Amz-Credential');
    if (presigned === null) return 'missing';
    scope = `Credential=${presigned}`;
    token ??= req.url.searchParams.get('X-Amz-Security-Token') ?? undefined;
  }
  const m = CREDENTIAL.exec(scope);
  if (!m) return 'malformed';
  return {
    accessKeyId: m[1]!,
    region: m[3]!,
    service: m[4]!,
    ...(token !== undefined ? { sessionToken: token } : {}),
  };
}

/** A 12-digit access key id names the account (as LocalStack does), so tests can act as other accounts. */
export function accountFor(accessKeyId: string, fallback: string): string {
  return /^\d{12}$/.test(accessKeyId) ? accessKeyId : fallback;
}

/** Why a request signed with temporary credentials is refused: unknown key, missing or wrong token, expired. */
export type AuthFailure = 'unknownKey' | 'invalidToken' | 'expiredToken';

/** Keys starting ASIA are temporary credentials, which AWS accepts only with their session token. */
export const isTemporaryKey = (accessKeyId: string) => accessKeyId.startsWith('ASIA');

/**
 * Who signed the request. Long-term keys act as the IAM user `sandbox` of their account (the 12-digit
 * convention, else the emulator's account). ASIA keys must be credentials AssumeRole issued, sent with their
 * session token and not expired; they act as the assumed role.
 */
export function resolveCaller(
  store: Store,
  credential: Credential,
  fallbackAccount: string,
  now: number,
): Caller | AuthFailure {
  const { accessKeyId, region } = credential;
  if (isTemporaryKey(accessKeyId)) {
    const session = store.sessions.get(accessKeyId);
    if (!session) return 'unknownKey';
    if (credential.sessionToken !== session.sessionToken) return 'invalidToken';
    if (now >= session.expiration) return 'expiredToken';
    const arn = `arn:aws:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`;
    return {
      accessKeyId,
      accountId: session.accountId,
      region,
      arn,
      userId: `${session.roleId}:${session.sessionName}`,
      principalArn: session.roleArn,
      principalArns: [arn, session.roleArn],
      session,
    };
  }
  const accountId = accountFor(accessKeyId, fallbackAccount);
  const arn = `arn:aws:iam::${accountId}:user/sandbox`;
  // A stable, AWS-shaped user id derived from the access key, so repeated calls agree.
  const userId = `AIDA${createHash('sha1').update(accessKeyId).digest('hex').slice(0, 17).toUpperCase()}`;
  return { accessKeyId, accountId, region, arn, userId, principalArn: arn, principalArns: [arn] };
}
