import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { benchEntry, measureInChild } from './lib/child';
import { type Figure, round } from './lib/figures';

/**
 * Backlog utilisation: a rule catching up 50 windows (10 log groups x 5 days) through the real scheduler and
 * queue worker (its default settings), against the emulator. AWS allows one active export per account, so what
 * Logport adds is the gap between one export ending and the next starting: the share of wall time (first
 * creation to last completion) in which the account has an active export. Target >= 90%.
 * `npx tsx bench/backlog.ts` runs it alone.
 */
const GROUPS = 10;
const DAYS = 5;
const DAY = 86_400_000;
// An export of a day of a small group: a few seconds in the emulator (real ones take minutes, which only
// raises the share: the gap Logport adds does not grow with the export).
const PENDING_MS = 1_000;
const RUNNING_MS = 3_000;

async function child(): Promise<void> {
  process.env.LOGPORT_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'logport-bench-backlog-'));
  const { startEmulator } = await import('../emulator/server');
  const { recommendedPolicy } = await import('../emulator/seed');
  const emulator = await startEmulator({
    port: 0,
    seed: false,
    pendingMs: PENDING_MS,
    runningMs: RUNNING_MS,
  });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: emulator.url,
    AWS_REGION: 'us-east-2',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secret',
    LOGPORT_REGIONS: 'us-east-2',
  });
  const cwl = await import('@aws-sdk/client-cloudwatch-logs');
  const { S3Client, CreateBucketCommand, PutBucketPolicyCommand } = await import('@aws-sdk/client-s3');
  const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
  const logs = new cwl.CloudWatchLogsClient({ region: 'us-east-2', endpoint: emulator.url, credentials });
  const s3 = new S3Client({ region: 'us-east-2', endpoint: emulator.url, credentials, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'backlog-archive' }));
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: 'backlog-archive',
      Policy: recommendedPolicy('backlog-archive', 'us-east-2', '123456789012'),
    }),
  );
  const today = Math.floor(Date.now() / DAY) * DAY;
  for (let g = 0; g < GROUPS; g++) {
    const name = `/backlog/service-${g}`;
    await logs.send(new cwl.CreateLogGroupCommand({ logGroupName: name }));
    await logs.send(new cwl.CreateLogStreamCommand({ logGroupName: name, logStreamName: 'main' }));
    for (let d = DAYS; d >= 1; d--)
      await logs.send(
        new cwl.PutLogEventsCommand({
          logGroupName: name,
          logStreamName: 'main',
          logEvents: [{ timestamp: today - d * DAY + 60_000, message: `day ${d}` }],
        }),
      );
  }

  const { saveRule } = await import('@/lib/rules/service');
  const { superviseWorkers } = await import('@/lib/accounts/workers');
  const { getDb } = await import('@/lib/db');
  const saved = await saveRule(
    { name: 'bench', role: 'admin' },
    {
      name: 'backlog',
      region: 'us-east-2',
      logGroups: { prefix: '/backlog/' },
      bucket: 'backlog-archive',
      prefixTemplate: 'logs/{logGroup}/{yyyy}/{mm}/{dd}',
      every: 'day',
      timeZone: 'UTC',
      settleMinutes: 0,
      backfillFrom: new Date(today - DAYS * DAY).toISOString().slice(0, 10),
    },
  );
  if (!saved.ok) throw new Error(`rule refused: ${JSON.stringify(saved)}`);
  // The server's own loops, with their default settings (poll, lease, scheduler tick).
  await superviseWorkers();
  const db = await getDb();
  const started = Date.now();
  for (;;) {
    const rows = await db.selectFrom('queue_jobs').select('state').execute();
    if (rows.length === GROUPS * DAYS && rows.every((r) => r.state === 'completed')) break;
    if (Date.now() - started > 30 * 60_000) throw new Error('the backlog did not finish in 30 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
  const tasks: Array<{ from: number; to: number }> = [];
  let nextToken: string | undefined;
  do {
    const page = await logs.send(new cwl.DescribeExportTasksCommand({ limit: 50, nextToken }));
    for (const t of page.exportTasks ?? [])
      if (t.executionInfo?.creationTime && t.executionInfo.completionTime)
        tasks.push({ from: t.executionInfo.creationTime, to: t.executionInfo.completionTime });
    nextToken = page.nextToken;
  } while (nextToken);
  tasks.sort((a, b) => a.from - b.from);
  const first = tasks[0]?.from ?? 0;
  const last = Math.max(...tasks.map((t) => t.to));
  let busy = 0;
  let reach = first;
  for (const t of tasks) {
    const from = Math.max(t.from, reach);
    if (t.to > from) busy += t.to - from;
    reach = Math.max(reach, t.to);
  }
  const gaps = tasks.slice(1).map((t, i) => t.from - (tasks[i]?.to ?? t.from));
  console.log(
    JSON.stringify({
      exports: tasks.length,
      share: busy / (last - first),
      wallMs: last - first,
      medianGapMs: [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0,
    }),
  );
  await emulator.close();
  process.exit(0);
}

export async function run(): Promise<Figure[]> {
  const r = measureInChild<{
    exports: number;
    share: number;
    wallMs: number;
    medianGapMs: number;
  }>(path.join(__dirname, 'backlog.ts'));
  return [
    {
      name: `Backlog utilisation, ${GROUPS * DAYS}-window catch-up (active export share of wall time)`,
      value: round(r.share * 100),
      unit: '%',
      target: '>= 90%',
      pass: r.share >= 0.9 && r.exports === GROUPS * DAYS,
      detail: `${r.exports} exports of ${(PENDING_MS + RUNNING_MS) / 1000} s in ${round(r.wallMs / 1000)} s; median gap ${round(r.medianGapMs)} ms`,
    },
  ];
}

benchEntry(module, child, run);
