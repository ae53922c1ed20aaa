import {
  CloudWatchLogsClient,
  DescribeExportTasksCommand,
  type ExportTask,
} from '@aws-sdk/client-cloudwatch-logs';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
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
  /** Every client for one Region, signed with the given credentials (another account, or a role's). */
  const clientsAs = (creds: AwsCredentialIdentity | AwsCredentialIdentityProvider, r: string = region) => ({
    logs: new CloudWatchLogsClient({ ...common, region: r, credentials: creds }),
    s3: new S3Client({ ...common, region: r, forcePathStyle: true, credentials: creds }),
    sts: new STSClient({ ...common, region: r, credentials: creds }),
    // IAM is global: the SDK signs it for us-east-1 whatever the Region.
    iam: new IAMClient({ ...common, region: 'us-east-1', credentials: creds }),
  });
  const clients = (r: string) => clientsAs(credentials, r);
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
  return { emulator, ...clients(region), clients, clientsAs, admin };
}

/** A 12-digit access key id acts as that account. */
export const accountKey = (accountId: string) => ({ accessKeyId: accountId, secretAccessKey: 'secret' });

/** Polls DescribeExportTasks until the task is COMPLETED, FAILED or CANCELLED. */
export async function waitForTask(logs: CloudWatchLogsClient, taskId: string): Promise<ExportTask> {
  for (let i = 0; i < 2000; i++) {
    const task = (await logs.send(new DescribeExportTasksCommand({ taskId }))).exportTasks?.[0];
    const code = task?.status?.code;
    if (task && (code === 'COMPLETED' || code === 'FAILED' || code === 'CANCELLED')) return task;
    await sleep(20);
  }
  throw new Error(`export task ${taskId} did not finish`);
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
