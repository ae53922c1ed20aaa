import 'server-only';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { LogportRetryStrategy } from './retry';

/**
 * One client per service and Region, reused across requests (clients hold connection pools and credentials).
 * Everything else comes from the SDK's standard chain: env, profiles, SSO, instance roles, AWS_ENDPOINT_URL*.
 */
const cache = new Map<string, CloudWatchLogsClient | S3Client | STSClient>();

function cached<T extends CloudWatchLogsClient | S3Client | STSClient>(key: string, make: () => T): T {
  let client = cache.get(key) as T | undefined;
  if (!client) {
    client = make();
    cache.set(key, client);
  }
  return client;
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

export function logsClient(region: string): CloudWatchLogsClient {
  return cached(`logs:${region}`, () => new CloudWatchLogsClient({ region, retryStrategy, requestHandler }));
}

const onceStrategy = new LogportRetryStrategy(3, 100, 2_000, false);

/**
 * For CreateExportTask only: retries throttling, never a 5xx or a network error, which may come after the
 * task was created (a blind retry would export twice, or meet our own task as "another export is active").
 * Callers look the task up by name instead (lib/export-tasks/create.ts, the queue worker).
 */
export function logsCreateClient(region: string): CloudWatchLogsClient {
  return cached(
    `logs-create:${region}`,
    () => new CloudWatchLogsClient({ region, retryStrategy: onceStrategy, requestHandler }),
  );
}

export function s3Client(region: string): S3Client {
  // A custom endpoint (the sandbox, LocalStack) serves buckets by path, not by virtual host.
  const custom = Boolean(process.env.AWS_ENDPOINT_URL_S3 || process.env.AWS_ENDPOINT_URL);
  return cached(
    `s3:${region}`,
    () =>
      new S3Client({
        region,
        retryStrategy,
        requestHandler: s3RequestHandler,
        forcePathStyle: custom,
        followRegionRedirects: true,
      }),
  );
}

export function stsClient(region: string): STSClient {
  return cached(`sts:${region}`, () => new STSClient({ region, retryStrategy, requestHandler }));
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
