import type { Insertable } from 'kysely';
import { getDb, type Tables, transaction } from '../../lib/db';

/**
 * Puts rules with a realistic coverage history straight into Logport's store, for bench/coverage-page.ts:
 * `groups` log groups (split over four daily rules) and `days` days each, of which most are archived (by the
 * rule's own exports, or for some groups by an outside export found in the account's history), a few gaps and
 * failures, the oldest days expired by retention (some archived before they expired), the last days queued,
 * today not due. The rules are paused and their queued jobs wait a day (not_before), so neither the scheduler
 * nor the queue worker of the running server touches them. `clean` removes it all again.
 *
 *   node --conditions=react-server --import tsx bench/lib/seed-coverage.ts seed 1000 90
 *   node --conditions=react-server --import tsx bench/lib/seed-coverage.ts clean
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;
const RULES = 4;
const REGION = process.env.AWS_REGION || 'us-east-2';
const ACCOUNT = 'default';
const RETENTIONS = [30, 60, 90, 180, null, 14, 365, 120];
const ruleId = (i: number) => `be0c${String(i).padStart(4, '0')}${'0'.repeat(24)}`;
const ids = Array.from({ length: RULES }, (_, i) => ruleId(i));

/** A small deterministic generator (mulberry32), so every run seeds the same picture. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row<T extends keyof Tables> = Insertable<Tables[T]>;

/** Rows in chunks (SQLite's limit on bound values), one transaction per table. */
async function insertAll(rows: {
  log_groups: Row<'log_groups'>[];
  rule_groups: Row<'rule_groups'>[];
  queue_jobs: Row<'queue_jobs'>[];
  rule_windows: Row<'rule_windows'>[];
  export_history: Row<'export_history'>[];
}): Promise<void> {
  const chunks = <T>(list: T[]) =>
    Array.from({ length: Math.ceil(list.length / 400) }, (_, i) => list.slice(i * 400, i * 400 + 400));
  await transaction(async (db) => {
    for (const part of chunks(rows.log_groups)) await db.insertInto('log_groups').values(part).execute();
    for (const part of chunks(rows.rule_groups)) await db.insertInto('rule_groups').values(part).execute();
  });
  await transaction(async (db) => {
    for (const part of chunks(rows.queue_jobs)) await db.insertInto('queue_jobs').values(part).execute();
  });
  await transaction(async (db) => {
    for (const part of chunks(rows.rule_windows)) await db.insertInto('rule_windows').values(part).execute();
    for (const part of chunks(rows.export_history))
      await db.insertInto('export_history').values(part).execute();
  });
}

async function seed(groups: number, days: number): Promise<void> {
  await clean();
  const db = await getDb();
  const now = Date.now();
  const today = Math.floor(now / DAY) * DAY;
  const day0 = today - (days - 1) * DAY;
  const rnd = random(42);
  const perRule = Math.ceil(groups / RULES);
  for (const [i, id] of ids.entries()) {
    await db
      .insertInto('rules')
      .values({
        id,
        name: `bench-daily-${i + 1}`,
        name_key: `bench-daily-${i + 1}`,
        account: ACCOUNT,
        region: REGION,
        definition: JSON.stringify({
          logGroups: { prefix: `/bench/r${i + 1}/` },
          exclude: [],
          bucket: 'bench-archive',
          prefixTemplate: 'logs/{logGroup}/{yyyy}/{mm}/{dd}',
          every: 'day',
          timeZone: 'UTC',
          settleMinutes: 720,
          backfillFrom: new Date(day0).toISOString().slice(0, 10),
        }),
        enabled: 0,
        created_at: day0,
        created_by: 'bench',
        updated_at: now,
        updated_by: 'bench',
        last_tick_at: now,
        tags_wanted_at: null,
      })
      .execute();
    await db
      .insertInto('queue_batches')
      .values({ id: `rule-${id}`, created_at: day0, created_by: 'bench', created_role: 'admin', rule_id: id })
      .execute();
  }

  const jobs: Row<'queue_jobs'>[] = [];
  const windows: Row<'rule_windows'>[] = [];
  const history: Row<'export_history'>[] = [];
  const logGroups: Row<'log_groups'>[] = [];
  const ruleGroups: Row<'rule_groups'>[] = [];
  let position = 0;
  for (let g = 0; g < groups; g++) {
    const r = Math.floor(g / perRule);
    const id = ids[r] as string;
    const name = `/bench/r${r + 1}/service-${String(g).padStart(4, '0')}`;
    const retention = RETENTIONS[g % RETENTIONS.length] ?? null;
    logGroups.push({
      account: ACCOUNT,
      region: REGION,
      name,
      arn: `arn:aws:logs:${REGION}:123456789012:log-group:${name}:*`,
      created_at: day0 - 200 * DAY,
      retention_days: retention,
      stored_bytes: Math.floor(rnd() * 5e9),
      log_group_class: 'STANDARD',
      tags: null,
      tags_read_at: null,
      seen_at: now,
      gone_at: null,
    });
    ruleGroups.push({
      rule_id: id,
      account: ACCOUNT,
      region: REGION,
      log_group: name,
      next_start: today - DAY,
      matched: 1,
      problem: null,
      seen_at: now,
    });
    // One group in ten was archived by an outside export for its first month (found in the account's history).
    const outside = g % 10 === 3;
    if (outside)
      history.push({
        account: ACCOUNT,
        region: REGION,
        task_id: `bench-outside-${g}`,
        task_name: null,
        log_group: name,
        from_ms: day0,
        to_ms: day0 + 30 * DAY - 1,
        destination: 'bench-archive',
        destination_prefix: 'manual',
        status: 'COMPLETED',
        created_at: day0 + 31 * DAY,
        completed_at: day0 + 31 * DAY + HOUR,
        seen_at: now,
      });
    const expiredBefore = retention === null ? Number.NEGATIVE_INFINITY : now - retention * DAY + HOUR;
    for (let d = 0; d < days - 1; d++) {
      const start = day0 + d * DAY;
      const end = start + DAY;
      if (outside && d < 30) continue;
      const roll = rnd();
      const expired = end <= expiredBefore;
      // Windows that expired before anything exported them stay out of the ledger (half of them).
      if (expired && roll < 0.5) continue;
      let state: 'completed' | 'failed' | 'queued' = 'completed';
      if (!expired) {
        if (roll < 0.03) continue; // a gap
        if (roll < 0.05) state = 'failed';
        if (d >= days - 3 && g % 20 === 0) state = 'queued';
      }
      const jobId = `bench-${g}-${d}`;
      jobs.push({
        id: jobId,
        batch_id: `rule-${id}`,
        position: position++,
        region: REGION,
        log_group_name: name,
        log_stream_name_prefix: null,
        from_ms: start,
        to_ms: end - 1,
        destination: 'bench-archive',
        destination_prefix: `logs/${name.slice(1)}`,
        task_name: `bench-${r}-${g}-${d}`,
        state,
        task_id: state === 'queued' ? null : `bench-task-${g}-${d}`,
        aws_status: state === 'completed' ? 'COMPLETED' : state === 'failed' ? 'FAILED' : null,
        aws_message: null,
        error_code: state === 'failed' ? 'awsUnknown' : null,
        wait_reason: null,
        enqueued_by: 'rule:bench',
        enqueued_role: 'admin',
        enqueued_at: end + 12 * HOUR,
        not_before: state === 'queued' ? now + DAY : 0,
        intent_at: null,
        submitted_at: state === 'queued' ? null : end + 12 * HOUR,
        finished_at: state === 'queued' ? null : end + 12 * HOUR + 4 * 60_000,
        updated_at: now,
        account: ACCOUNT,
        rule_id: id,
        priority: 1,
      });
      windows.push({
        rule_id: id,
        account: ACCOUNT,
        region: REGION,
        log_group: name,
        window_start: start,
        window_end: end,
        job_id: jobId,
        created_at: end + 12 * HOUR,
      });
    }
  }
  await insertAll({
    log_groups: logGroups,
    rule_groups: ruleGroups,
    queue_jobs: jobs,
    rule_windows: windows,
    export_history: history,
  });
  console.log(JSON.stringify({ rules: RULES, groups, days, jobs: jobs.length, history: history.length }));
}

async function clean(): Promise<void> {
  const db = await getDb();
  await db.deleteFrom('rule_windows').where('rule_id', 'in', ids).execute();
  await db.deleteFrom('queue_jobs').where('rule_id', 'in', ids).execute();
  await db.deleteFrom('queue_batches').where('rule_id', 'in', ids).execute();
  await db.deleteFrom('rule_groups').where('rule_id', 'in', ids).execute();
  await db.deleteFrom('rules').where('id', 'in', ids).execute();
  await db.deleteFrom('log_groups').where('name', 'like', '/bench/%').execute();
  await db.deleteFrom('export_history').where('task_id', 'like', 'bench-%').execute();
}

const [mode, groups = '1000', days = '90'] = process.argv.slice(2);
(mode === 'seed' ? seed(Number(groups), Number(days)) : clean()).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
