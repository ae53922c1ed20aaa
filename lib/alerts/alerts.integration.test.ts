import { createHmac } from 'node:crypto';
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, DeleteBucketPolicyCommand, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recommendedPolicy } from '@/emulator/seed';
import { startWithClients } from '@/emulator/test-clients';
import { makeTempDataDir, sampleJobs } from '@/lib/queue/test-support';
import { type Receiver, startReceiver } from './test-receiver';

// Webhooks end to end: the real worker and scheduler against the emulator, the real alerts loop, and local
// HTTP receivers that record what arrives and answer as each test needs.
const env = await startWithClients({ seed: true, pendingMs: 60, runningMs: 150, cancelMs: 40 });
Object.assign(process.env, {
  AWS_ENDPOINT_URL: env.emulator.url,
  AWS_REGION: 'us-east-2',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
  LOGPORT_REGIONS: 'us-east-2',
  NEXTAUTH_SECRET: 'alerts-integration-secret-0123456789',
  NEXTAUTH_URL: 'https://logport.example.com',
});
makeTempDataDir();
const { saveRule } = await import('@/lib/rules/service');
const { schedulerTick } = await import('@/lib/rules/scheduler');
const { QueueWorker } = await import('@/lib/queue/worker');
const { enqueueJobs } = await import('@/lib/queue/enqueue');
const { retryJob } = await import('@/lib/queue/commands');
const { readSettings, writeSettings } = await import('@/lib/queue/store');
const { getDb } = await import('@/lib/db');
const { AlertDeliverer } = await import('./deliverer');
const { createWebhook, deleteWebhook, listWebhooks, sendTestMessage } = await import('./service');
const { raiseExportFailed, raiseFinishedBatches } = await import('./raise');
const { getIdentity } = await import('@/lib/aws/identity');

const ADMIN = { name: 'ada', role: 'admin' as const };
const OPERATOR = { name: 'otto', role: 'operator' as const };
const SECRET = 'whsec-integration-0123456789';
const DAY = 86_400_000;
const HOUR = 3_600_000;
const GROUP = '/alerts-it/api';
const ARCHIVE = 'alerts-it-archive';
const REFUSED = 'alerts-it-refused';
const scope = { account: 'default', region: 'us-east-2' };
const today = Math.floor(Date.now() / DAY) * DAY;
const ymd = (t: number) => new Date(t).toISOString().slice(0, 10);
const REGIONS = async () => ['us-east-2'];
const receivers: Receiver[] = [];

async function receiver(answer?: Receiver['answer']): Promise<Receiver> {
  const r = await startReceiver(answer);
  receivers.push(r);
  return r;
}

async function webhook(input: Record<string, unknown>): Promise<string> {
  const created = await createWebhook(ADMIN, input);
  if (!created.ok) throw new Error(`webhook refused: ${JSON.stringify(created)}`);
  return created.data.id;
}

/** Ticks the alerts loop until nothing is due (retries scheduled later are not waited for). */
async function deliverAll(): Promise<void> {
  const deliverer = new AlertDeliverer({ pollMs: 20 });
  try {
    for (let i = 0; i < 50; i++) if ((await deliverer.tick()) === 'idle') return;
    throw new Error('alerts loop did not settle');
  } finally {
    // Gives the lease back, so the next loop (another owner) takes over at once.
    await deliverer.stop();
  }
}

async function drainQueue(): Promise<void> {
  const worker = new QueueWorker({ pollMs: 30, regions: REGIONS });
  try {
    await worker.runUntilIdle(60_000);
  } finally {
    await worker.stop();
  }
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Jobs of one hour each over the last days, to the archive bucket unless told. */
function jobs(count: number, destination = ARCHIVE) {
  const start = Date.now() - 2 * DAY;
  return sampleJobs(count, { groups: [GROUP], destination }).map((j, i) => ({
    ...j,
    from: start + i * HOUR,
    to: start + (i + 1) * HOUR - 1,
  }));
}

async function deliveriesOf(webhookId: string) {
  const db = await getDb();
  return db
    .selectFrom('alert_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('created_at')
    .execute();
}

beforeAll(async () => {
  for (const bucket of [ARCHIVE, REFUSED]) {
    await env.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await env.s3.send(
      new PutBucketPolicyCommand({
        Bucket: bucket,
        Policy: recommendedPolicy(bucket, 'us-east-2', '123456789012'),
      }),
    );
  }
  await env.logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
  await env.logs.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: 'main' }));
  for (let d = 3; d >= 1; d--)
    await env.logs.send(
      new PutLogEventsCommand({
        logGroupName: GROUP,
        logStreamName: 'main',
        logEvents: [{ timestamp: today - d * DAY + HOUR, message: `day -${d}` }],
      }),
    );
});

beforeEach(async () => {
  // Each test hears only its own webhooks.
  const db = await getDb();
  await db.deleteFrom('webhooks').execute();
});

afterAll(async () => {
  for (const r of receivers) await r.close();
  await env.emulator.close();
});

describe('webhooks against the emulator', () => {
  let failedJobId = '';
  let signedHook = '';
  let signed: Receiver;

  it('a rule window refused by CreateExportTask (bucket policy removed) sends a signed export.failed, and a Slack line to a second webhook', async () => {
    signed = await receiver();
    const slack = await receiver();
    signedHook = await webhook({
      url: `${signed.url}/hooks/logport`,
      format: 'json',
      secret: SECRET,
      events: ['export.failed'],
    });
    await webhook({ url: `${slack.url}/services/T000/B000/x`, format: 'slack' });

    const rule = await saveRule(ADMIN, {
      name: 'refused-daily',
      region: 'us-east-2',
      logGroups: { names: [GROUP] },
      bucket: REFUSED,
      every: 'day',
      timeZone: 'UTC',
      settleMinutes: 0,
      backfillFrom: ymd(today - DAY),
    });
    expect(rule.ok).toBe(true);
    if (!rule.ok) return;
    // The policy goes after the rule was saved (its preflight passed): the window's export is refused.
    await env.s3.send(new DeleteBucketPolicyCommand({ Bucket: REFUSED }));
    // "When an export fails: pause the queue" is for what people queue: a rule's failed window never pauses it.
    await writeSettings({ onFailure: 'pause' }, 'test');
    await schedulerTick(scope);
    await drainQueue();
    expect(await readSettings('default')).toMatchObject({ paused: false, onFailure: 'pause' });
    await writeSettings({ onFailure: 'continue' }, 'test');

    const db = await getDb();
    const job = await db
      .selectFrom('queue_jobs')
      .selectAll()
      .where('rule_id', '=', rule.data.id)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ state: 'failed', error_code: 'bucketPolicyDenied', task_id: null });
    failedJobId = job.id;
    // Raised with the failure: the outbox holds it before anything was sent.
    expect(signed.hits).toHaveLength(0);
    await deliverAll();

    expect(signed.hits).toHaveLength(1);
    const hit = signed.hits[0];
    if (!hit) return;
    expect(hit.path).toBe('/hooks/logport');
    expect(hit.headers['content-type']).toBe('application/json');
    expect(hit.headers['user-agent']).toMatch(/^Logport/);
    expect(hit.headers['x-logport-event']).toBe('export.failed');
    expect(hit.headers['x-logport-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    const expected = `sha256=${createHmac('sha256', SECRET).update(hit.body).digest('hex')}`;
    expect(hit.headers['x-logport-signature']).toBe(expected);

    const body = JSON.parse(hit.body) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'event',
      'at',
      'rule',
      'account',
      'region',
      'logGroup',
      'window',
      'taskId',
      'message',
      'url',
    ]);
    const accountId = (await getIdentity(scope)).account;
    expect(accountId).toMatch(/^\d{12}$/);
    expect(body).toMatchObject({
      event: 'export.failed',
      rule: { id: rule.data.id, name: 'refused-daily' },
      account: accountId,
      region: 'us-east-2',
      logGroup: GROUP,
      window: { start: today - DAY, end: today },
      taskId: null,
    });
    expect(new Date(String(body.at)).toISOString()).toBe(body.at);
    // AWS's own words are passed on.
    expect(String(body.message)).toContain(job.aws_message ?? '(none)');
    expect(String(body.message)).toMatch(/granted permission/i);
    expect(body.url).toBe(`https://logport.example.com/queue?job=${job.id}&account=default&region=us-east-2`);

    expect(slack.hits).toHaveLength(1);
    expect(slack.hits[0]?.headers['x-logport-signature']).toBeUndefined();
    const text = (JSON.parse(slack.hits[0]?.body ?? '{}') as { text: string }).text;
    expect(Object.keys(JSON.parse(slack.hits[0]?.body ?? '{}'))).toEqual(['text']);
    expect(text).toContain('Export failed');
    expect(text).toContain('rule "refused-daily"');
    expect(text).toContain(`account ${accountId} us-east-2`);
    expect(text).toContain(GROUP);
    expect(text).toMatch(/granted permission/i);
    expect(text).toContain(
      `<https://logport.example.com/queue?job=${job.id}&amp;account=default&amp;region=us-east-2|Open in Logport>`.replace(
        /&amp;/g,
        '&',
      ),
    );
  });

  it('the same cause is not sent twice; a retried job that fails again is a new cause', async () => {
    // The hooks of the previous test are gone (beforeEach); the same receiver is added again.
    signedHook = await webhook({
      url: `${signed.url}/hooks/logport`,
      format: 'json',
      secret: SECRET,
      events: ['export.failed'],
    });
    const db = await getDb();
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('alert_events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('event', '=', 'export.failed')
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBe(1);
    expect(await raiseExportFailed(failedJobId)).toBe(false);
    await schedulerTick(scope);
    await drainQueue();
    expect(await count()).toBe(1);
    await deliverAll();
    expect(signed.hits).toHaveLength(1);

    expect((await retryJob(OPERATOR, failedJobId)).ok).toBe(true);
    await drainQueue();
    expect(await count()).toBe(2);
    await deliverAll();
    expect(signed.hits).toHaveLength(2);
    expect(signed.hits[1]?.headers['x-logport-delivery']).not.toBe(
      signed.hits[0]?.headers['x-logport-delivery'],
    );
    expect(await deliveriesOf(signedHook)).toHaveLength(1);
  });

  it('announces a batch a person queued once it is finished, with its counts, once', async () => {
    const hook = await receiver();
    await webhook({ url: hook.url, events: ['batch.finished'] });
    const planned = [...jobs(2), ...jobs(1, REFUSED)];
    const { batchId } = await enqueueJobs(OPERATOR, planned);
    expect(await raiseFinishedBatches()).toBe(0);
    await drainQueue();
    await deliverAll();
    expect(hook.hits).toHaveLength(1);
    const body = JSON.parse(hook.hits[0]?.body ?? '{}') as Record<string, unknown>;
    expect(body).toMatchObject({
      event: 'batch.finished',
      rule: null,
      window: null,
      taskId: null,
      logGroup: GROUP,
    });
    expect(body.message).toBe(
      `The batch of 3 exports that otto queued (${GROUP}) finished: 2 completed, 1 failed, 0 cancelled.`,
    );
    expect(body.url).toBe(
      `https://logport.example.com/queue?batch=${batchId}&account=default&region=us-east-2`,
    );
    expect(await raiseFinishedBatches()).toBe(0);
    await deliverAll();
    expect(hook.hits).toHaveLength(1);
  });

  it('retries a receiver that answers 500 (same delivery, same bytes) while the export queue goes on', async () => {
    const hook = await receiver((n) => (n < 2 ? { status: 500, body: 'receiver down' } : { status: 200 }));
    const id = await webhook({ url: hook.url, events: ['export.failed'] });
    const { jobIds } = await enqueueJobs(OPERATOR, [...jobs(1, REFUSED), ...jobs(5)]);
    const deliverer = new AlertDeliverer({ pollMs: 20, retryDelaysMs: [1_000, 1_000, 1_000, 1_000] });
    const worker = new QueueWorker({ pollMs: 30, regions: REGIONS });
    deliverer.start();
    worker.start();
    try {
      await until(() => hook.hits.length >= 3);
      await until(async () => (await deliveriesOf(id))[0]?.state === 'delivered');
    } finally {
      await worker.stop();
      await deliverer.stop();
    }
    const [first, second, third] = hook.hits;
    expect(new Set(hook.hits.map((h) => h.headers['x-logport-delivery'])).size).toBe(1);
    expect(second?.body).toBe(first?.body);
    expect(third?.body).toBe(first?.body);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(900);
    const [delivery] = await deliveriesOf(id);
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 3, status_code: 200, error: null });
    const db = await getDb();
    const attempts = await db
      .selectFrom('alert_attempts')
      .select(['attempt', 'status_code', 'error'])
      .where('delivery_id', '=', delivery?.id ?? '')
      .orderBy('attempt')
      .execute();
    expect(attempts).toEqual([
      { attempt: 1, status_code: 500, error: 'httpStatus' },
      { attempt: 2, status_code: 500, error: 'httpStatus' },
      { attempt: 3, status_code: 200, error: null },
    ]);
    // Exports completed between the first refusal and the delivery that got through.
    const moved = await db
      .selectFrom('queue_jobs')
      .select('updated_at')
      .where('id', 'in', jobIds.slice(1))
      .where('state', '=', 'completed')
      .execute();
    expect(moved.some((j) => j.updated_at > (first?.at ?? 0) && j.updated_at < (third?.at ?? 0))).toBe(true);
  });

  it('cuts off a receiver that hangs after 5 s (before or after its headers), and exports go on meanwhile', async () => {
    const silent = await receiver(() => 'hang');
    const stalled = await receiver(() => 'headers-then-hang');
    const silentId = await webhook({ url: silent.url, events: ['export.failed'] });
    const stalledId = await webhook({ url: stalled.url, events: ['export.failed'] });
    const { jobIds } = await enqueueJobs(OPERATOR, [...jobs(1, REFUSED), ...jobs(4)]);
    const deliverer = new AlertDeliverer({ pollMs: 20, retryDelaysMs: [60_000] });
    const worker = new QueueWorker({ pollMs: 30, regions: REGIONS });
    deliverer.start();
    worker.start();
    try {
      await until(async () => (await deliveriesOf(silentId))[0]?.attempts === 1, 15_000);
      await until(async () => (await deliveriesOf(stalledId))[0]?.attempts === 1, 15_000);
    } finally {
      await worker.stop();
      await deliverer.stop();
    }
    const [cut] = await deliveriesOf(silentId);
    expect(cut).toMatchObject({ state: 'pending', attempts: 1, error: 'timeout', status_code: null });
    expect(cut?.duration_ms).toBeGreaterThanOrEqual(4_900);
    expect(cut?.duration_ms).toBeLessThan(7_000);
    expect(cut?.next_at).toBeGreaterThan(Date.now() + 30_000);
    const [partial] = await deliveriesOf(stalledId);
    expect(partial?.duration_ms).toBeGreaterThanOrEqual(4_900);
    expect(partial?.duration_ms).toBeLessThan(7_000);
    const db = await getDb();
    const moved = await db
      .selectFrom('queue_jobs')
      .select('updated_at')
      .where('id', 'in', jobIds.slice(1))
      .where('state', '=', 'completed')
      .execute();
    const opened = silent.hits[0]?.at ?? 0;
    expect(moved.some((j) => j.updated_at > opened && j.updated_at < opened + 4_900)).toBe(true);
  });

  it('follows no redirect, keeps at most 4 KB of an answer, and shows answers to admins only', async () => {
    const elsewhere = await receiver();
    const redirecting = await receiver(() => ({
      status: 302,
      headers: { location: `${elsewhere.url}/stolen` },
    }));
    const chatty = await receiver(() => ({ status: 200, body: `<b>${'x'.repeat(100_000)}</b>` }));
    const redirectId = await webhook({ url: redirecting.url, format: 'slack' });
    const chattyId = await webhook({ url: `${chatty.url}/path/with-token`, secret: SECRET });

    const redirected = await sendTestMessage(ADMIN, redirectId);
    expect(redirected.ok).toBe(true);
    if (redirected.ok)
      expect(redirected.data).toMatchObject({ state: 'failed', statusCode: 302, error: 'redirectRefused' });
    expect(redirecting.hits).toHaveLength(1);
    expect(redirecting.hits[0]?.headers['x-logport-event']).toBe('test');
    expect(elsewhere.hits).toHaveLength(0);

    const answered = await sendTestMessage(ADMIN, chattyId);
    expect(answered.ok && answered.data.state).toBe('delivered');
    if (answered.ok) {
      expect(answered.data.responseBody?.length).toBeLessThanOrEqual(4_096);
      expect(answered.data.responseBody?.startsWith('<b>xxx')).toBe(true);
    }
    const hit = chatty.hits[0];
    expect(hit?.headers['x-logport-signature']).toBe(
      `sha256=${createHmac('sha256', SECRET)
        .update(hit?.body ?? '')
        .digest('hex')}`,
    );

    const asAdmin = (await listWebhooks(ADMIN)).find((w) => w.id === chattyId);
    const asOperator = (await listWebhooks(OPERATOR)).find((w) => w.id === chattyId);
    expect(asAdmin).toMatchObject({ url: `${chatty.url}/path/with-token`, hasSecret: true });
    expect(asAdmin?.last?.responseBody).toContain('xxx');
    expect(asOperator).toMatchObject({ url: `${chatty.url}/…`, hasSecret: true });
    expect(asOperator?.last).toMatchObject({ state: 'delivered', statusCode: 200 });
    expect(asOperator?.last && 'responseBody' in asOperator.last).toBe(false);
    // The secret is in the store only sealed, and in no answer.
    const db = await getDb();
    const row = await db
      .selectFrom('webhooks')
      .select('secret_sealed')
      .where('id', '=', chattyId)
      .executeTakeFirst();
    expect(row?.secret_sealed).toMatch(/^v1\./);
    expect(row?.secret_sealed).not.toContain(SECRET);
    expect(JSON.stringify(asAdmin)).not.toContain(SECRET);

    expect((await deleteWebhook(ADMIN, chattyId)).ok).toBe(true);
    expect(await deliveriesOf(chattyId)).toHaveLength(0);
  });
});
