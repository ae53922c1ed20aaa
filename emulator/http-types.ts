import type { Session } from './types';

export interface EmulatorRequest {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface EmulatorResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

export interface Caller {
  accessKeyId: string;
  accountId: string;
  region: string;
  /** What GetCallerIdentity answers: `arn:aws:iam::ACCT:user/sandbox`, or `arn:aws:sts::ACCT:assumed-role/R/S`. */
  arn: string;
  userId: string;
  /** `aws:PrincipalArn`: the user, or for a session the role's ARN (not the session's). */
  principalArn: string;
  /** Every ARN a policy's Principal may name to mean this caller (a session answers to its role's ARN too). */
  principalArns: string[];
  session?: Session;
}

export function header(req: EmulatorRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
