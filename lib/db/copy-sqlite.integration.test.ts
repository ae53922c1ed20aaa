import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleJobs } from '@/lib/queue/test-support';

// `npm run db:copy-sqlite`: a SQLite data folder with a finished batch, activity and a rule (with its ledger)
// moves into PostgreSQL, ids kept, and Logport reading PostgreSQL shows them. Runs in the `postgres` project.
const target = process.env.LOGPORT_DATABASE_URL;
const folder = mkdtempSync(path.join(tmpdir(), 'logport-copy-'));
const { closeDb, getDb } = await import('./index');
const { enqueueJobs } = await import('@/lib/queue/enqueue');
const { queueSnapshot } = await import('@/lib/queue/view');
const { recordActivity, listActivity } = await import('@/lib/audit');
const { listRules } = await import('@/lib/rules/service');

const ada = { name: 'ada', role: 'admin' as const };

describe.skipIf(!target)('db:copy-sqlite', () => {
  it('moves a data folder into PostgreSQL with its ids, and Logport on PostgreSQL shows it', async () => {
    // 1. A store on SQLite.
    delete process.env.LOGPORT_DATABASE_URL;
    process.env.LOGPORT_DATA_DIR = folder;
    const { batchId, jobIds } = await enqueueJobs(ada, sampleJobs(2));
    const db = await getDb();
    await db
      .updateTable('queue_jobs')
      .set({ state: 'completed', task_id: 'task-1', finished_at: Date.now() })
      .execute();
    await recordActivity(ada, {
      action: 'settings.change',
      target: 'copied',
      outcome: 'ok',
      detail: { n: 1 },
    });
    const now = Date.now();
    await db
      .insertInto('rules')
      .values({
        id: 'f'.repeat(32),
        name: 'copied-rule',
        name_key: 'copied-rule',
        region: 'us-east-2',
        definition: JSON.stringify({
          logGroups: { names: ['/a'] },
          exclude: [],
          bucket: 'b-1',
          prefixTemplate: 'logs/{logGroup}',
          every: 'day',
          timeZone: 'UTC',
          settleMinutes: 0,
          backfillFrom: '2026-01-01',
        }),
        created_at: now,
        created_by: 'ada',
        updated_at: now,
        updated_by: 'ada',
      })
      .execute();
    await db
      .insertInto('rule_windows')
      .values({
        rule_id: 'f'.repeat(32),
        account: 'default',
        region: 'us-east-2',
        log_group: '/a',
        window_start: 0,
        window_end: 86_400_000,
        job_id: jobIds[0] ?? '',
        created_at: now,
      })
      .execute();
    const before = await listActivity({ limit: 200 });
    await closeDb();

    // 2. The copy, as an operator runs it.
    execFileSync(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', path.resolve('scripts/db.ts'), 'copy-sqlite', folder],
      { env: { ...process.env, LOGPORT_DATABASE_URL: target, NODE_NO_WARNINGS: '1' }, stdio: 'pipe' },
    );

    // 3. Logport reading PostgreSQL.
    process.env.LOGPORT_DATABASE_URL = target;
    const snap = await queueSnapshot();
    expect(snap.batches.find((b) => b.id === batchId)?.jobs.map((j) => j.id)).toEqual(jobIds);
    expect(snap.batches.find((b) => b.id === batchId)?.jobs.every((j) => j.state === 'completed')).toBe(true);
    const after = await listActivity({ limit: 200 });
    expect(after.map((e) => [e.id, e.action, e.target])).toEqual(
      before.map((e) => [e.id, e.action, e.target]),
    );
    expect((await listRules()).map((r) => r.rule.name)).toEqual(['copied-rule']);
    const pgDb = await getDb();
    expect(await pgDb.selectFrom('rule_windows').select('job_id').execute()).toEqual([{ job_id: jobIds[0] }]);
    // New rows continue after the copied ids.
    await recordActivity(ada, { action: 'settings.change', target: 'new', outcome: 'ok' });
    const newest = (await listActivity({ limit: 1 }))[0];
    expect(newest?.id).toBeGreaterThan(Math.max(...before.map((e) => e.id)));

    // A second copy into the same database is refused (nothing is doubled).
    expect(() =>
      execFileSync(
        process.execPath,
        [
          '--conditions=react-server',
          '--import',
          'tsx',
          path.resolve('scripts/db.ts'),
          'copy-sqlite',
          folder,
        ],
        { env: { ...process.env, LOGPORT_DATABASE_URL: target, NODE_NO_WARNINGS: '1' }, stdio: 'pipe' },
      ),
    ).toThrow(/already holds/);
  });
});
