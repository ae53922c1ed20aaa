import { CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { makeTempDataDir } from '@/lib/queue/test-support';

// Capacity reads the account's latest completed exports on every /coverage poll: the newest ones of that
// account only, through an index rather than a sort of every completed job.
makeTempDataDir();
const { getDb, engine } = await import('@/lib/db');
const { recentDurationsQuery } = await import('./service');

describe('recent export durations', () => {
  it("are the account's newest completed exports, read through queue_jobs_finished", async () => {
    const db = await getDb();
    await db
      .insertInto('queue_batches')
      .values({ id: 'b1', created_at: 0, created_by: 'ada', created_role: 'operator', rule_id: null })
      .execute();
    const job = (i: number, account: string, state: 'completed' | 'failed') => ({
      id: `${account}-${i}`,
      batch_id: 'b1',
      position: i,
      region: 'us-east-2',
      log_group_name: '/a',
      from_ms: 0,
      to_ms: 1,
      destination: 'b',
      destination_prefix: 'p',
      task_name: `${account}-${i}`,
      state,
      enqueued_by: 'ada',
      enqueued_role: 'operator',
      enqueued_at: 0,
      updated_at: 0,
      account,
      submitted_at: i * 1000,
      // Each took i seconds plus one; finished in the order of i.
      finished_at: i * 1000 + (i + 1) * 1000,
    });
    const rows = [
      ...Array.from({ length: 300 }, (_, i) => job(i, 'default', i % 10 === 0 ? 'failed' : 'completed')),
      ...Array.from({ length: 20 }, (_, i) => job(1000 + i, 'other', 'completed')),
    ];
    for (let i = 0; i < rows.length; i += 100)
      await db
        .insertInto('queue_jobs')
        .values(rows.slice(i, i + 100))
        .execute();

    const scope = { account: 'default', region: 'us-east-2' };
    const recent = await recentDurationsQuery(db, scope, 5).execute();
    // The five newest completed of `default` (299 is newest; 290 failed): 299, 298, 297, 296, 295.
    expect(recent.map((r) => Number(r.ms))).toEqual([300_000, 299_000, 298_000, 297_000, 296_000]);

    if (engine() === 'sqlite') {
      const compiled = recentDurationsQuery(db, scope).compile();
      const plan = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
      );
      const details = plan.rows.map((r) => r.detail).join('\n');
      expect(details).toContain('queue_jobs_finished');
      expect(details).not.toContain('TEMP B-TREE');
    }
  });
});
