import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase, postgresAvailable, startCluster } from '../test/postgres-cluster';
import { benchEntry } from './lib/child';
import { type Figure, round } from './lib/figures';

/**
 * How fast the store moves work on each engine (issue 17): jobs claimed per second through the worker's own
 * store calls, and activity entries inserted per second, on the embedded SQLite file and on PostgreSQL.
 *
 * A claim is what one job costs the worker's store in QueueWorker.step/advance/follow, with AWS left out (the
 * task id is made up): renew the lease, look for a running job, read the head job and the settings, record the
 * intent in one transaction (lease check, `claimRow`: FOR UPDATE SKIP LOCKED on PostgreSQL, update to
 * submitting), mark it running with its export.launch activity in one transaction, then renew the lease again,
 * find it running and mark it completed.
 *
 * Targets: floors, not goals. The worker claims one job per export, and an export takes from seconds to
 * minutes in AWS, so the store's share of a claim only has to stay negligible beside it; the floors catch an
 * engine or a query gone badly wrong (a claim that reads the whole queue, a connection per query, an fsync per
 * statement) with room for a busy two-core CI machine. Claims >= 50/s: a full batch (5,000 jobs, the most one
 * enqueue takes) goes through the store in under two minutes of its own time; a new connection per query on
 * PostgreSQL (19 statements a claim, transactions included) would fall well below it. Activity inserts >= 500/s:
 * every change a person or the worker makes writes one, inside the change's own transaction.
 * The detail shows headJob's part of a claim with the queue full and nearly empty: it sorts every ready job
 * (the first-"submitting" CASE defeats the index order), so it is the part that grows with the queue.
 * `npx tsx bench/store-throughput.ts` runs it alone.
 */
const JOBS = Number(process.env.BENCH_STORE_JOBS || 2_000);
const ACTIVITY = Number(process.env.BENCH_STORE_ACTIVITY || 5_000);
const CLAIMS_TARGET = 50;
const INSERTS_TARGET = 500;

type Result = {
  enqueueMs: number;
  claimMs: number;
  claimed: number;
  /** headJob's time per claim: the mean, over the first 100 claims (2,000 queued) and the last 100. */
  headMs: { mean: number; first: number; last: number };
  activityMs: number;
  inserted: number;
};

async function child(): Promise<void> {
  if (!process.env.LOGPORT_DATABASE_URL)
    process.env.LOGPORT_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'logport-bench-store-'));
  const { closeDb, engine, getDb, transaction } = await import('@/lib/db');
  const { enqueueJobs } = await import('@/lib/queue/enqueue');
  const { acquireLease, holdsLease } = await import('@/lib/queue/lease');
  const { claimRow, headJob, readSettings, runningJob, update } = await import('@/lib/queue/store');
  const { recordActivity } = await import('@/lib/audit');
  const { sampleJobs } = await import('@/lib/queue/test-support');
  await getDb(); // migrations, outside the timings
  const caller = { name: 'bench', role: 'operator' as const };
  const account = 'default';
  const lease = `worker:${account}`;
  const owner = `bench:${process.pid}`;

  let start = performance.now();
  for (let i = 0; i < JOBS; i += 1_000) await enqueueJobs(caller, sampleJobs(Math.min(1_000, JOBS - i)));
  const enqueueMs = performance.now() - start;

  let claimed = 0;
  const headTimes: number[] = [];
  start = performance.now();
  for (;;) {
    if (!(await acquireLease(owner, 30_000, undefined, lease))) throw new Error('lease not acquired');
    if (await runningJob(account)) throw new Error('a job is still running');
    const headStart = performance.now();
    const { job } = await headJob(account);
    if (job) headTimes.push(performance.now() - headStart);
    if (!job) break;
    await readSettings(account);
    const intent = await transaction(async () => {
      if (!(await holdsLease(owner, undefined, lease))) return false;
      if (!(await claimRow(job.id))) return false;
      return update(
        job.id,
        { state: 'submitting', intent_at: Date.now(), attempts: job.attempts + 1, wait_reason: null },
        ['queued', 'submitting'],
      );
    });
    if (!intent) throw new Error(`job ${job.id} not claimed`);
    const taskId = `bench-${claimed}`;
    await transaction(async () => {
      await update(job.id, {
        state: 'running',
        task_id: taskId,
        aws_status: 'PENDING',
        submitted_at: Date.now(),
      });
      await recordActivity(caller, {
        action: 'export.launch',
        account,
        region: job.region,
        target: taskId,
        outcome: 'ok',
        detail: { via: 'queue', jobId: job.id, taskName: job.taskName, logGroup: job.logGroupName },
      });
    });
    await acquireLease(owner, 30_000, undefined, lease);
    const running = await runningJob(account);
    if (running?.id !== job.id) throw new Error(`job ${job.id} is not the running one`);
    await transaction(async () => {
      await update(job.id, { state: 'completed', aws_status: 'COMPLETED', finished_at: Date.now() }, [
        'running',
      ]);
    });
    claimed++;
  }
  const claimMs = performance.now() - start;

  start = performance.now();
  for (let i = 0; i < ACTIVITY; i++)
    await recordActivity(caller, {
      action: 'queue.pause',
      account,
      target: `bench-${i}`,
      outcome: 'ok',
      detail: { all: false, n: i },
    });
  const activityMs = performance.now() - start;

  const db = await getDb();
  const row = await db
    .selectFrom('activity')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'queue.pause')
    .executeTakeFirstOrThrow();
  const inserted = Number(row.n);
  const kind = engine();
  await closeDb();
  if (kind === 'sqlite' && process.env.LOGPORT_DATA_DIR)
    rmSync(process.env.LOGPORT_DATA_DIR, { recursive: true, force: true });
  const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / Math.max(1, list.length);
  const headMs = {
    mean: mean(headTimes),
    first: mean(headTimes.slice(0, 100)),
    last: mean(headTimes.slice(-100)),
  };
  const result: Result = { enqueueMs, claimMs, claimed, headMs, activityMs, inserted };
  console.log(JSON.stringify(result));
}

function measure(env: Record<string, string>): Result {
  // The store's modules are server-only: they load under the react-server condition, in a child process (one
  // per engine: the store picks its engine from the environment once).
  const out = execFileSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(__dirname, 'store-throughput.ts'), '--child'],
    {
      encoding: 'utf8',
      env: { ...process.env, NODE_NO_WARNINGS: '1', LOGPORT_DATABASE_URL: '', ...env },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Result;
}

function figures(label: string, r: Result): Figure[] {
  const claims = (r.claimed * 1_000) / r.claimMs;
  const inserts = (r.inserted * 1_000) / r.activityMs;
  return [
    {
      name: `Job claims / s, ${label}`,
      value: round(claims),
      unit: 'jobs/s',
      target: `>= ${CLAIMS_TARGET}`,
      pass: r.claimed === JOBS && claims >= CLAIMS_TARGET,
      detail: `${r.claimed} of ${JOBS} jobs claimed, run and completed one by one in ${round(r.claimMs / 1_000, 2)} s (${round(r.claimMs / Math.max(1, r.claimed), 2)} ms each; headJob ${round(r.headMs.mean, 2)} ms of it, ${round(r.headMs.first, 2)} ms with ${JOBS} queued, ${round(r.headMs.last, 2)} ms with 100 left); enqueued in ${round(r.enqueueMs)} ms`,
    },
    {
      name: `Activity inserts / s, ${label}`,
      value: round(inserts),
      unit: 'rows/s',
      target: `>= ${INSERTS_TARGET}`,
      pass: r.inserted === ACTIVITY && inserts >= INSERTS_TARGET,
      detail: `${r.inserted} recordActivity calls one after another in ${round(r.activityMs / 1_000, 2)} s`,
    },
  ];
}

export async function run(): Promise<Figure[]> {
  const out = figures('SQLite', measure({}));
  if (!postgresAvailable()) {
    out.push({
      name: 'Job claims and activity inserts, PostgreSQL',
      value: Number.NaN,
      unit: '',
      target: 'measured',
      pass: false,
      detail: 'PostgreSQL is not installed (Debian: apt-get install -y postgresql)',
    });
    return out;
  }
  const cluster = await startCluster();
  try {
    const url = await createDatabase(cluster.url(), 'bench_store');
    out.push(...figures('PostgreSQL', measure({ LOGPORT_DATABASE_URL: url })));
  } finally {
    await cluster.stop();
  }
  return out;
}

benchEntry(module, child, run);
