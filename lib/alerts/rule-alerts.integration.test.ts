import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recommendedPolicy } from '@/emulator/seed';
import { startWithClients } from '@/emulator/test-clients';
import { makeTempDataDir } from '@/lib/queue/test-support';
import { startReceiver } from './test-receiver';

// rule.behind and data.atRisk as the scheduler's tick raises them: the real scheduler, store and emulator, the
// clock given to each tick (hours pass without waiting).
const env = await startWithClients({ seed: true, pendingMs: 40, runningMs: 80, cancelMs: 40 });
Object.assign(process.env, {
  AWS_ENDPOINT_URL: env.emulator.url,
  AWS_REGION: 'us-east-2',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
  LOGPORT_REGIONS: 'us-east-2',
  NEXTAUTH_SECRET: 'rule-alerts-integration-secret-0123',
});
makeTempDataDir();
const { saveRule } = await import('@/lib/rules/service');
const { schedulerTick } = await import('@/lib/rules/scheduler');
const { QueueWorker } = await import('@/lib/queue/worker');
const { cancelJob, retryJob } = await import('@/lib/queue/commands');
const { writeSettings } = await import('@/lib/queue/store');
const { getDb } = await import('@/lib/db');
const { AlertDeliverer } = await import('./deliverer');
const { createWebhook } = await import('./service');

const ADMIN = { name: 'ada', role: 'admin' as const };
const OPERATOR = { name: 'otto', role: 'operator' as const };
const DAY = 86_400_000;
const HOUR = 3_600_000;
const SHORT = '/rule-alerts/short-retention';
const KEPT = '/rule-alerts/kept';
const BUCKET = 'rule-alerts-archive';
const scope = { account: 'default', region: 'us-east-2' };
const today = Math.floor(Date.now() / DAY) * DAY;
const ymd = (t: number) => new Date(t).toISOString().slice(0, 10);
const receiver = await startReceiver();

async function events(event: string) {
  const db = await getDb();
  return db
    .selectFrom('alert_events')
    .selectAll()
    .where('event', '=', event)
    .orderBy('created_at')
    .orderBy('dedupe_key')
    .execute();
}

async function ruleJobs(ruleId: string) {
  const db = await getDb();
  return db
    .selectFrom('queue_jobs as j')
    .innerJoin('rule_windows as w', 'w.job_id', 'j.id')
    .select(['j.id', 'j.state', 'w.log_group', 'w.window_start'])
    .where('j.rule_id', '=', ruleId)
    .orderBy('w.window_start')
    .orderBy('w.log_group')
    .execute();
}

beforeAll(async () => {
  await env.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await env.s3.send(
    new PutBucketPolicyCommand({
      Bucket: BUCKET,
      Policy: recommendedPolicy(BUCKET, 'us-east-2', '123456789012'),
    }),
  );
  for (const name of [SHORT, KEPT]) {
    await env.logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    await env.logs.send(new CreateLogStreamCommand({ logGroupName: name, logStreamName: 'main' }));
    await env.logs.send(
      new PutLogEventsCommand({
        logGroupName: name,
        logStreamName: 'main',
        logEvents: [{ timestamp: today - 2 * DAY + HOUR, message: 'hello' }],
      }),
    );
  }
  await env.logs.send(new PutRetentionPolicyCommand({ logGroupName: SHORT, retentionInDays: 5 }));
  const created = await createWebhook(ADMIN, { url: receiver.url, events: ['rule.behind', 'data.atRisk'] });
  expect(created.ok).toBe(true);
});

afterAll(async () => {
  await receiver.close();
  await env.emulator.close();
});

describe('rule.behind and data.atRisk from the scheduler tick', () => {
  it('raises rule.behind once per episode, data.atRisk once per window at risk, and nothing for what catches up', async () => {
    await writeSettings({ paused: true }, 'test');
    const saved = await saveRule(ADMIN, {
      name: 'nightly',
      region: 'us-east-2',
      logGroups: { names: [SHORT, KEPT] },
      bucket: BUCKET,
      every: 'day',
      timeZone: 'UTC',
      settleMinutes: 0,
      backfillFrom: ymd(today - 4 * DAY),
    });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const rule = saved.data;
    expect(rule.behindAfterMinutes).toBe(360);
    const t0 = Date.now();

    // The backfill is enqueued; the queue is paused, so nothing is archived. A new rule is not behind at birth.
    await schedulerTick(scope, { now: t0 });
    expect(await ruleJobs(rule.id)).toHaveLength(8);
    expect(await events('rule.behind')).toHaveLength(0);
    await schedulerTick(scope, { now: t0 + 5 * HOUR });
    expect(await events('rule.behind')).toHaveLength(0);

    // Six hours on, still nothing archived: behind, once.
    await schedulerTick(scope, { now: t0 + 7 * HOUR });
    await schedulerTick(scope, { now: t0 + 8 * HOUR });
    const behind = await events('rule.behind');
    expect(behind).toHaveLength(1);
    const facts = JSON.parse(behind[0]?.payload ?? '{}');
    expect(facts).toMatchObject({
      event: 'rule.behind',
      rule: { id: rule.id, name: 'nightly' },
      account: 'default',
      region: 'us-east-2',
      logGroup: KEPT,
      window: { start: today - 4 * DAY, end: today - 3 * DAY },
    });
    // Due more than six hours at the first tick past the limit: the four backfilled days, and today's too when
    // the test starts after 23:00 (the hours given then cross midnight).
    const late = [-3, -2, -1, 0, 1].map((d) => today + d * DAY).filter((end) => end <= t0 + HOUR).length * 2;
    expect(facts.message).toContain(
      `Rule "nightly" is behind: ${late} windows of 2 log groups became due more than 6 hours ago`,
    );

    // Windows of the 5-day group cancelled: gaps. Those whose data retention deletes within 3 days are at risk.
    for (const j of (await ruleJobs(rule.id)).filter((j) => j.log_group === SHORT))
      expect((await cancelJob(OPERATOR, j.id)).ok).toBe(true);
    expect(await events('data.atRisk')).toHaveLength(0);
    // Which windows are at risk depends on the hour the test runs (the clock is the real one plus the hours
    // given): the windows whose start lies before retention's edge three days on.
    const atRiskAt = (t: number) =>
      [4, 3, 2, 1].map((d) => today - d * DAY).filter((start) => start < t - 5 * DAY + 3 * DAY);
    const startsOf = async () =>
      (await events('data.atRisk')).map((e) => JSON.parse(e.payload).window.start as number).sort();
    const now = t0 + 9 * HOUR;
    await schedulerTick(scope, { now });
    const atRisk = await events('data.atRisk');
    expect(atRisk.length).toBeGreaterThan(0);
    expect(await startsOf()).toEqual(atRiskAt(now).sort());
    expect(atRisk.every((e) => JSON.parse(e.payload).logGroup === SHORT)).toBe(true);
    expect(JSON.parse(atRisk[0]?.payload ?? '{}').message).toMatch(
      /retention \(5 days\) starts deleting them/,
    );
    // An hour on: each window at risk raised once (one more only if the hour moved a window past the edge).
    await schedulerTick(scope, { now: now + HOUR });
    const expected = atRiskAt(now + HOUR);
    expect(await startsOf()).toEqual(expected.sort());
    expect(await events('rule.behind')).toHaveLength(1);

    // Everything archived: the rule caught up, its episode ends.
    for (const j of (await ruleJobs(rule.id)).filter((j) => j.state === 'cancelled'))
      expect((await retryJob(OPERATOR, j.id)).ok).toBe(true);
    await writeSettings({ paused: false }, 'test');
    const worker = new QueueWorker({ pollMs: 20, regions: async () => ['us-east-2'] });
    await worker.runUntilIdle(60_000);
    await worker.stop();
    expect((await ruleJobs(rule.id)).every((j) => j.state === 'completed')).toBe(true);
    await schedulerTick(scope, { now: now + 2 * HOUR });
    expect((await events('rule.behind'))[0]?.resolved_at).not.toBeNull();

    // Later it falls behind again: a new episode, a new alert.
    await writeSettings({ paused: true }, 'test');
    const later = today + 2 * DAY + 7 * HOUR;
    await schedulerTick(scope, { now: later });
    const again = await events('rule.behind');
    expect(again).toHaveLength(2);
    expect(again[1]?.resolved_at).toBeNull();
    expect(JSON.parse(again[1]?.payload ?? '{}').window.start).toBeGreaterThanOrEqual(today);
    await writeSettings({ paused: false }, 'test');

    // Each went out once.
    const deliverer = new AlertDeliverer({ pollMs: 20 });
    for (let i = 0; i < 50 && (await deliverer.tick()) !== 'idle'; i++);
    await deliverer.stop();
    const sent = receiver.hits.map((h) => h.headers['x-logport-event']);
    expect(sent.filter((e) => e === 'rule.behind')).toHaveLength(2);
    expect(sent.filter((e) => e === 'data.atRisk')).toHaveLength(expected.length);
  });
});
