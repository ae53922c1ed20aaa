import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDataDir, sampleJobs } from './test-support';

makeTempDataDir();
const { enqueueJobs } = await import('./enqueue');
const { getDb } = await import('@/lib/db');
const { listActivity } = await import('@/lib/audit');

const alice = { name: 'alice', role: 'operator' as const };

describe('enqueueJobs', () => {
  beforeAll(() => {
    getDb();
  });

  it('stores a batch in order, queued, with who enqueued it, and records the activity', () => {
    const jobs = sampleJobs(3, { groups: ['/a', '/b'] });
    const { batchId, jobIds } = enqueueJobs(alice, jobs);
    expect(jobIds).toHaveLength(3);
    const rows = getDb()
      .prepare(
        'SELECT id, state, task_name, enqueued_by, log_group_name FROM queue_jobs WHERE batch_id = ? ORDER BY position',
      )
      .all(batchId) as {
      id: string;
      state: string;
      task_name: string;
      enqueued_by: string;
      log_group_name: string;
    }[];
    expect(rows.map((r) => r.id)).toEqual(jobIds);
    expect(rows.map((r) => r.task_name)).toEqual(jobs.map((j) => j.taskName));
    expect(rows.every((r) => r.state === 'queued' && r.enqueued_by === 'alice')).toBe(true);
    const [entry] = listActivity({ action: 'queue.enqueue' });
    expect(entry).toMatchObject({ actor: 'alice', role: 'operator', target: batchId, outcome: 'ok' });
    expect(entry?.detail).toMatchObject({ jobs: 3, logGroups: ['/a', '/b'] });
  });

  it('refuses a task name used before, and writes nothing of that batch', () => {
    const first = sampleJobs(2);
    enqueueJobs(alice, first);
    const count = () => getDb().prepare('SELECT COUNT(*) FROM queue_jobs').pluck().get();
    const before = count();
    const again = [...sampleJobs(2), { ...first[1]!, taskName: first[1]!.taskName }];
    expect(() => enqueueJobs(alice, again)).toThrow(
      expect.objectContaining({ code: 'queueDuplicateTaskName' }),
    );
    expect(count()).toBe(before);
  });

  it('refuses duplicate names inside one batch', () => {
    const jobs = sampleJobs(2);
    jobs[1]!.taskName = jobs[0]!.taskName;
    expect(() => enqueueJobs(alice, jobs)).toThrow(
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
  ])('refuses %s, naming the job', (_, change) => {
    const jobs = sampleJobs(2);
    Object.assign(jobs[1]!, change);
    expect(() => enqueueJobs(alice, jobs)).toThrow(
      expect.objectContaining({ code: 'queueInvalidJobs', params: { index: 2 } }),
    );
  });

  it('refuses an empty batch', () => {
    expect(() => enqueueJobs(alice, [])).toThrow(expect.objectContaining({ code: 'queueInvalidJobs' }));
  });
});
