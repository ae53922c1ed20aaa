import { bulkCreateTasks } from './export-bulk';
import { writeExportObjects, writeProbe } from './export-writer';
import { appendEvents } from './logs-context';
import { createRng } from './prng';
import { PRIMARY_GROUPS, SECONDARY_GROUPS, type SeedGroup, seedMessage } from './seed-data';
import type { Store } from './state';

const DAY = 86_400_000;

export interface SeedOptions {
  accountId: string;
  region: string;
  now: number;
}

/** The bucket policy AWS's guide recommends today, with the confused-deputy conditions. */
export function recommendedPolicy(bucket: string, region: string, accountId: string): string {
  const condition = {
    StringEquals: { 'aws:SourceAccount': [accountId] },
    ArnLike: { 'aws:SourceArn': [`arn:aws:logs:${region}:${accountId}:log-group:*`] },
  };
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowCloudWatchLogsGetBucketAcl',
          Effect: 'Allow',
          Principal: { Service: `logs.${region}.amazonaws.com` },
          Action: 's3:GetBucketAcl',
          Resource: `arn:aws:s3:::${bucket}`,
          Condition: condition,
        },
        {
          Sid: 'AllowCloudWatchLogsPutObject',
          Effect: 'Allow',
          Principal: { Service: `logs.${region}.amazonaws.com` },
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::${bucket}/*`,
          Condition: {
            ...condition,
            StringEquals: { ...condition.StringEquals, 's3:x-amz-acl': 'bucket-owner-full-control' },
          },
        },
      ],
    },
    null,
    2,
  );
}

function hashName(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

function seedGroups(
  store: Store,
  accountId: string,
  region: string,
  groups: SeedGroup[],
  now: number,
): number {
  const r = store.region(accountId, region);
  let total = 0;
  for (const spec of groups) {
    const rng = createRng(hashName(spec.name));
    const group = {
      name: spec.name,
      creationTime: now - spec.createdDaysAgo * DAY - Math.floor(rng() * DAY),
      ...(spec.retentionInDays !== undefined ? { retentionInDays: spec.retentionInDays } : {}),
      streams: new Map(),
      storedBytes: 0,
    };
    r.groups.set(spec.name, group);
    // Data spans the last 14 days, or less when retention would already have dropped it.
    const spanMs = Math.min(14, spec.retentionInDays ?? 14) * DAY;
    for (const streamName of spec.streams) {
      const stream = {
        name: streamName,
        creationTime: Math.max(group.creationTime, now - spanMs - DAY),
        events: [],
        sorted: true,
        storedBytes: 0,
      };
      group.streams.set(streamName, stream);
      const step = (spanMs - 300_000) / Math.max(1, spec.events);
      let ts = now - spanMs;
      const events: Array<{ timestamp: number; message: string }> = [];
      for (let i = 0; i < spec.events; i++) {
        ts += Math.max(1, Math.floor(step * (0.2 + rng() * 1.6)));
        events.push({ timestamp: Math.min(ts, now - 60_000), message: seedMessage(spec.kind, rng, i, ts) });
      }
      appendEvents(group, stream, events, now - 30_000);
      total += events.length;
    }
  }
  return total;
}

/** Replaces the account's data with the sample set; the same names and ids on every run. */
export function seedStore(store: Store, options: SeedOptions): Record<string, unknown> {
  const { accountId, region, now } = options;
  const secondary = region === 'us-west-2' ? 'us-east-1' : 'us-west-2';
  store.reset();
  const events =
    seedGroups(store, accountId, region, PRIMARY_GROUPS, now) +
    seedGroups(store, accountId, secondary, SECONDARY_GROUPS, now);
  const bucket = (name: string, bucketRegion: string, policy?: string, encryption?: string) =>
    store.buckets.set(name, {
      name,
      region: bucketRegion,
      owner: accountId,
      creationDate: now - 90 * DAY,
      objects: new Map(),
      ...(policy !== undefined ? { policy } : {}),
      ...(encryption !== undefined ? { encryption } : {}),
    });
  bucket('logport-exports', region, recommendedPolicy('logport-exports', region, accountId));
  bucket('my-exported-logs', region);
  bucket('logport-exports-west', secondary, recommendedPolicy('logport-exports-west', secondary, accountId));
  const keyArn = `arn:aws:kms:${region}:${accountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  bucket(
    'logport-exports-kms',
    region,
    recommendedPolicy('logport-exports-kms', region, accountId),
    `<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>${keyArn}</KMSMasterKeyID></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`,
  );
  const names = PRIMARY_GROUPS.filter((g) => g.events > 0).map((g) => g.name);
  const history = [
    { count: 126, destination: 'logport-exports', seed: 1 },
    { count: 10, destination: 'my-exported-logs', seed: 2, statuses: ['FAILED' as const] },
    { count: 8, destination: 'logport-exports-kms', seed: 3 },
  ];
  let tasks = 0;
  for (const h of history) {
    tasks += bulkCreateTasks(store, {
      accountId,
      region,
      now,
      spanDays: 150,
      logGroupNames: names,
      ...h,
    });
  }
  // The newest finished one-day exports over seeded events get their files, so a download can be tried at once.
  const primary = store.region(accountId, region);
  const withFiles = primary.tasks
    .filter((t) => t.final?.code === 'COMPLETED' && t.to - t.from <= DAY && t.from >= now - 13 * DAY)
    .slice(-8);
  for (const task of withFiles) {
    const group = primary.groups.get(task.logGroupName);
    const target = store.buckets.get(task.destination);
    if (!group || !target) continue;
    writeProbe(store, target, task.destinationPrefix);
    writeExportObjects(store, task, group, target);
  }
  tasks += bulkCreateTasks(store, {
    accountId,
    region: secondary,
    now,
    count: 6,
    spanDays: 60,
    destination: 'logport-exports-west',
    logGroupNames: SECONDARY_GROUPS.map((g) => g.name),
    seed: 4,
  });
  store.changed();
  return {
    region,
    secondaryRegion: secondary,
    logGroups: PRIMARY_GROUPS.length + SECONDARY_GROUPS.length,
    events,
    buckets: 4,
    exportTasks: tasks,
  };
}
