import { DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, describe, expect, it } from 'vitest';
import { startWithClients } from '@/emulator/test-clients';
import { makeTempDataDir, sampleJobs } from './test-support';

// Cancel and retry through the same functions the /queue actions call, with the worker and the emulator.
const env = await startWithClients({ seed: true, pendingMs: 150, runningMs: 3_000, cancelMs: 50 });
Object.assign(process.env, {
  AWS_ENDPOINT_URL: env.emulator.url,
  AWS_REGION: 'us-east-2',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
});
makeTempDataDir();
const { enqueueJobs } = await import('./enqueue');
const { QueueWorker } = await import('./worker');
const { cancelBatch, cancelJob, retryJob, setPaused } = await import('./commands');
const { getJob } = await import('./store');
const { queueSnapshot } = await import('./view');
const { listActivity } = await import('@/lib/audit');

const bob = { name: 'bob', role: 'operator' as const };
const HOUR = 3_600_000;

afterAll(async () => {
  await env.emulator.close();
});

describe('queue commands', () => {
  it('cancels a queued job and the running one (CancelExportTask), and retries a cancelled one at the end', async () => {
    const start = Date.now() - 3 * 24 * HOUR;
    const planned = sampleJobs(3).map((j, i) => ({
      ...j,
      from: start + i * HOUR,
      to: start + (i + 1) * HOUR,
    }));
    const { jobIds } = await enqueueJobs(bob, planned);
    const [a, b, c] = jobIds as [string, string, string];
    const worker = new QueueWorker({ pollMs: 30, regions: async () => ['us-east-2'] });

    expect(await cancelJob(bob, b)).toEqual({ ok: true, data: { state: 'cancelled' } });
    expect(await worker.tick()).toBe('submitted');
    const taskId = (await getJob(a))?.taskId;
    expect(await cancelJob(bob, a)).toEqual({ ok: true, data: { state: 'running' } });
    // The worker follows the task to CANCELLED, then runs the last job.
    await env.admin('config', { runningMs: 150 });
    expect(await worker.runUntilIdle(20_000)).toBe('idle');
    expect((await Promise.all([a, b, c].map((id) => getJob(id)))).map((j) => j?.state)).toEqual([
      'cancelled',
      'cancelled',
      'completed',
    ]);
    const task = (await env.logs.send(new DescribeExportTasksCommand({ taskId: taskId! }))).exportTasks?.[0];
    expect(task?.status?.code).toBe('CANCELLED');
    expect(await cancelJob(bob, c)).toMatchObject({ ok: false, error: 'queueJobNotCancellable' });

    expect(await retryJob(bob, c)).toMatchObject({ ok: false, error: 'queueJobNotRetryable' });
    expect(await retryJob(bob, a)).toEqual({ ok: true, data: { state: 'queued' } });
    expect(await getJob(a)).toMatchObject({ state: 'queued', taskId: null });
    expect((await getJob(a))!.position).toBeGreaterThan((await getJob(c))!.position);
    expect(await worker.runUntilIdle(20_000)).toBe('idle');
    await worker.stop();
    expect(await getJob(a)).toMatchObject({ state: 'completed' });
    expect((await getJob(a))?.taskId).not.toBe(taskId);

    const actions = (await listActivity({ actor: 'bob' })).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['queue.enqueue', 'queue.cancel', 'export.cancel', 'queue.retry']),
    );
  });

  it('a cancel for a job whose submission may have reached AWS waits for the worker, which cancels that task', async () => {
    const start = Date.now() - 2 * 24 * HOUR;
    const [job] = sampleJobs(1).map((j) => ({ ...j, from: start, to: start + HOUR }));
    const { jobIds } = await enqueueJobs(bob, [job!]);
    const id = jobIds[0]!;
    const worker = new QueueWorker({ pollMs: 30, regions: async () => ['us-east-2'] });
    await env.admin('config', { pendingMs: 60_000, runningMs: 60_000 });
    // AWS creates the task but the answer is lost: the job is back in the queue with its intent kept.
    await env.admin('faults', { lostResponseRate: 1, operations: ['logs:CreateExportTask'] });
    expect(await worker.tick()).toBe('waiting');
    await env.admin('faults', {});
    expect(await getJob(id)).toMatchObject({ state: 'queued', taskId: null });
    expect((await getJob(id))?.intentAt).not.toBeNull();

    // Not cancelled on the spot (AWS holds an export for it): requested, for the worker.
    expect(await cancelJob(bob, id)).toEqual({ ok: true, data: { state: 'queued' } });
    expect((await getJob(id))?.cancelRequested).toBe(true);
    await env.admin('config', { pendingMs: 150, runningMs: 150 });
    expect(await worker.runUntilIdle(20_000)).toBe('idle');
    await worker.stop();
    const found = (await env.logs.send(new DescribeExportTasksCommand({ limit: 50 }))).exportTasks?.filter(
      (t) => t.taskName === job!.taskName,
    );
    expect(found).toHaveLength(1);
    expect(found?.[0]?.status?.code).toBe('CANCELLED');
    expect(await getJob(id)).toMatchObject({ state: 'cancelled', taskId: found?.[0]?.taskId });
  });

  it('cancels a whole batch: the waiting jobs at once with one entry, the running one in AWS like cancelJob', async () => {
    await env.admin('config', { pendingMs: 150, runningMs: 60_000 });
    const start = Date.now() - 5 * 24 * HOUR;
    const planned = sampleJobs(4).map((j, i) => ({
      ...j,
      from: start + i * HOUR,
      to: start + (i + 1) * HOUR,
    }));
    const { batchId, jobIds } = await enqueueJobs(bob, planned);
    const worker = new QueueWorker({ pollMs: 30, regions: async () => ['us-east-2'] });
    expect(await worker.tick()).toBe('submitted');
    const taskId = (await getJob(jobIds[0]!))?.taskId;
    expect(taskId).toBeTruthy();

    expect(await cancelBatch(bob, batchId)).toEqual({
      ok: true,
      data: { cancelled: 3, requested: 1, refused: 0 },
    });
    const states = async () => (await Promise.all(jobIds.map((id) => getJob(id)))).map((j) => j?.state);
    expect(await states()).toEqual(['running', 'cancelled', 'cancelled', 'cancelled']);
    // One entry for the three cancelled at once; the running one is cancelled in AWS (export.cancel).
    const [entry] = await listActivity({ action: 'queue.cancelBatch' });
    expect(entry).toMatchObject({ actor: 'bob', target: batchId, detail: { batchId, jobs: 3 } });
    expect((await listActivity({ action: 'export.cancel' }))[0]).toMatchObject({ target: taskId });

    await env.admin('config', { runningMs: 150 });
    expect(await worker.runUntilIdle(20_000)).toBe('idle');
    await worker.stop();
    expect(await states()).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    const task = (await env.logs.send(new DescribeExportTasksCommand({ taskId: taskId! }))).exportTasks?.[0];
    expect(task?.status?.code).toBe('CANCELLED');
    expect(await cancelBatch(bob, batchId)).toMatchObject({ ok: false, error: 'queueBatchNothingToCancel' });
  });

  it('shows progress, settings and an estimate in the snapshot, and stops being active when paused', async () => {
    await setPaused(bob, true);
    const { batchId } = await enqueueJobs(bob, sampleJobs(2));
    const snap = await queueSnapshot();
    const batch = snap.batches.find((x) => x.id === batchId);
    expect(batch?.jobs.map((j) => j.state)).toEqual(['queued', 'queued']);
    expect(snap.settings.paused).toBe(true);
    expect(snap.active).toBe(false);
    expect(snap.remaining).toBe(2);
    expect(snap.estimateMs).toBeGreaterThan(0);
    expect((await listActivity({ action: 'queue.pause' }))[0]).toMatchObject({ actor: 'bob' });
    await setPaused(bob, false);
    expect((await queueSnapshot()).active).toBe(true);
  });
});
