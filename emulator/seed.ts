import { bulkCreateTasks } from './export-bulk';
import { writeExportObjects, writeProbe } from './export-writer';
import { seedMemberAccounts } from './seed-accounts';
import { PRIMARY_GROUPS, SECONDARY_GROUPS } from './seed-data';
import { seedGroups } from './seed-groups';
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
  // Other accounts reached by roles, and the central archive buckets this account holds.
  const estate = seedMemberAccounts(store, accountId, now);
  store.changed();
  return {
    region,
    secondaryRegion: secondary,
    logGroups: PRIMARY_GROUPS.length + SECONDARY_GROUPS.length,
    events,
    buckets: 4 + Object.keys(estate.centralBuckets).length,
    exportTasks: tasks,
    accounts: estate.accounts,
    centralBuckets: estate.centralBuckets,
    memberEvents: estate.events,
    memberExportTasks: estate.exportTasks,
  };
}
