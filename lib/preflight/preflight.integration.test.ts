import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '@/emulator/server';

// The real SDK clients of lib/aws against the in-process emulator: env first, then import the services.
let emulator: RunningEmulator;
let runPreflight: typeof import('./run').runPreflight;
let createExport: typeof import('@/lib/export-tasks/create').createExport;

const base = {
  account: 'default',
  region: 'us-east-2',
  prefix: 'exportedlogs',
  logGroupNames: ['/aws/lambda/orders-api'],
};
const yesterday = { from: Date.now() - 2 * 86_400_000, to: Date.now() - 86_400_000 };

beforeAll(async () => {
  // Long enough that a task created here stays active for the whole file.
  emulator = await startEmulator({ port: 0, seed: true, pendingMs: 60_000, runningMs: 60_000 });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: emulator.url,
    AWS_REGION: 'us-east-2',
    AWS_ACCESS_KEY_ID: 'AKIDPREFLIGHTTEST000',
    AWS_SECRET_ACCESS_KEY: 'not-a-real-secret',
    LOGPORT_REGIONS: 'us-east-2,us-west-2',
  });
  ({ runPreflight } = await import('./run'));
  ({ createExport } = await import('@/lib/export-tasks/create'));
});

afterAll(async () => {
  await emulator?.close();
});

const verdicts = (r: Awaited<ReturnType<typeof runPreflight>>) =>
  Object.fromEntries(r.checks.map((c) => [c.id, `${c.verdict}:${c.code}`]));

async function createCount(): Promise<number> {
  const stats = (await (await fetch(`${emulator.url}/_emulator/stats`)).json()) as Record<string, number>;
  return stats['logs:CreateExportTask'] ?? 0;
}

describe('preflight against the seeded buckets', () => {
  it('the good bucket passes every check', async () => {
    const r = await runPreflight({ ...base, bucket: 'logport-exports', mode: 'launch' });
    expect(verdicts(r)).toEqual({
      bucket: 'pass:bucketFound',
      region: 'pass:sameRegion',
      policy: 'pass:policyAllows',
      encryption: 'pass:sseS3', // S3 encrypts new buckets with SSE-S3 by default
      active: 'pass:noActiveExport',
    });
    expect(r.ok).toBe(true);
  });

  it('a bucket without a policy fails with a link to the generator', async () => {
    const r = await runPreflight({ ...base, bucket: 'my-exported-logs', prefix: 'team/a', mode: 'launch' });
    const policy = r.checks.find((c) => c.id === 'policy');
    expect(policy).toMatchObject({ verdict: 'fail', code: 'policyMissing' });
    expect(policy?.findings?.[0]?.code).toBe('no-policy');
    expect(policy?.fix?.href).toBe(
      '/bucket-policy?bucket=my-exported-logs&region=us-east-2&account=default&accountId=123456789012&prefix=team%2Fa',
    );
    expect(r.ok).toBe(false);
  });

  it('a bucket in another Region fails and names both Regions', async () => {
    const r = await runPreflight({ ...base, bucket: 'logport-exports-west', mode: 'launch' });
    expect(r.checks.find((c) => c.id === 'region')).toMatchObject({
      verdict: 'fail',
      code: 'bucketOtherRegion',
      params: { bucket: 'logport-exports-west', bucketRegion: 'us-west-2', region: 'us-east-2' },
    });
    expect(verdicts(r).policy).toBe('skip:skippedOtherRegion');
  });

  it('a missing bucket fails and skips what depends on it', async () => {
    const r = await runPreflight({ ...base, bucket: 'no-such-bucket-here', mode: 'launch' });
    expect(verdicts(r)).toMatchObject({
      bucket: 'fail:bucketMissing',
      region: 'skip:skippedNoBucket',
      policy: 'skip:skippedNoBucket',
    });
  });

  it('an SSE-KMS bucket warns about the key policy and names the key', async () => {
    const r = await runPreflight({ ...base, bucket: 'logport-exports-kms', mode: 'launch' });
    const enc = r.checks.find((c) => c.id === 'encryption');
    expect(enc).toMatchObject({ verdict: 'warn', code: 'kmsKeyPolicy' });
    expect(String(enc?.params.keyId)).toMatch(/^arn:aws:kms:us-east-2:123456789012:key\//);
    expect(r.ok).toBe(true);
  });

  it('a policy for the whole bucket covers any prefix', async () => {
    const r = await runPreflight({
      ...base,
      bucket: 'logport-exports',
      prefix: 'deep/er/prefix',
      mode: 'launch',
    });
    expect(verdicts(r).policy).toBe('pass:policyAllows');
  });

  it('none of this called CreateExportTask', async () => {
    expect(await createCount()).toBe(0);
  });
});

describe('an active export', () => {
  let firstTaskId = '';

  it('launches one export', async () => {
    const r = await createExport({
      ...yesterday,
      region: 'us-east-2',
      logGroupName: 'my-log-group',
      destination: 'logport-exports',
      destinationPrefix: 'exportedlogs',
      taskName: 'first',
    });
    expect(r.ok).toBe(true);
    if (r.ok) firstTaskId = r.taskId;
  });

  it('preflight names it, blocks a launch and only notes it for the queue', async () => {
    const launch = await runPreflight({ ...base, bucket: 'logport-exports', mode: 'launch' });
    expect(launch.checks.find((c) => c.id === 'active')).toMatchObject({
      verdict: 'fail',
      code: 'activeExport',
      params: { taskId: firstTaskId, name: 'first', logGroup: 'my-log-group', region: 'us-east-2' },
      fix: { kind: 'task', href: `/exports/${firstTaskId}` },
    });
    expect(launch.ok).toBe(false);
    const queue = await runPreflight({ ...base, bucket: 'logport-exports', mode: 'queue' });
    expect(verdicts(queue).active).toBe('warn:activeExportQueue');
    expect(queue.ok).toBe(true);
  });

  it('a second create fails at once with LimitExceeded, naming the active export', async () => {
    // "At once" is asserted as "no silent SDK retry" (the emulator's count below); how fast belongs to bench/.
    const r = await createExport({
      ...yesterday,
      region: 'us-east-2',
      logGroupName: '/aws/lambda/orders-api',
      destination: 'logport-exports',
      destinationPrefix: 'exportedlogs',
      taskName: 'second',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('exportLimitNamed');
    expect(r.error.params).toMatchObject({ taskId: firstTaskId, name: 'first' });
    expect(r.active?.taskId).toBe(firstTaskId);
    // One create that worked, one refused: the SDK did not retry the refusal.
    expect(await createCount()).toBe(2);
  });

  it('maps other create errors to plain codes', async () => {
    const missing = await createExport({
      ...yesterday,
      region: 'us-west-2',
      logGroupName: '/no/such/group',
      destination: 'logport-exports-west',
      destinationPrefix: 'exportedlogs',
    });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(['logGroupNotFound', 'exportLimitNamed']).toContain(missing.error.code);
  });
});
