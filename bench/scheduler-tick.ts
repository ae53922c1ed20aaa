import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { benchEntry, measureInChild } from './lib/child';
import { type Figure, median, percentile, round } from './lib/figures';

/**
 * One scheduler tick over 1,000 log groups with a year of ledger behind them (365,000 windows archived), in
 * steady state: what every tick of a large rule costs the store and AWS. Targets: p50 under 2 s, and AWS calls
 * per tick that follow the groups (one DescribeLogGroups per 50) rather than the windows.
 * `npx tsx bench/scheduler-tick.ts` runs it alone.
 */
const GROUPS = 1_000;
const DAYS = 365;
const TICKS = 10;
const DAY = 86_400_000;

async function child(): Promise<void> {
  process.env.LOGPORT_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'logport-bench-tick-'));
  const { startEmulator } = await import('../emulator/server');
  const emulator = await startEmulator({ port: 0, seed: false });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: emulator.url,
    AWS_REGION: 'us-east-2',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secret',
    LOGPORT_REGIONS: 'us-east-2',
  });
  const { CloudWatchLogsClient, CreateLogGroupCommand } = await import('@aws-sdk/client-cloudwatch-logs');
  const logs = new CloudWatchLogsClient({
    region: 'us-east-2',
    endpoint: emulator.url,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  });
  const names = Array.from({ length: GROUPS }, (_, i) => `/bench/service-${String(i).padStart(4, '0')}`);
  for (let i = 0; i < names.length; i += 25)
    await Promise.all(
      names.slice(i, i + 25).map((n) => logs.send(new CreateLogGroupCommand({ logGroupName: n }))),
    );

  const { getDb, transaction } = await import('@/lib/db');
  const { insertJobs, RULE } = await import('@/lib/queue/enqueue');
  const { schedulerTick } = await import('@/lib/rules/scheduler');
  const db = await getDb();
  const now = Date.now();
  const today = Math.floor(now / DAY) * DAY;
  const first = today - DAYS * DAY;
  const ruleId = 'b'.repeat(32);
  await db
    .insertInto('rules')
    .values({
      id: ruleId,
      name: 'bench-daily',
      name_key: 'bench-daily',
      region: 'us-east-2',
      definition: JSON.stringify({
        logGroups: { prefix: '/bench/' },
        exclude: [],
        bucket: 'bench-archive',
        prefixTemplate: 'logs/{logGroup}/{yyyy}/{mm}/{dd}',
        every: 'day',
        timeZone: 'UTC',
        // A day's window is due a day after it ends: in steady state, nothing new is due this tick.
        settleMinutes: 1440,
        backfillFrom: new Date(first).toISOString().slice(0, 10),
      }),
      created_at: now,
      created_by: 'bench',
      updated_at: now,
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
  // A year of archived windows per group: the ledger and its (completed) jobs, and each group's checkpoint
  // (one transaction: seeding 365,000 windows one commit per group is the slow part otherwise).
  await transaction(async (trx) => {
    for (const [g, name] of names.entries()) {
      {
        const jobs = Array.from({ length: DAYS }, (_, d) => ({
          region: 'us-east-2',
          logGroupName: name,
          from: first + d * DAY,
          to: first + (d + 1) * DAY - 1,
          destination: 'bench-archive',
          destinationPrefix: 'logs',
          taskName: `bench-${g}-${d}`,
        }));
        const ids = await insertJobs(`rule-${ruleId}`, jobs, {
          by: { name: 'rule:bench-daily', role: 'admin' },
          priority: RULE,
          ruleId,
          now,
        });
        await trx
          .updateTable('queue_jobs')
          .set({ state: 'completed', submitted_at: now, finished_at: now })
          .where('rule_id', '=', ruleId)
          .where('log_group_name', '=', name)
          .execute();
        for (let d = 0; d < DAYS; d += 200)
          await trx
            .insertInto('rule_windows')
            .values(
              ids.slice(d, d + 200).map((jobId, k) => ({
                rule_id: ruleId,
                account: 'default',
                region: 'us-east-2',
                log_group: name,
                window_start: first + (d + k) * DAY,
                window_end: first + (d + k + 1) * DAY,
                job_id: jobId,
                created_at: now,
              })),
            )
            .execute();
        await trx
          .insertInto('rule_groups')
          .values({
            rule_id: ruleId,
            account: 'default',
            region: 'us-east-2',
            log_group: name,
            next_start: first + DAYS * DAY,
            matched: 1,
            problem: null,
            seen_at: now,
          })
          .execute();
      }
    }
  });
  const scope = { account: 'default', region: 'us-east-2' };
  const stats = async () =>
    (await (await fetch(`${emulator.url}/_emulator/stats`)).json()) as Record<string, number>;
  const calls = (s: Record<string, number>) =>
    Object.entries(s)
      .filter(([k]) => /^(logs|s3|sts):/.test(k))
      .reduce((n, [, v]) => n + v, 0);
  // The first tick fills the log-group mirror; the ones after are the steady state.
  await schedulerTick(scope);
  const times: number[] = [];
  const perTick: number[] = [];
  let enqueued = 0;
  for (let i = 0; i < TICKS; i++) {
    const before = calls(await stats());
    const start = performance.now();
    enqueued += (await schedulerTick(scope)).enqueued;
    times.push(performance.now() - start);
    perTick.push(calls(await stats()) - before);
  }
  await emulator.close();
  console.log(
    JSON.stringify({ p50: median(times), p95: percentile(times, 95), calls: median(perTick), enqueued }),
  );
}

export async function run(): Promise<Figure[]> {
  const r = measureInChild<{
    p50: number;
    p95: number;
    calls: number;
    enqueued: number;
  }>(path.join(__dirname, 'scheduler-tick.ts'));
  const pages = Math.ceil(GROUPS / 50);
  return [
    {
      name: `Scheduler tick, ${GROUPS.toLocaleString('en')} groups and a year of ledger (p50)`,
      value: round(r.p50),
      unit: 'ms',
      target: '< 2000 ms',
      pass: r.p50 < 2_000,
      detail: `p95 ${round(r.p95)} ms over ${TICKS} ticks; nothing due, ${r.enqueued} enqueued`,
    },
    {
      name: 'AWS calls per scheduler tick (1,000 groups)',
      value: r.calls,
      unit: 'calls',
      target: `<= ${pages + 2} (${pages} DescribeLogGroups pages + the history)`,
      pass: r.calls <= pages + 2,
    },
  ];
}

benchEntry(module, child, run);
