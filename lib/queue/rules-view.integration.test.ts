import { describe, expect, it } from 'vitest';
import { makeTempDataDir, sampleJobs } from './test-support';

// /queue with rules: a rule's thousands of windows are summarised (counts in SQL, the moving job), never
// loaded; "Retry failed" requeues a rule's failed windows at once. No AWS needed: states are set directly.
makeTempDataDir();
const { getDb } = await import('@/lib/db');
const { enqueueJobs, insertJobs, RULE } = await import('./enqueue');
const { queueSnapshot } = await import('./view');
const { retryRuleFailed, cancelBatch } = await import('./commands');
const { getJob } = await import('./store');
const { listActivity } = await import('@/lib/audit');

const alice = { name: 'alice', role: 'operator' as const };
const RULE_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const BATCH = `rule-${RULE_ID}`;
const WINDOWS = 10_000;

async function addRule() {
  const db = await getDb();
  const now = Date.now();
  await db
    .insertInto('rules')
    .values({
      id: RULE_ID,
      name: 'daily-archive',
      name_key: 'daily-archive',
      region: 'us-east-2',
      definition: '{}',
      created_at: now,
      created_by: 'admin',
      updated_at: now,
      updated_by: 'admin',
    })
    .execute();
  await db
    .insertInto('queue_batches')
    .values({ id: BATCH, created_at: now, created_by: 'admin', created_role: 'admin', rule_id: RULE_ID })
    .execute();
  const ids = await insertJobs(BATCH, sampleJobs(WINDOWS, { groups: ['/app/api', '/app/web'] }), {
    by: { name: 'rule:daily-archive', role: 'admin' },
    priority: RULE,
    ruleId: RULE_ID,
  });
  return ids;
}

async function setState(ids: string[], state: 'running' | 'completed' | 'failed', extra = {}) {
  const db = await getDb();
  const now = Date.now();
  for (let i = 0; i < ids.length; i += 500)
    await db
      .updateTable('queue_jobs')
      .set({ state, updated_at: now, ...extra })
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
}

describe('a rule’s batch on /queue', () => {
  it('is summarised by counts and its moving job, never loaded whole; people’s batches stay whole', async () => {
    const ids = await addRule();
    const now = Date.now();
    // 20 done (each took 60 s), 3 failed long ago, 2 failed today, 1 running, the rest waiting.
    await setState(ids.slice(0, 20), 'completed', { submitted_at: now - 120_000, finished_at: now - 60_000 });
    await setState(ids.slice(20, 23), 'failed', { finished_at: now - 3 * 86_400_000, task_id: 'old-task' });
    await setState(ids.slice(23, 25), 'failed', { finished_at: now - 3_600_000 });
    await setState(ids.slice(25, 26), 'running', { submitted_at: now - 10_000, task_id: 'task-running' });
    const person = await enqueueJobs(alice, sampleJobs(2));

    const snap = await queueSnapshot();
    expect(snap.batches.map((b) => b.id)).toEqual([person.batchId]);
    expect(snap.batches[0]?.jobs).toHaveLength(2);
    expect(snap.rules).toHaveLength(1);
    const rule = snap.rules[0]!;
    expect(rule).toMatchObject({
      batchId: BATCH,
      ruleId: RULE_ID,
      ruleName: 'daily-archive',
      waiting: WINDOWS - 26,
      running: 1,
      failed: 5,
      failedRecently: 2,
      done: 20,
    });
    expect(rule.current?.id).toBe(ids[25]);
    expect(rule.next?.id).toBe(ids[26]);
    // What a poll sends stays small however many windows the rule holds.
    expect(JSON.stringify(snap).length).toBeLessThan(10_000);

    // The estimate counts the rule's windows: every waiting job at the typical 60 s, plus the running one's rest.
    const waiting = WINDOWS - 26 + 2;
    expect(snap.remaining).toBe(waiting + 1);
    expect(snap.estimateMs).toBeGreaterThanOrEqual(waiting * 60_000 + 49_000);
    expect(snap.estimateMs).toBeLessThanOrEqual(waiting * 60_000 + 51_000);
  });

  it('"Retry failed" requeues every failed window of the rule at the end, in order, with one activity entry', async () => {
    const before = await queueSnapshot();
    const failedIds = (
      await (
        await getDb()
      )
        .selectFrom('queue_jobs')
        .select('id')
        .where('rule_id', '=', RULE_ID)
        .where('state', '=', 'failed')
        .orderBy('position')
        .execute()
    ).map((r) => r.id);
    expect(failedIds).toHaveLength(5);
    expect(await retryRuleFailed(alice, RULE_ID, 'default')).toEqual({ ok: true, data: { retried: 5 } });
    const jobs = await Promise.all(failedIds.map((id) => getJob(id)));
    expect(jobs.map((j) => j?.state)).toEqual(Array(5).fill('queued'));
    const positions = jobs.map((j) => j?.position ?? 0);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(jobs[0]?.excludedTaskIds).toEqual(['old-task']);
    expect(jobs[0]?.taskId).toBeNull();
    const after = await queueSnapshot();
    expect(after.rules[0]).toMatchObject({ failed: 0, failedRecently: 0 });
    expect(after.rules[0]?.waiting).toBe((before.rules[0]?.waiting ?? 0) + 5);
    const entries = await listActivity({ action: 'queue.retry', actor: 'alice' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ target: 'daily-archive', detail: { ruleId: RULE_ID, jobs: 5 } });

    expect(await retryRuleFailed(alice, RULE_ID, 'default')).toMatchObject({
      ok: false,
      error: 'queueNothingToRetry',
    });
    expect(await retryRuleFailed(alice, 'f'.repeat(32), 'default')).toMatchObject({
      ok: false,
      error: 'ruleNotFound',
    });
    const db = await getDb();
    await db.updateTable('rules').set({ enabled: 0 }).where('id', '=', RULE_ID).execute();
    await setState(failedIds.slice(0, 1), 'failed');
    expect(await retryRuleFailed(alice, RULE_ID, 'default')).toMatchObject({
      ok: false,
      error: 'ruleDisabled',
    });
    await db.updateTable('rules').set({ enabled: 1 }).where('id', '=', RULE_ID).execute();
  });

  it('a rule’s batch is not cancelled as a batch (pausing the rule stops it)', async () => {
    expect(await cancelBatch(alice, BATCH)).toMatchObject({ ok: false, error: 'queueBatchIsRule' });
    expect(await cancelBatch(alice, 'no-such-batch')).toMatchObject({
      ok: false,
      error: 'queueBatchNotFound',
    });
  });
});
