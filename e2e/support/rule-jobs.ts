import { execFileSync } from 'node:child_process';
import { E2E } from './env';

/**
 * A rule with many windows in the e2e server's queue, put there directly (lib/queue in a child process on
 * the server's data folder), for the queue's rule card and the phone screenshots. /queue shows the chosen
 * account's queue, so the rule and its jobs are the default account's; none of them ever takes AWS's one
 * export slot from another spec: the waiting ones wait a day after an AWS error (a resume does not hurry
 * those), and every window names a bucket that does not exist, so a retried one is refused at once.
 */
const ACCOUNT = 'default';
const NO_BUCKET = 'logport-e2e-no-such-bucket';
export type SeededRule = { ruleId: string; name: string; failedIds: string[] };

const HOUR = 3_600_000;

function run(code: string, args: string[]): string {
  return execFileSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '-e', code, ...args],
    { env: { ...process.env, LOGPORT_DATA_DIR: E2E.dataDir, NODE_NO_WARNINGS: '1' }, encoding: 'utf8' },
  );
}

export function seedRuleJobs(counts: {
  done: number;
  failedToday: number;
  failedOlder: number;
  waiting: number;
}) {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const ruleId = `${tag}${'0'.repeat(32)}`.replace(/[^0-9a-f]/g, 'a').slice(0, 32);
  const name = `e2e-rule-${tag}`;
  const total = counts.done + counts.failedToday + counts.failedOlder + counts.waiting;
  const start = Date.now() - (total + 48) * HOUR;
  const jobs = Array.from({ length: total }, (_, i) => ({
    region: E2E.region,
    logGroupName: i % 2 ? '/ecs/checkout-service' : '/aws/lambda/orders-api',
    from: start + i * HOUR,
    to: start + (i + 1) * HOUR - 1,
    destination: NO_BUCKET,
    destinationPrefix: `rules/${tag}`,
    taskName: `${ruleId.slice(0, 8)}-${tag}-${i + 1}`,
  }));
  const code = `
    const esm = (m) => (m.default && !m.getDb && !m.insertJobs ? m.default : m);
    const { getDb } = esm(await import('./lib/db/index.ts'));
    const { insertJobs, RULE } = esm(await import('./lib/queue/enqueue.ts'));
    const [ruleId, name, jobsJson, countsJson] = process.argv.slice(1);
    const jobs = JSON.parse(jobsJson);
    const c = JSON.parse(countsJson);
    const db = await getDb();
    const now = Date.now();
    const today = new Date(now).toISOString().slice(0, 10);
    const definition = { logGroups: { names: ['/aws/lambda/orders-api'] }, exclude: [], bucket: 'logport-exports',
      prefixTemplate: 'rules/{logGroup}/{yyyy}/{mm}/{dd}', every: 'day', timeZone: 'UTC', settleMinutes: 720,
      backfillFrom: today };
    await db.insertInto('rules').values({ id: ruleId, name, name_key: name, region: '${E2E.region}', account: '${ACCOUNT}',
      definition: JSON.stringify(definition), enabled: 1, created_at: now, created_by: 'admin', updated_at: now,
      updated_by: 'admin' }).execute();
    await db.insertInto('queue_batches').values({ id: 'rule-' + ruleId, created_at: now, created_by: 'admin',
      created_role: 'admin', rule_id: ruleId }).execute();
    const ids = await insertJobs('rule-' + ruleId, jobs, { by: { name: 'rule:' + name, role: 'admin' },
      priority: RULE, ruleId, account: '${ACCOUNT}' });
    let at = 0;
    const set = async (n, fields) => {
      const some = ids.slice(at, at + n); at += n;
      for (let i = 0; i < some.length; i += 200)
        await db.updateTable('queue_jobs').set({ ...fields, updated_at: now }).where('id', 'in', some.slice(i, i + 200)).execute();
      return some;
    };
    await set(c.done, { state: 'completed', aws_status: 'COMPLETED', submitted_at: now - 3_000_000, finished_at: now - 2_940_000 });
    const failed = [
      ...(await set(c.failedToday, { state: 'failed', error_code: 'bucketNotFound', finished_at: now - 3_600_000 })),
      ...(await set(c.failedOlder, { state: 'failed', error_code: 'bucketNotFound', finished_at: now - 3 * 86_400_000 })),
    ];
    await set(c.waiting, { not_before: now + 86_400_000, wait_reason: 'awsError' });
    console.log(JSON.stringify({ failedIds: failed }));`;
  const out = run(code, [ruleId, name, JSON.stringify(jobs), JSON.stringify(counts)]);
  const { failedIds } = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { failedIds: string[] };
  return { ruleId, name, failedIds } satisfies SeededRule;
}

/**
 * Takes the rule and its jobs out again, so later specs see the queue as they expect.
 */
export function removeRuleJobs(ruleId: string): void {
  const code = `
    const esm = (m) => (m.default && !m.getDb ? m.default : m);
    const { getDb } = esm(await import('./lib/db/index.ts'));
    const ruleId = process.argv[1];
    const db = await getDb();
    await db.deleteFrom('queue_jobs').where('rule_id', '=', ruleId).execute();
    await db.deleteFrom('queue_batches').where('rule_id', '=', ruleId).execute();
    await db.deleteFrom('rule_groups').where('rule_id', '=', ruleId).execute();
    await db.deleteFrom('rules').where('id', '=', ruleId).execute();`;
  run(code, [ruleId]);
}
