import 'server-only';
import { DEFAULT_ACCOUNT } from '@/lib/accounts/types';
import { type Db, getDb } from '@/lib/db';
import { estimateRemainingMs } from './estimate';
import { publicJob, readSettings, toJob } from './store';
import type { JobState, QueueBatch, QueueSnapshot, RuleBatchSummary } from './types';

const RECENT_BATCHES = 10;
const RECENT_DURATIONS = 10;
const ACTIVE = ['queued', 'submitting', 'running'] as const;
const FAILED_RECENTLY_MS = 24 * 3_600_000;

/**
 * What /queue shows and its GET route polls: the batches people queued (those with work left plus the most
 * recent ones) with their jobs, each rule's batch as counts and the job that moves, the settings, and an
 * estimate of the time left from how long recent exports took. A rule's jobs (thousands, over a year) are
 * counted in SQL and never loaded, so a poll stays cheap whatever the rules hold.
 */
export async function queueSnapshot(
  account: string = DEFAULT_ACCOUNT,
  /** The rules that run in this account (lib/rules/service rulesInAccount); their batches are summarised. */
  ruleIds?: readonly string[],
): Promise<QueueSnapshot> {
  const db = await getDb();
  const now = Date.now();
  const [batches, rules, settings] = await Promise.all([
    peopleBatches(db, account),
    ruleBatches(db, now, account, ruleIds),
    readSettings(account),
  ]);

  // People's open jobs (few) counted here; rules' were counted per rule above.
  const counts = await db
    .selectFrom('queue_jobs')
    .select(['state', (eb) => eb.fn.countAll().as('n')])
    .where('account', '=', account)
    .where('rule_id', 'is', null)
    .where('state', 'in', ACTIVE)
    .groupBy('state')
    .execute();
  const people = (state: string) => Number(counts.find((c) => c.state === state)?.n ?? 0);
  const count = (state: (typeof ACTIVE)[number]) => people(state) + rules.open[state];
  const durations = (
    await db
      .selectFrom('queue_jobs')
      .select((eb) => eb('finished_at', '-', eb.ref('submitted_at')).as('ms'))
      .where('account', '=', account)
      .where('state', '=', 'completed')
      .where('submitted_at', 'is not', null)
      .where('finished_at', 'is not', null)
      .orderBy('finished_at', 'desc')
      .limit(RECENT_DURATIONS)
      .execute()
  ).map((r) => Number(r.ms));
  const running = await db
    .selectFrom('queue_jobs')
    .select('submitted_at')
    .where('account', '=', account)
    .where('state', '=', 'running')
    .limit(1)
    .executeTakeFirst();
  // Counted over the whole queue: rules' windows take the account's one export slot like anyone's.
  const waiting = count('queued') + count('submitting');
  return {
    settings,
    batches,
    rules: rules.summaries,
    remaining: waiting + count('running'),
    queued: count('queued'),
    estimateMs: estimateRemainingMs({
      recentDurations: durations,
      waiting,
      runningElapsedMs: running?.submitted_at ? now - running.submitted_at : null,
    }),
    active: count('running') + count('submitting') > 0 || (waiting > 0 && !settings.paused),
    fetchedAt: now,
  };
}

/** The account's batches people queued: those with work left plus the most recent ones, each with its jobs. */
async function peopleBatches(db: Db, account: string): Promise<QueueBatch[]> {
  // A batch runs in one account (enqueueJobs refuses a mix): its jobs say which.
  const mine = db.selectFrom('queue_jobs').select('batch_id').where('account', '=', account);
  const batchRows = await db
    .selectFrom('queue_batches')
    .select(['id', 'created_at', 'created_by'])
    .where('rule_id', 'is', null)
    .where('id', 'in', mine)
    .where((eb) =>
      eb.or([
        eb(
          'id',
          'in',
          eb
            .selectFrom('queue_jobs')
            .select('batch_id')
            .where('account', '=', account)
            .where('state', 'in', ACTIVE)
            .where('rule_id', 'is', null),
        ),
        eb(
          'id',
          'in',
          eb
            .selectFrom('queue_batches')
            .select('id')
            .where('rule_id', 'is', null)
            .where('id', 'in', mine)
            .orderBy('created_at', 'desc')
            .limit(RECENT_BATCHES),
        ),
      ]),
    )
    .orderBy('created_at', 'desc')
    .execute();
  const ids = batchRows.map((b) => b.id);
  const jobs = ids.length
    ? (
        await db
          .selectFrom('queue_jobs')
          .selectAll()
          .where('batch_id', 'in', ids)
          .orderBy('position')
          .execute()
      ).map(toJob)
    : [];
  return batchRows.map((b) => ({
    id: b.id,
    createdAt: b.created_at,
    createdBy: b.created_by,
    jobs: jobs.filter((j) => j.batchId === b.id).map(publicJob),
  }));
}

/**
 * Each rule's batch: its counts, the job that moves and the next one. Rules are few (tens), their jobs many
 * (a window per group per day, kept once done): each count is an equality lookup in the (rule_id, state)
 * index, so the open states cost what is open, not what the rule ever exported.
 */
async function ruleBatches(
  db: Db,
  now: number,
  account: string,
  ruleIds: readonly string[] | undefined,
): Promise<{ summaries: RuleBatchSummary[]; open: Record<(typeof ACTIVE)[number], number> }> {
  const open = { queued: 0, submitting: 0, running: 0 };
  if (ruleIds && ruleIds.length === 0) return { summaries: [], open };
  let q = db
    .selectFrom('queue_batches as b')
    .leftJoin('rules as r', 'r.id', 'b.rule_id')
    .select(['b.id', 'b.rule_id', 'r.name', 'r.enabled'])
    .where('b.rule_id', 'is not', null);
  if (ruleIds) q = q.where('b.rule_id', 'in', [...ruleIds]);
  const batches = await q.orderBy('r.name').execute();
  const summaries: RuleBatchSummary[] = [];
  for (const b of batches) {
    const ruleId = b.rule_id ?? '';
    // A rule over several accounts: only this account's windows.
    const jobs = db.selectFrom('queue_jobs').where('rule_id', '=', ruleId).where('account', '=', account);
    const count = (state: JobState, since?: number) => {
      let q = jobs.select((eb) => eb.fn.countAll().as('n')).where('state', '=', state);
      if (since !== undefined) q = q.where('finished_at', '>=', since);
      return q.executeTakeFirstOrThrow().then((r) => Number(r.n));
    };
    const [queued, submitting, running, failed, failedRecently, done, moving, next] = await Promise.all([
      count('queued'),
      count('submitting'),
      count('running'),
      count('failed'),
      count('failed', now - FAILED_RECENTLY_MS),
      count('completed'),
      jobs.selectAll().where('state', 'in', ['submitting', 'running']).orderBy('position').limit(1).execute(),
      jobs.selectAll().where('state', '=', 'queued').orderBy('position').limit(1).execute(),
    ]);
    open.queued += queued;
    open.submitting += submitting;
    open.running += running;
    summaries.push({
      batchId: b.id,
      ruleId,
      ruleName: b.name ?? null,
      enabled: b.enabled === 1,
      waiting: queued + submitting,
      running,
      failed,
      failedRecently,
      done,
      current: moving[0] ? publicJob(toJob(moving[0])) : null,
      next: next[0] ? publicJob(toJob(next[0])) : null,
    });
  }
  return { summaries, open };
}
