import 'server-only';
import { getDb } from '@/lib/db';
import { raiseAlert } from './outbox';
import type { AlertFacts } from './types';
import { errorWords, plural, rangeText } from './words';

/** The page in Logport for a scope's view: the account and Region in the URL, so the page opens on them. */
export function scopedPath(path: string, scope: { account: string; region: string }): string {
  const sep = path.includes('?') ? '&' : '?';
  return `${path}${sep}account=${encodeURIComponent(scope.account)}&region=${encodeURIComponent(scope.region)}`;
}

/**
 * export.failed for a job that just failed, from its row as the failure wrote it. Called inside the worker's
 * failure transaction, so the alert and the failure commit together. The job's attempt number is part of the
 * cause: a retried job that fails again is a new failure, the same failure seen twice is not.
 */
export async function raiseExportFailed(jobId: string, now = Date.now()): Promise<boolean> {
  const db = await getDb();
  const job = await db.selectFrom('queue_jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
  if (job?.state !== 'failed') return false;
  const rule = job.rule_id
    ? await db.selectFrom('rules').select(['id', 'name']).where('id', '=', job.rule_id).executeTakeFirst()
    : undefined;
  const ledger = job.rule_id
    ? await db
        .selectFrom('rule_windows')
        .select(['window_start', 'window_end'])
        .where('job_id', '=', job.id)
        .executeTakeFirst()
    : undefined;
  const reason =
    job.aws_message?.trim() ||
    errorWords(job.error_code, {
      bucket: job.destination,
      logGroup: job.log_group_name,
      taskName: job.task_name,
      taskId: job.task_id ?? '',
    }) ||
    `The export failed (${job.error_code ?? job.aws_status ?? 'unknown reason'}).`;
  const facts: AlertFacts = {
    event: 'export.failed',
    at: now,
    rule: rule ? { id: rule.id, name: rule.name } : null,
    account: job.account,
    region: job.region,
    logGroup: job.log_group_name,
    // A rule's window as the ledger has it; for a job a person queued, its time range (end exclusive).
    window: ledger
      ? { start: ledger.window_start, end: ledger.window_end }
      : { start: job.from_ms, end: job.to_ms + 1 },
    taskId: job.task_id,
    message: `Export of ${job.log_group_name} (${rangeText(job.from_ms, job.to_ms + 1)}) to ${job.destination} failed: ${reason}`,
    path: scopedPath(`/queue?job=${encodeURIComponent(job.id)}`, job),
  };
  return raiseAlert(`export.failed:${job.id}:${job.attempts}`, facts, now);
}

const FINAL = ['completed', 'failed', 'cancelled'] as const;
// How far back the alerts loop looks for jobs that became final. A batch that finished before the loop last ran
// by more than this (Logport was down that long) raises nothing; an upgrade does not announce old batches.
export const BATCH_LOOKBACK_MS = 6 * 3_600_000;

/**
 * batch.finished for batches people queued whose last open job just became final: found from the jobs updated
 * lately (an index), so the cost follows what moved, not the size of the queue. A batch is announced once.
 */
export async function raiseFinishedBatches(now = Date.now()): Promise<number> {
  const db = await getDb();
  const moved = await db
    .selectFrom('queue_jobs as j')
    .innerJoin('queue_batches as b', 'b.id', 'j.batch_id')
    .select('j.batch_id')
    .distinct()
    .where('j.updated_at', '>=', now - BATCH_LOOKBACK_MS)
    .where('j.state', 'in', [...FINAL])
    .where('b.rule_id', 'is', null)
    .execute();
  let raised = 0;
  for (const { batch_id: batchId } of moved) {
    const announced = await db
      .selectFrom('alert_events')
      .select('id')
      .where('dedupe_key', '=', `batch.finished:${batchId}`)
      .executeTakeFirst();
    if (announced) continue;
    const counts = await db
      .selectFrom('queue_jobs')
      .select(['state', 'account', 'region', 'log_group_name', (eb) => eb.fn.countAll<number>().as('n')])
      .where('batch_id', '=', batchId)
      .groupBy(['state', 'account', 'region', 'log_group_name'])
      .execute();
    if (counts.some((c) => !(FINAL as readonly string[]).includes(c.state))) continue;
    if (await raiseBatch(batchId, counts, now)) raised++;
  }
  return raised;
}

type Count = { state: string; account: string; region: string; log_group_name: string; n: number };

async function raiseBatch(batchId: string, counts: Count[], now: number): Promise<boolean> {
  const db = await getDb();
  const batch = await db
    .selectFrom('queue_batches')
    .select(['created_by', 'created_at'])
    .where('id', '=', batchId)
    .executeTakeFirst();
  if (!batch) return false;
  const sum = (state?: string) =>
    counts.filter((c) => !state || c.state === state).reduce((n, c) => n + Number(c.n), 0);
  const groups = [...new Set(counts.map((c) => c.log_group_name))];
  const accounts = [...new Set(counts.map((c) => c.account))];
  const regions = [...new Set(counts.map((c) => c.region))];
  const first = counts[0];
  const scope = { account: first?.account ?? 'default', region: first?.region ?? '' };
  const total = sum();
  const parts = [`${sum('completed')} completed`, `${sum('failed')} failed`, `${sum('cancelled')} cancelled`];
  const where = groups.length === 1 ? groups[0] : plural(groups.length, 'log group');
  const facts: AlertFacts = {
    event: 'batch.finished',
    at: now,
    rule: null,
    account: scope.account,
    region: regions.length === 1 ? scope.region : regions.join(', '),
    // One log group: its name; several: empty (the message says how many).
    logGroup: groups.length === 1 ? (groups[0] ?? '') : '',
    window: null,
    taskId: null,
    message: `The batch of ${plural(total, 'export')} that ${batch.created_by} queued (${where}) finished: ${parts.join(', ')}.`,
    path:
      accounts.length === 1 && regions.length === 1
        ? scopedPath(`/queue?batch=${encodeURIComponent(batchId)}`, scope)
        : `/queue?batch=${encodeURIComponent(batchId)}`,
  };
  return raiseAlert(`batch.finished:${batchId}`, facts, now);
}
