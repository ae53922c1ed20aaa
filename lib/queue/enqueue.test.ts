import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDataDir, sampleJobs } from './test-support';

makeTempDataDir();
const { enqueueJobs } = await import('./enqueue');
const { getDb } = await import('@/lib/db');
const { listActivity } = await import('@/lib/audit');

const alice = { name: 'alice', role: 'operator' as const };

describe('enqueueJobs', () => {
  beforeAll(async () => {
    await getDb();
  });

  it('stores a batch in order, queued, with who enqueued it, and records the activity', async () => {
    const jobs = sampleJobs(3, { groups: ['/a', '/b'] });
    const { batchId, jobIds } = await enqueueJobs(alice, jobs);
    expect(jobIds).toHaveLength(3);
    const rows = await (await getDb())
      .selectFrom('queue_jobs')
      .select(['id', 'state', 'task_name', 'enqueued_by', 'log_group_name'])
      .where('batch_id', '=', batchId)
      .orderBy('position')
      .execute();
    expect(rows.map((r) => r.id)).toEqual(jobIds);
    expect(rows.map((r) => r.task_name)).toEqual(jobs.map((j) => j.taskName));
    expect(rows.every((r) => r.state === 'queued' && r.enqueued_by === 'alice')).toBe(true);
    const [entry] = await listActivity({ action: 'queue.enqueue' });
    expect(entry).toMatchObject({ actor: 'alice', role: 'operator', target: batchId, outcome: 'ok' });
    expect(entry?.detail).toMatchObject({ jobs: 3, logGroups: ['/a', '/b'] });
  });

  it('refuses a task name used before, and writes nothing of that batch', async () => {
    const first = sampleJobs(2);
    await enqueueJobs(alice, first);
    const count = async () =>
      (
        await (
          await getDb()
        )
          .selectFrom('queue_jobs')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n;
    const before = await count();
    const again = [...sampleJobs(2), { ...first[1]!, taskName: first[1]!.taskName }];
    await expect(enqueueJobs(alice, again)).rejects.toThrow(
      expect.objectContaining({ code: 'queueDuplicateTaskName' }),
    );
    expect(await count()).toBe(before);
  });

  it('refuses duplicate names inside one batch', async () => {
    const jobs = sampleJobs(2);
    jobs[1]!.taskName = jobs[0]!.taskName;
    await expect(enqueueJobs(alice, jobs)).rejects.toThrow(
      expect.objectContaining({ code: 'queueDuplicateTaskName' }),
    );
  });

  it.each([
    ['from after to', { from: 10, to: 5 }],
    ['a bucket with capitals', { destination: 'My Bucket' }],
    ['a log group with spaces', { logGroupName: 'my group' }],
    ['an empty task name', { taskName: '  ' }],
    ['a 600-character task name', { taskName: 'x'.repeat(600) }],
    ['a stream prefix with a colon', { logStreamNamePrefix: 'a:b' }],
  ])('refuses %s, naming the job', async (_, change) => {
    const jobs = sampleJobs(2);
    Object.assign(jobs[1]!, change);
    await expect(enqueueJobs(alice, jobs)).rejects.toThrow(
      expect.objectContaining({ code: 'queueInvalidJobs', params: { index: 2 } }),
    );
  });

  it('refuses an empty batch', async () => {
    await expect(enqueueJobs(alice, [])).rejects.toThrow(
      expect.objectContaining({ code: 'queueInvalidJobs' }),
    );
  });
});
