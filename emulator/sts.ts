import { createHash, randomUUID } from 'node:crypto';
import type { Caller, EmulatorResponse } from './http-types';

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

export function stsError(code: string, message: string, status: number): EmulatorResponse {
  return {
    status,
    headers: { 'content-type': 'text/xml' },
    body: `<ErrorResponse xmlns="${STS_NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  };
}

export function handleSts(action: string, caller: Caller): EmulatorResponse {
  if (action !== 'GetCallerIdentity') {
    return stsError('InvalidAction', `Could not find operation ${action} for version 2011-06-15`, 400);
  }
  // A stable, AWS-shaped user id derived from the access key, so repeated calls agree.
  const userId = `AIDA${createHash('sha1').update(caller.accessKeyId).digest('hex').slice(0, 17).toUpperCase()}`;
  return {
    status: 200,
    headers: { 'content-type': 'text/xml' },
    body: `<GetCallerIdentityResponse xmlns="${STS_NS}"><GetCallerIdentityResult><Arn>arn:aws:iam::${caller.accountId}:user/sandbox</Arn><UserId>${userId}</UserId><Account>${caller.accountId}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
  };
}
