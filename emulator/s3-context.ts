import type { Caller, EmulatorRequest, EmulatorResponse } from './http-types';
import type { Store } from './state';
import type { Bucket } from './types';

export interface S3Context {
  store: Store;
  caller: Caller;
  req: EmulatorRequest;
  bucketName: string;
  key: string;
  /** Resolved by the router for operations on an existing bucket. */
  bucket: Bucket;
}

export type S3Operation = (ctx: S3Context) => EmulatorResponse;

export const empty = (status = 200, headers: Record<string, string> = {}): EmulatorResponse => ({
  status,
  headers,
  body: '',
});
