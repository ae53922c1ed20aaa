import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { type EmulatorOptions, startEmulator } from './server';

// Shared by the integration tests: the real SDK clients, pointed at an emulator on a random port.

export const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

export async function startWithClients(options: EmulatorOptions = {}, region = 'us-east-2') {
  const emulator = await startEmulator({
    port: 0,
    // Long enough that a poll on a loaded CI machine still sees each phase; short enough to keep tests quick.
    pendingMs: 600,
    runningMs: 1200,
    cancelMs: 300,
    ...options,
  });
  const common = { endpoint: emulator.url, region, credentials, maxAttempts: 1 };
  const clients = (r: string) => ({
    logs: new CloudWatchLogsClient({ ...common, region: r }),
    s3: new S3Client({ ...common, region: r, forcePathStyle: true }),
    sts: new STSClient({ ...common, region: r }),
  });
  const admin = async (path: string, body?: unknown) => {
    const res = await fetch(`${emulator.url}/_emulator/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    if (!res.ok) throw new Error(`emulator admin ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  return { emulator, ...clients(region), clients, admin };
}

/** Resolves to `Code: message` of a rejected SDK call, so tests can assert on AWS's exact words. */
export async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    const e = err as {
      name?: string;
      Code?: string;
      message?: string;
      $metadata?: { httpStatusCode?: number };
    };
    return `${e.name}: ${e.message} (${e.$metadata?.httpStatusCode})`;
  }
  throw new Error('expected the call to fail');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
