import 'server-only';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { roleOf } from '@/lib/accounts/config';
import { DEFAULT_ACCOUNT, type Scope } from '@/lib/accounts/types';
import { LogportRetryStrategy } from './retry';

/**
 * One client per service and (account, Region), reused across requests: clients hold connection pools and
 * credentials, and a client given a credential provider caches what it returns and refreshes it before it
 * expires (the SDK does so 5 minutes ahead; the provider alone caches nothing). The `default` account uses
 * the SDK's standard chain (env, profiles, SSO, instance roles, AWS_ENDPOINT_URL*); the others assume their
 * role (STS AssumeRole) with those ambient credentials.
 */
type Client = CloudWatchLogsClient | S3Client | STSClient;
const cache = new Map<string, Client>();

function cached<T extends Client>(kind: string, scope: Scope, make: (credentials?: Credentials) => T): T {
  const role = roleOf(scope.account);
  if (scope.account !== DEFAULT_ACCOUNT && !role) throw new UnknownAccountError(scope.account);
  // The role and external id are part of the key: an edited accounts file gets new clients.
  const key = `${kind}|${scope.account}|${scope.region}|${role?.roleArn ?? ''}|${role?.externalId ?? ''}`;
  let client = cache.get(key) as T | undefined;
  if (!client) {
    client = make(role ? assumedRole(scope.account, role, scope.region) : undefined);
    cache.set(key, client);
  }
  return client;
}

export class UnknownAccountError extends Error {
  constructor(account: string) {
    super(`unknown account ${account}`);
    this.name = 'UnknownAccountError';
  }
}

/** A failure to assume an account's role: the account is unreachable, whatever the call was. */
export class AssumeRoleError extends Error {
  override readonly cause: unknown;
  constructor(account: string, cause: unknown) {
    super(`could not assume the role of account ${account}: ${(cause as Error)?.name ?? 'error'}`);
    this.name = 'AssumeRoleError';
    this.cause = cause;
  }
}

type Credentials = AwsCredentialIdentityProvider;

const ROLE_SESSION_SECONDS = 3600;

function assumedRole(
  account: string,
  role: { roleArn: string; externalId: string | null },
  region: string,
): Credentials {
  const provider = fromTemporaryCredentials({
    params: {
      RoleArn: role.roleArn,
      RoleSessionName: 'logport',
      DurationSeconds: ROLE_SESSION_SECONDS,
      ...(role.externalId ? { ExternalId: role.externalId } : {}),
    },
    clientConfig: { region, requestHandler },
  });
  return async (props?: Record<string, unknown>): Promise<AwsCredentialIdentity> => {
    try {
      return await provider(props);
    } catch (err) {
      throw new AssumeRoleError(account, err);
    }
  };
}

const retryStrategy = new LogportRetryStrategy();

function ms(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * The SDK waits forever by default: an endpoint that drops packets (a firewall, a wrong VPC endpoint) would
 * hold every page until the operating system gives up, minutes later. A connection gets 5 s, and a socket
 * that stays silent for 30 s is cut.
 */
const requestHandler = {
  connectionTimeout: ms('LOGPORT_AWS_CONNECT_TIMEOUT_MS', 5_000),
  socketTimeout: ms('LOGPORT_AWS_IDLE_TIMEOUT_MS', 30_000),
};

/**
 * S3 also streams downloads to the browser (lib/s3/objects.ts): while a slow reader holds the stream back the
 * socket is silent too, so S3 gets the same connect limit and a far longer idle one.
 */
const s3RequestHandler = {
  connectionTimeout: requestHandler.connectionTimeout,
  socketTimeout: Math.max(requestHandler.socketTimeout, 300_000),
};

export function logsClient(scope: Scope): CloudWatchLogsClient {
  return cached(
    'logs',
    scope,
    (credentials) =>
      new CloudWatchLogsClient({
        region: scope.region,
        retryStrategy,
        requestHandler,
        ...(credentials ? { credentials } : {}),
      }),
  );
}

const onceStrategy = new LogportRetryStrategy(3, 100, 2_000, false);

/**
 * For CreateExportTask only: retries throttling, never a 5xx or a network error, which may come after the
 * task was created (a blind retry would export twice, or meet our own task as "another export is active").
 * Callers look the task up by name instead (lib/export-tasks/create.ts, the queue worker).
 */
export function logsCreateClient(scope: Scope): CloudWatchLogsClient {
  return cached(
    'logs-create',
    scope,
    (credentials) =>
      new CloudWatchLogsClient({
        region: scope.region,
        retryStrategy: onceStrategy,
        requestHandler,
        ...(credentials ? { credentials } : {}),
      }),
  );
}

export function s3Client(scope: Scope): S3Client {
  // A custom endpoint (the sandbox, LocalStack) serves buckets by path, not by virtual host.
  const custom = Boolean(process.env.AWS_ENDPOINT_URL_S3 || process.env.AWS_ENDPOINT_URL);
  return cached(
    's3',
    scope,
    (credentials) =>
      new S3Client({
        region: scope.region,
        retryStrategy,
        requestHandler: s3RequestHandler,
        forcePathStyle: custom,
        followRegionRedirects: true,
        ...(credentials ? { credentials } : {}),
      }),
  );
}

export function stsClient(scope: Scope): STSClient {
  return cached(
    'sts',
    scope,
    (credentials) =>
      new STSClient({
        region: scope.region,
        retryStrategy,
        requestHandler,
        ...(credentials ? { credentials } : {}),
      }),
  );
}

/** The endpoint CloudWatch Logs calls go to, when one is configured (null: the real AWS endpoint). */
export function configuredEndpoint(): string | null {
  return process.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS || process.env.AWS_ENDPOINT_URL || null;
}

export function isLocalEndpoint(endpoint: string | null): boolean {
  if (!endpoint) return false;
  try {
    const host = new URL(endpoint).hostname;
    return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host);
  } catch {
    return false;
  }
}
