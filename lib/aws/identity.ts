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
// A caller that polls on a slower beat may accept an older answer (`maxAgeMs`, e.g. the accounts overview, which
// every viewer polls every 30 s: answers shared for that long keep its cost to the accounts, not the viewers).
// Callers arriving while a question is out share its answer.
const cache = new Map<string, { at: number; value: AwsIdentity }>();
const asking = new Map<string, Promise<AwsIdentity>>();

export async function getIdentity(scope: Scope, maxAgeMs = 15_000): Promise<AwsIdentity> {
  const key = scopeKey(scope);
  const hit = cache.get(key);
  const ttl = hit?.value.error ? 5_000 : maxAgeMs;
  if (hit && Date.now() - hit.at < ttl) return hit.value;
  const pending = asking.get(key);
  if (pending) return pending;
  const question = askIdentity(scope).finally(() => asking.delete(key));
  asking.set(key, question);
  return question;
}

async function askIdentity(scope: Scope): Promise<AwsIdentity> {
  const key = scopeKey(scope);
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
