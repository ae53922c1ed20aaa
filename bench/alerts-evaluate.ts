import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Insertable } from 'kysely';
import type { QueueJobTable, RuleWindowTable } from '@/lib/db/tables';
import { benchEntry, measureInChild } from './lib/child';
import { type Figure, median, percentile, round } from './lib/figures';

/**
 * What rule.behind and data.atRisk add to one scheduler tick (issue 13): evaluateRuleAlerts over one daily rule
 * with 1,000 log groups (30-day retention), a 60-day ledger (60,000 windows) of which 200 are queued, 100 failed
 * and 50 cancelled near the retention edge. Read from the store only. Target: p50 under 150 ms per
 * (account, Region) tick. `npx tsx bench/alerts-evaluate.ts` runs it alone.
 */
const GROUPS = 1_000;
const DAYS = 60;
const RUNS = 20;
const DAY = 86_400_000;

async function child(): Promise<void> {
  process.env.LOGPORT_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'logport-bench-alerts-'));
  const { getDb } = await import('@/lib/db');
  const { definitionOf, toRule } = await import('@/lib/rules/store');
  const { evaluateRuleAlerts } = await import('@/lib/alerts/evaluate');
  const { cachedGroups } = await import('@/lib/log-groups/cache');
  const db = await getDb();
  const now = Date.now();
  const today = Math.floor(now / DAY) * DAY;
  const scope = { account: 'default', region: 'us-east-2' };
  const names = Array.from({ length: GROUPS }, (_, i) => `/bench/alerts/group-${String(i).padStart(4, '0')}`);
  const ruleId = 'b'.repeat(32);
  const definition = definitionOf({
    name: 'bench',
    accounts: ['default'],
    regions: ['us-east-2'],
    region: 'us-east-2',
    logGroups: { prefix: '/bench/alerts/' },
    exclude: [],
    bucket: 'bench-archive',
    buckets: {},
    prefixTemplate: '{logGroup}/{yyyy}/{mm}/{dd}',
    every: 'day',
    timeZone: 'UTC',
    settleMinutes: 0,
    backfillFrom: new Date(today - DAYS * DAY).toISOString().slice(0, 10),
    enabled: true,
  });
  await db
    .insertInto('rules')
    .values({
      id: ruleId,
      name: 'bench',
      name_key: 'bench',
      region: 'us-east-2',
      definition,
      created_at: now - 90 * DAY,
      created_by: 'bench',
      updated_at: now - 90 * DAY,
      updated_by: 'bench',
    })
    .execute();
  await db
    .insertInto('queue_batches')
    .values({
      id: `rule-${ruleId}`,
      created_at: now,
      created_by: 'bench',
      created_role: 'admin',
      rule_id: ruleId,
    })
    .execute();
  for (let i = 0; i < names.length; i += 200) {
    const chunk = names.slice(i, i + 200);
    await db
      .insertInto('log_groups')
      .values(
        chunk.map((name) => ({
          ...scope,
          name,
          arn: null,
          created_at: now - 400 * DAY,
          retention_days: 30,
          stored_bytes: 1,
          log_group_class: 'STANDARD',
          tags: '{}',
          tags_read_at: now,
          seen_at: now,
          gone_at: null,
        })),
      )
      .execute();
    await db
      .insertInto('rule_groups')
      .values(
        chunk.map((name) => ({
          rule_id: ruleId,
          ...scope,
          log_group: name,
          next_start: today,
          matched: 1,
          problem: null,
          seen_at: now - 90 * DAY,
        })),
      )
      .execute();
  }
  // The ledger: one window per group and day; the last day's 200 queued, 100 failed, 50 cancelled days ago.
  let seq = 0;
  const rows: Array<{ job: Insertable<QueueJobTable>; window: Insertable<RuleWindowTable> }> = [];
  for (let d = DAYS; d >= 1; d--)
    for (const name of names) {
      seq++;
      const start = today - d * DAY;
      const state =
        d === 1 && seq % 5 === 0
          ? 'queued'
          : d === 2 && seq % 10 === 0
            ? 'failed'
            : d === 28 && seq % 20 === 0
              ? 'cancelled'
              : 'completed';
      const id = `job-${seq}`;
      rows.push({
        job: {
          id,
          batch_id: `rule-${ruleId}`,
          position: seq,
          account: 'default',
          region: 'us-east-2',
          log_group_name: name,
          from_ms: start,
          to_ms: start + DAY - 1,
          destination: 'bench-archive',
          destination_prefix: 'x',
          task_name: `bench-${seq}`,
          state,
          enqueued_by: 'rule:bench',
          enqueued_role: 'admin',
          enqueued_at: start + DAY,
          updated_at: start + DAY,
          rule_id: ruleId,
          priority: 1,
        },
        window: {
          rule_id: ruleId,
          ...scope,
          log_group: name,
          window_start: start,
          window_end: start + DAY,
          job_id: id,
          created_at: start + DAY,
        },
      });
    }
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('queue_jobs')
        .values(chunk.map((r) => r.job))
        .execute();
      await trx
        .insertInto('rule_windows')
        .values(chunk.map((r) => r.window))
        .execute();
    });
  }
  const rule = toRule(
    await db.selectFrom('rules').selectAll().where('id', '=', ruleId).executeTakeFirstOrThrow(),
  );
  const groups = await cachedGroups(scope);
  const times: number[] = [];
  let report = { behind: 0, atRisk: 0 };
  for (let i = 0; i < RUNS + 3; i++) {
    const start = performance.now();
    const r = await evaluateRuleAlerts(scope, [rule], groups, now);
    const ms = performance.now() - start;
    if (i === 0) report = r;
    if (i >= 3) times.push(ms);
  }
  console.log(JSON.stringify({ p50: median(times), p95: percentile(times, 95), first: report }));
}

export async function run(): Promise<Figure[]> {
  const r = measureInChild<{
    p50: number;
    p95: number;
    first: { behind: number; atRisk: number };
  }>(path.join(__dirname, 'alerts-evaluate.ts'));
  return [
    {
      name: `rule alerts per tick, ${GROUPS.toLocaleString('en')} log groups (p50)`,
      value: round(r.p50),
      unit: 'ms',
      target: '< 150 ms',
      pass: r.p50 < 150,
      detail: `p95 ${round(r.p95)} ms over ${RUNS} runs; ${(GROUPS * DAYS).toLocaleString('en')} ledger windows; first run raised ${r.first.behind} rule.behind and ${r.first.atRisk} data.atRisk`,
    },
  ];
}

benchEntry(module, child, run);
