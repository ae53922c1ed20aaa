import 'server-only';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { type Scope, scopeKey } from '@/lib/accounts/types';
import { configuredEndpoint, isLocalEndpoint, stsClient } from './clients';
import { mapAwsError } from './errors';

export type AwsIdentity = {
  account: string | null;
  arn: string | null;
  endpoint: string | null;
  local: boolean;
  error: string | null;
};

// GetCallerIdentity is asked at most every 15 s per (account, Region) (so an outage shows soon); failures after 5 s.
const cache = new Map<string, { at: number; value: AwsIdentity }>();

export async function getIdentity(scope: Scope): Promise<AwsIdentity> {
  const key = scopeKey(scope);
  const hit = cache.get(key);
  const ttl = hit?.value.error ? 5_000 : 15_000;
  if (hit && Date.now() - hit.at < ttl) return hit.value;
  const endpoint = configuredEndpoint();
  let value: AwsIdentity;
  try {
    const out = await stsClient(scope).send(new GetCallerIdentityCommand({}), {
      abortSignal: AbortSignal.timeout(3_000),
    });
    value = {
      account: out.Account ?? null,
      arn: out.Arn ?? null,
      endpoint,
      local: isLocalEndpoint(endpoint),
      error: null,
    };
  } catch (err) {
    value = {
      account: null,
      arn: null,
      endpoint,
      local: isLocalEndpoint(endpoint),
      error: mapAwsError(err).code,
    };
  }
  cache.set(key, { at: Date.now(), value });
  return value;
}
