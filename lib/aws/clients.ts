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

export function logsClient(region: string): CloudWatchLogsClient {
  return cached(`logs:${region}`, () => new CloudWatchLogsClient({ region, retryStrategy }));
}

export function s3Client(region: string): S3Client {
  // A custom endpoint (the sandbox, LocalStack) serves buckets by path, not by virtual host.
  const custom = Boolean(process.env.AWS_ENDPOINT_URL_S3 || process.env.AWS_ENDPOINT_URL);
  return cached(
    `s3:${region}`,
    () => new S3Client({ region, retryStrategy, forcePathStyle: custom, followRegionRedirects: true }),
  );
}

export function stsClient(region: string): STSClient {
  return cached(`sts:${region}`, () => new STSClient({ region, retryStrategy }));
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
