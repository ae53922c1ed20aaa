import type { EmulatorRequest } from './http-types';
import { header } from './http-types';

export interface Credential {
  accessKeyId: string;
  region: string;
  service: string;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/;

/**
 * Reads the SigV4 credential scope from the Authorization header or a presigned URL. Signatures are not
 * verified: any key works, which keeps the emulator cheap while still rejecting unsigned calls like AWS.
 */
export function readCredential(req: EmulatorRequest): Credential | 'missing' | 'malformed' {
  const auth = header(req, 'authorization');
  let scope: string | undefined;
  if (auth !== undefined) {
    if (!auth.startsWith('AWS4-HMAC-SHA256 ')) return 'malformed';
    scope = auth;
  } else {
    const presigned = req.url.searchParams.get('X-Amz-Credential');
    if (presigned === null) return 'missing';
    scope = `Credential=${presigned}`;
  }
  const m = CREDENTIAL.exec(scope);
  if (!m) return 'malformed';
  return { accessKeyId: m[1]!, region: m[3]!, service: m[4]! };
}

/** A 12-digit access key id names the account (as LocalStack does), so tests can act as other accounts. */
export function accountFor(accessKeyId: string, fallback: string): string {
  return /^\d{12}$/.test(accessKeyId) ? accessKeyId : fallback;
}
