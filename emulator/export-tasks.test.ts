import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { statusOf } from './export-status';
import { ExportEngine } from './export-tasks';
import type { LogsContext } from './logs-context';
import { recommendedPolicy } from './seed';
import { Store } from './state';

const ACCOUNT = '123456789012';
const REGION = 'us-east-2';

function setup() {
  let now = 1_700_000_000_000;
  const store = new Store({ accountId: ACCOUNT, pendingMs: 1000, runningMs: 2000, cancelMs: 500 });
  const engine = new ExportEngine(store, () => now);
  const ctx = (region = REGION): LogsContext => ({ store, accountId: ACCOUNT, region, now });
  const group = { name: 'g', creationTime: now, streams: new Map(), storedBytes: 0 };
  group.streams.set('s', {
    name: 's',
    creationTime: now,
    events: [10, 20, 30, 40].map((t) => ({ timestamp: t, message: `m${t}`, ingestionTime: t })),
    sorted: true,
    storedBytes: 0,
  });
  store.region(ACCOUNT, REGION).groups.set('g', group);
  store.buckets.set('b', {
    name: 'b',
    region: REGION,
    owner: ACCOUNT,
    creationDate: now,
    objects: new Map(),
    policy: recommendedPolicy('b', REGION, ACCOUNT),
  });
  const create = (extra: Record<string, unknown> = {}) =>
    (
      engine.create(ctx(), { logGroupName: 'g', from: 20, to: 40, destination: 'b', ...extra }) as {
        taskId: string;
      }
    ).taskId;
  const advance = (ms: number) => {
    now += ms;
  };
  const task = (id: string) => store.account(ACCOUNT).tasksById.get(id)!;
  return { store, engine, ctx, create, advance, task, now: () => now };
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return `${err.code}: ${err.message}`;
    throw err;
  }
  return 'ok';
};

describe('export task state machine', () => {
  it('goes PENDING, RUNNING, COMPLETED and writes gzip parts with from and to inclusive', () => {
    const t = setup();
    const id = t.create();
    expect(statusOf(t.task(id), t.now())).toEqual({ code: 'PENDING' });
    expect(t.store.buckets.get('b')!.objects.get('exportedlogs/aws-logs-write-test')!.body.toString()).toBe(
      'Permission Check Successful',
    );
    t.advance(1000);
    expect(statusOf(t.task(id), t.now())).toEqual({ code: 'RUNNING', message: 'Started Successfully' });
    t.advance(2000);
    t.engine.settle(ACCOUNT);
    expect(t.task(id).final).toEqual({
      code: 'COMPLETED',
      message: 'Completed successfully',
      completionTime: t.task(id).creationTime + 3000,
    });
    const part = t.store.buckets.get('b')!.objects.get(`exportedlogs/${id}/s/000000.gz`)!;
    expect(gunzipSync(part.body).toString()).toBe(
      '1970-01-01T00:00:00.020Z m20\n1970-01-01T00:00:00.030Z m30\n1970-01-01T00:00:00.040Z m40\n',
    );
    t.engine.close();
  });

  it('does not export what the retention deleted by the time the task ran', () => {
    const t = setup();
    const day = 86_400_000;
    const group = t.store.region(ACCOUNT, REGION).groups.get('g')!;
    group.streams.get('s')!.events = [
      { timestamp: t.now() - 2 * day, message: 'old', ingestionTime: t.now() },
      { timestamp: t.now() - 3_600_000, message: 'new', ingestionTime: t.now() },
    ];
    const id = t.create({ from: t.now() - 3 * day, to: t.now() });
    // Shortened while the task waits, without any read that would drop the events.
    group.retentionInDays = 1;
    t.advance(3000);
    t.engine.settle(ACCOUNT);
    expect(t.task(id).final?.code).toBe('COMPLETED');
    const part = t.store.buckets.get('b')!.objects.get(`exportedlogs/${id}/s/000000.gz`)!;
    expect(gunzipSync(part.body).toString()).toMatch(/^\S+ new\n$/);
    t.engine.close();
  });

  it('allows one active task per account across Regions', () => {
    const t = setup();
    t.store
      .region(ACCOUNT, 'us-west-2')
      .groups.set('g', { name: 'g', creationTime: 0, streams: new Map(), storedBytes: 0 });
    t.create();
    expect(codeOf(t.create)).toBe('LimitExceededException: Resource limit exceeded.');
    expect(
      codeOf(() =>
        t.engine.create(t.ctx('us-west-2'), { logGroupName: 'g', from: 1, to: 2, destination: 'b' }),
      ),
    ).toBe('LimitExceededException: Resource limit exceeded.');
    t.advance(3000);
    expect(codeOf(t.create)).toBe('ok');
    t.engine.close();
  });

  it('cancels through PENDING_CANCEL to CANCELLED and writes nothing afterwards', () => {
    const t = setup();
    const id = t.create();
    t.advance(1500);
    t.engine.cancel(t.ctx(), { taskId: id });
    expect(statusOf(t.task(id), t.now()).code).toBe('PENDING_CANCEL');
    expect(codeOf(() => t.engine.cancel(t.ctx(), { taskId: id }))).toBe(
      'InvalidOperationException: The specified export task has already finished',
    );
    t.advance(10_000);
    t.engine.settle(ACCOUNT);
    expect(statusOf(t.task(id), t.now()).code).toBe('CANCELLED');
    expect([...t.store.buckets.get('b')!.objects.keys()]).toEqual(['exportedlogs/aws-logs-write-test']);
    expect(codeOf(() => t.engine.cancel(t.ctx(), { taskId: 'nope' }))).toBe(
      'ResourceNotFoundException: The specified export task does not exist.',
    );
    t.engine.close();
  });

  it('fails the task when the bucket policy disappears while it runs', () => {
    const t = setup();
    const id = t.create();
    t.advance(1500);
    delete t.store.buckets.get('b')!.policy;
    t.advance(2000);
    t.engine.settle(ACCOUNT);
    expect(t.task(id).final?.code).toBe('FAILED');
    expect(t.task(id).final?.message).toMatch(/GetBucketAcl call on the given bucket failed/);
    t.engine.close();
  });

  it('rejects bad ranges, unknown groups and buckets, other Regions and missing policies', () => {
    const t = setup();
    expect(codeOf(() => t.create({ from: 40, to: 40 }))).toMatch(
      /^InvalidParameterException: .*from value is lesser than the to value/,
    );
    expect(codeOf(() => t.create({ from: -1 }))).toMatch(/^InvalidParameterException/);
    expect(codeOf(() => t.create({ logGroupName: 'nope' }))).toBe(
      'ResourceNotFoundException: The specified log group does not exist.',
    );
    expect(codeOf(() => t.create({ destination: 'nope' }))).toBe(
      'InvalidParameterException: The given bucket does not exist. Please make sure the bucket is valid.',
    );
    t.store.buckets.get('b')!.region = 'us-west-2';
    expect(codeOf(() => t.create())).toMatch(/^InvalidParameterException: .*us-west-2/);
    t.store.buckets.get('b')!.region = REGION;
    delete t.store.buckets.get('b')!.policy;
    expect(codeOf(() => t.create())).toMatch(
      /^InvalidParameterException: GetBucketAcl call on the given bucket failed/,
    );
    expect(codeOf(() => t.create({ logGroupName: 'bad:name' }))).toMatch(
      /Member must satisfy regular expression pattern/,
    );
    expect(codeOf(() => t.create({ destinationPrefix: 'x'.repeat(1000) }))).toMatch(
      /^InvalidParameterException/,
    );
  });

  it('pages newest first with a token that survives new tasks', () => {
    const t = setup();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push(t.create());
      t.advance(3000);
    }
    const page1 = t.engine.describe(t.ctx(), { limit: 3 }) as {
      exportTasks: Array<{ taskId: string }>;
      nextToken?: string;
    };
    expect(page1.exportTasks.map((x) => x.taskId)).toEqual(ids.slice(4).reverse());
    ids.push(t.create());
    const page2 = t.engine.describe(t.ctx(), { limit: 3, nextToken: page1.nextToken }) as typeof page1;
    expect(page2.exportTasks.map((x) => x.taskId)).toEqual(ids.slice(1, 4).reverse());
    const page3 = t.engine.describe(t.ctx(), { limit: 3, nextToken: page2.nextToken }) as typeof page1;
    expect(page3.exportTasks.map((x) => x.taskId)).toEqual([ids[0]]);
    expect(page3.nextToken).toBeUndefined();
    const pending = t.engine.describe(t.ctx(), { statusCode: 'PENDING' }) as typeof page1;
    expect(pending.exportTasks.map((x) => x.taskId)).toEqual([ids[7]]);
    expect(t.engine.describe(t.ctx(), { taskId: 'unknown' })).toEqual({ exportTasks: [] });
    t.engine.close();
  });
});
