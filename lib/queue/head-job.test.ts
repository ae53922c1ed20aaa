import { describe, expect, it } from 'vitest';
import { makeTempDataDir, sampleJobs } from './test-support';

makeTempDataDir();
const { enqueueJobs, insertJobs, RULE } = await import('./enqueue');
const { headJob } = await import('./store');
const { getDb } = await import('@/lib/db');

const alice = { name: 'alice', role: 'operator' as const };
const ACCOUNT = 'default';

async function set(id: string, fields: { state?: 'submitting' | 'queued'; not_before?: number }) {
  await (await getDb()).updateTable('queue_jobs').set(fields).where('id', '=', id).execute();
}

/** The next job the worker takes (issue 12's priority, the claim's order). Each test starts from an empty queue. */
describe('headJob', () => {
  it('a submission to settle comes first, even behind a person’s earlier job and with a wait set', async () => {
    const db = await getDb();
    await db.deleteFrom('queue_jobs').execute();
    const people = await enqueueJobs(alice, sampleJobs(2));
    const rule = await insertJobs(people.batchId, sampleJobs(2), {
      by: { name: 'rule:r', role: 'admin' },
      priority: RULE,
      account: ACCOUNT,
    });
    const later = rule[1] ?? '';
    // A rule's later window was being submitted when the process stopped; its wait does not hold it back.
    await set(later, { state: 'submitting', not_before: Date.now() + 3_600_000 });
    expect((await headJob(ACCOUNT)).job?.id).toBe(later);
  });

  it('then the ready queued job of the highest priority, in position order; a waiting one is skipped', async () => {
    const db = await getDb();
    await db.deleteFrom('queue_jobs').execute();
    const { batchId } = await enqueueJobs(alice, sampleJobs(1));
    const rule = await insertJobs(batchId, sampleJobs(2), {
      by: { name: 'rule:r', role: 'admin' },
      priority: RULE,
      account: ACCOUNT,
    });
    const people = await enqueueJobs(alice, sampleJobs(2));
    // A person's job overtakes the rule's windows queued before it (the first person's batch, then the second's).
    const order = [
      ...(
        await db
          .selectFrom('queue_jobs')
          .select('id')
          .where('batch_id', '=', batchId)
          .where('id', 'not in', rule)
          .execute()
      ).map((r) => r.id),
      ...people.jobIds,
    ];
    expect((await headJob(ACCOUNT)).job?.id).toBe(order[0]);
    // Every person's job waiting (backoff): the rule's first window is next, not the waiting ones.
    for (const id of order) await set(id, { not_before: Date.now() + 60_000 });
    expect((await headJob(ACCOUNT)).job?.id).toBe(rule[0]);
    // Nothing ready at all: no job, but the queue says something waits.
    for (const id of rule) await set(id, { not_before: Date.now() + 60_000 });
    expect(await headJob(ACCOUNT)).toEqual({ job: null, waiting: true });
  });
});
