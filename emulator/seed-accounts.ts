import { bulkCreateTasks } from './export-bulk';
import { putRole } from './iam';
import type { SeedGroup } from './seed-data';
import { seedGroups } from './seed-groups';
import type { Store } from './state';

// The sample estate beyond the seed's own account: member accounts "prod" and "staging", each with a role
// `LogportExporter` the seed's account may assume, and in the seed's account one central archive bucket per
// Region whose policy lets prod export but not staging yet (so the policy generator has something to fix).

const DAY = 86_400_000;

export interface SeedAccount {
  name: string;
  accountId: string;
  regions: string[];
}

export const SEED_ACCOUNTS: SeedAccount[] = [
  { name: 'prod', accountId: '111111111111', regions: ['us-east-2', 'us-west-2'] },
  { name: 'staging', accountId: '222222222222', regions: ['us-east-2'] },
];

export const EXPORTER_ROLE = 'LogportExporter';

/** One archive bucket per Region: an export's bucket must be in its log group's Region. */
export const CENTRAL_BUCKETS: Record<string, string> = {
  'us-east-2': 'central-archive-use2',
  'us-west-2': 'central-archive-usw2',
};

/** Accounts allowed into the central buckets by the seeded policy: prod only, staging still missing. */
const CENTRAL_MEMBERS = ['111111111111'];

const lambda = (n: number, salt: string) =>
  Array.from({ length: n }, (_, i) => `2026/01/${String(12 + i).padStart(2, '0')}/[$LATEST]${salt}${i}`);

const MEMBER_GROUPS: Record<string, Record<string, SeedGroup[]>> = {
  '111111111111': {
    'us-east-2': [
      group(
        '/aws/lambda/orders-api',
        'lambda',
        lambda(2, 'a1b2c3d4e5f60718293a4b5c6d7e8f9'),
        1500,
        30,
        'true',
      ),
      group('/ecs/checkout-service', 'ecs', ['ecs/checkout/7d6c5b4a39281706'], 1500, 90, 'true'),
      group('/aws/rds/instance/orders-db/postgresql', 'rds', ['orders-db.0'], 800, 30),
      group('/vpc/flow-logs/prod', 'vpc', ['eni-0b2c3d4e5f6071829-all'], 1500, 365, 'false'),
    ],
    'us-west-2': [
      group(
        '/aws/lambda/orders-api-west',
        'lambda',
        lambda(1, 'f9e8d7c6b5a4938271605f4e3d2c1b0'),
        1000,
        30,
        'true',
      ),
      group('/ecs/edge-proxy', 'ecs', ['ecs/edge/1f2e3d4c5b6a7980'], 800, 14),
    ],
  },
  '222222222222': {
    'us-east-2': [
      group(
        '/aws/lambda/orders-api',
        'lambda',
        lambda(1, '0a9b8c7d6e5f40312a3b4c5d6e7f8091'),
        800,
        14,
        'true',
      ),
      group('/ecs/checkout-service', 'ecs', ['ecs/checkout/0f1e2d3c4b5a6978'], 800, 30),
      group('/app/smoke-tests', 'generic', ['nightly'], 300, 14, 'true'),
    ],
  },
};

function group(
  name: string,
  kind: SeedGroup['kind'],
  streams: string[],
  events: number,
  retentionInDays: number,
  archive?: string,
): SeedGroup {
  return {
    name,
    kind,
    streams,
    events,
    retentionInDays,
    createdDaysAgo: 60,
    ...(archive !== undefined ? { tags: { archive } } : {}),
  };
}

/** Trust policy naming the account Logport runs in (its root: any identity there its IAM lets assume). */
export function exporterTrustPolicy(trustedAccountId: string): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${trustedAccountId}:root` },
          Action: 'sts:AssumeRole',
        },
      ],
    },
    null,
    2,
  );
}

/**
 * The central archive policy: CloudWatch Logs of the Region may check and write for the member accounts
 * (aws:SourceAccount and aws:SourceArn, as AWS's guide asks), and each member's exporter role may PutObject.
 */
export function centralArchivePolicy(bucket: string, region: string, members: string[]): string {
  const source = {
    StringEquals: { 'aws:SourceAccount': members },
    ArnLike: { 'aws:SourceArn': members.map((a) => `arn:aws:logs:${region}:${a}:log-group:*`) },
  };
  const acl = 'bucket-owner-full-control';
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AWSLogsGetBucketAcl',
          Effect: 'Allow',
          Principal: { Service: `logs.${region}.amazonaws.com` },
          Action: 's3:GetBucketAcl',
          Resource: `arn:aws:s3:::${bucket}`,
          Condition: source,
        },
        {
          Sid: 'AWSLogsPutObject',
          Effect: 'Allow',
          Principal: { Service: `logs.${region}.amazonaws.com` },
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::${bucket}/*`,
          Condition: { ...source, StringEquals: { ...source.StringEquals, 's3:x-amz-acl': acl } },
        },
        {
          Sid: 'MemberExportersPutObject',
          Effect: 'Allow',
          Principal: { AWS: members.map((a) => `arn:aws:iam::${a}:role/${EXPORTER_ROLE}`) },
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::${bucket}/*`,
          Condition: { StringEquals: { 's3:x-amz-acl': acl } },
        },
      ],
    },
    null,
    2,
  );
}

/** Seeds the member accounts and the central buckets; the seed's own account is `centralAccountId`. */
export function seedMemberAccounts(store: Store, centralAccountId: string, now: number) {
  let events = 0;
  let exportTasks = 0;
  for (const [region, bucket] of Object.entries(CENTRAL_BUCKETS)) {
    store.buckets.set(bucket, {
      name: bucket,
      region,
      owner: centralAccountId,
      creationDate: now - 120 * DAY,
      objects: new Map(),
      policy: centralArchivePolicy(bucket, region, CENTRAL_MEMBERS),
    });
  }
  const accounts = SEED_ACCOUNTS.map((account, index) => {
    putRole(
      store,
      account.accountId,
      {
        roleName: EXPORTER_ROLE,
        trustPolicy: exporterTrustPolicy(centralAccountId),
        description: 'Lets Logport in the central account export this account’s logs',
      },
      now - 30 * DAY,
    );
    let logGroups = 0;
    for (const region of account.regions) {
      const groups = MEMBER_GROUPS[account.accountId]?.[region] ?? [];
      events += seedGroups(store, account.accountId, region, groups, now, account.name);
      logGroups += groups.length;
      // A short history into the central bucket: finished for prod, refused for staging (not in the policy).
      const allowed = CENTRAL_MEMBERS.includes(account.accountId);
      exportTasks += bulkCreateTasks(store, {
        accountId: account.accountId,
        region,
        now,
        count: allowed ? 10 : 3,
        spanDays: 30,
        destination: CENTRAL_BUCKETS[region] ?? 'central-archive-use2',
        logGroupNames: groups.map((g) => g.name),
        ...(allowed ? {} : { statuses: ['FAILED' as const] }),
        seed: 100 + index * 10 + account.regions.indexOf(region),
      });
    }
    return {
      name: account.name,
      accountId: account.accountId,
      regions: account.regions,
      roleArn: `arn:aws:iam::${account.accountId}:role/${EXPORTER_ROLE}`,
      logGroups,
    };
  });
  return { accounts, centralBuckets: CENTRAL_BUCKETS, events, exportTasks };
}
