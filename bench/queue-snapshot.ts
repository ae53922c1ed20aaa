import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { benchEntry, measureInChild } from './lib/child';
import { type Figure, median, percentile, round } from './lib/figures';

/**
 * What one /queue poll costs with rules in the queue: queueSnapshot (GET /api/queue, every 1.5 s while work
 * moves) over 10,000 waiting rule windows, 200 finished ones and a person's batch. Target: p50 under 20 ms
 * (counts in SQL, a couple of rows per rule read; the windows themselves are never loaded).
 * `npx tsx bench/queue-snapshot.ts` runs it alone.
 */
const WINDOWS = 10_000;
const RUNS = 50;

async function child(): Promise<void> {
  process.env.LOGPORT_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'logport-bench-queue-'));
  const { getDb } = await import('@/lib/db');
  const { insertJobs, enqueueJobs, RULE } = await import('@/lib/queue/enqueue');
  const { queueSnapshot } = await import('@/lib/queue/view');
  const { sampleJobs } = await import('@/lib/queue/test-support');
  const db = await getDb();
  const now = Date.now();
  for (const r of ['a', 'b']) {
    const id = r.repeat(32);
    await db
      .insertInto('rules')
      .values({
        id,
        name: `rule-${r}`,
        name_key: `rule-${r}`,
        region: 'us-east-2',
        definition: '{}',
        created_at: now,
        created_by: 'bench',
        updated_at: now,
        updated_by: 'bench',
      })
      .execute();
    await db
      .insertInto('queue_batches')
      .values({ id: `rule-${id}`, created_at: now, created_by: 'bench', created_role: 'admin', rule_id: id })
      .execute();
    const ids = await insertJobs(`rule-${id}`, sampleJobs(WINDOWS / 2 + 100), {
      by: { name: 'bench', role: 'admin' },
      priority: RULE,
      ruleId: id,
    });
    await db
      .updateTable('queue_jobs')
      .set({ state: 'completed', submitted_at: now - 60_000, finished_at: now - 1_000 })
      .where('id', 'in', ids.slice(0, 100))
      .execute();
  }
  await enqueueJobs({ name: 'bench', role: 'operator' }, sampleJobs(20));
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS + 5; i++) {
    const start = performance.now();
    const snap = await queueSnapshot();
    const ms = performance.now() - start;
    if (i >= 5) times.push(ms);
    bytes = JSON.stringify(snap).length;
  }
  console.log(JSON.stringify({ p50: median(times), p95: percentile(times, 95), bytes }));
}

export async function run(): Promise<Figure[]> {
  const r = measureInChild<{ p50: number; p95: number; bytes: number }>(
    path.join(__dirname, 'queue-snapshot.ts'),
  );
  return [
    {
      name: `queueSnapshot with ${WINDOWS.toLocaleString('en')} rule windows (p50)`,
      value: round(r.p50),
      unit: 'ms',
      target: '< 20 ms',
      pass: r.p50 < 20,
      detail: `p95 ${round(r.p95)} ms, ${r.bytes} bytes of JSON, ${RUNS} runs`,
    },
  ];
}

benchEntry(module, child, run);
