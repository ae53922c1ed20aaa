import 'server-only';
import { DescribeLogGroupsCommand, ListTagsForResourceCommand } from '@aws-sdk/client-cloudwatch-logs';
import { logsClient } from '@/lib/aws/clients';
import { mapAwsError } from '@/lib/aws/errors';
import { getDb } from '@/lib/db';

/**
 * The account's log groups as the scheduler last listed them (name, creation, retention, size, tags), kept in
 * the store so coverage pages and the rules list read them without calling AWS. Listed again every scheduler
 * tick, so new groups are picked up and deleted ones stop (`gone_at`). Tags cost one ListTagsForResource per
 * group, so they are read at most every TAGS_TTL_MS, or at once when asked (a rule saved, "refresh now").
 */
export const TAGS_TTL_MS = 15 * 60_000;

export type Scope = { account: string; region: string };

export type CachedGroup = {
  name: string;
  arn: string | null;
  createdAt: number | null;
  retentionDays: number | null;
  storedBytes: number | null;
  tags: Record<string, string> | null;
  tagsReadAt: number | null;
};

/** ListTagsForResource takes the ARN without the `:*` that DescribeLogGroups' `arn` ends with. */
export function tagArn(arn: string): string {
  return arn.endsWith(':*') ? arn.slice(0, -2) : arn;
}

/**
 * Lists every log group of the Region into the store; returns the AWS calls made. Only what changed is written
 * (a tick over 1,000 unchanged groups writes nothing).
 */
export async function syncLogGroups(
  scope: Scope,
  now = Date.now(),
): Promise<{ calls: number; groups: number }> {
  const db = await getDb();
  const stored = new Map(
    (
      await db
        .selectFrom('log_groups')
        .select(['name', 'arn', 'created_at', 'retention_days', 'stored_bytes', 'log_group_class', 'gone_at'])
        .where('account', '=', scope.account)
        .where('region', '=', scope.region)
        .execute()
    ).map((r) => [r.name, r]),
  );
  const listed = new Set<string>();
  let nextToken: string | undefined;
  let calls = 0;
  do {
    const out = await logsClient(scope).send(new DescribeLogGroupsCommand({ nextToken, limit: 50 }));
    calls++;
    for (const g of out.logGroups ?? []) {
      if (!g.logGroupName || listed.has(g.logGroupName)) continue;
      listed.add(g.logGroupName);
      const row = {
        arn: g.logGroupArn ?? (g.arn ? tagArn(g.arn) : null),
        created_at: g.creationTime ?? null,
        retention_days: g.retentionInDays ?? null,
        stored_bytes: g.storedBytes ?? null,
        log_group_class: g.logGroupClass ?? null,
        gone_at: null,
      };
      const old = stored.get(g.logGroupName);
      if (old && (Object.keys(row) as (keyof typeof row)[]).every((k) => old[k] === row[k])) continue;
      await db
        .insertInto('log_groups')
        .values({ ...scope, name: g.logGroupName, ...row, seen_at: now })
        .onConflict((oc) => oc.columns(['account', 'region', 'name']).doUpdateSet({ ...row, seen_at: now }))
        .execute();
    }
    nextToken = out.nextToken ?? undefined;
  } while (nextToken);
  // Not listed this time: deleted (a rule stops exporting it; its coverage history stays).
  const gone = [...stored.values()]
    .filter((r) => r.gone_at === null && !listed.has(r.name))
    .map((r) => r.name);
  for (let i = 0; i < gone.length; i += 500) {
    await db
      .updateTable('log_groups')
      .set({ gone_at: now })
      .where('account', '=', scope.account)
      .where('region', '=', scope.region)
      .where('name', 'in', gone.slice(i, i + 500))
      .execute();
  }
  return { calls, groups: listed.size };
}

function toCached(r: {
  name: string;
  arn: string | null;
  created_at: number | null;
  retention_days: number | null;
  stored_bytes: number | null;
  tags: string | null;
  tags_read_at: number | null;
}): CachedGroup {
  return {
    name: r.name,
    arn: r.arn,
    createdAt: r.created_at,
    retentionDays: r.retention_days,
    storedBytes: r.stored_bytes,
    tags: r.tags ? (JSON.parse(r.tags) as Record<string, string>) : null,
    tagsReadAt: r.tags_read_at,
  };
}

/** The groups that exist now (listed at the last sync), by name. */
export async function cachedGroups(scope: Scope): Promise<CachedGroup[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom('log_groups')
    .select(['name', 'arn', 'created_at', 'retention_days', 'stored_bytes', 'tags', 'tags_read_at'])
    .where('account', '=', scope.account)
    .where('region', '=', scope.region)
    .where('gone_at', 'is', null)
    .orderBy('name')
    .execute();
  return rows.map(toCached);
}

/** One group's cached facts, existing or not (coverage of a deleted group still needs its retention). */
export async function cachedGroup(scope: Scope, name: string): Promise<CachedGroup | null> {
  const db = await getDb();
  const row = await db
    .selectFrom('log_groups')
    .select(['name', 'arn', 'created_at', 'retention_days', 'stored_bytes', 'tags', 'tags_read_at'])
    .where('account', '=', scope.account)
    .where('region', '=', scope.region)
    .where('name', '=', name)
    .executeTakeFirst();
  return row ? toCached(row) : null;
}

const TAG_CONCURRENCY = 4;

/**
 * Reads the tags of the groups whose tags are older than the TTL (all of them when `force`). A group whose
 * tags cannot be read keeps its old ones; throttling stops the round (the next tick goes on). Returns the
 * AWS calls made.
 */
export async function refreshTags(
  scope: Scope,
  groups: CachedGroup[],
  { now = Date.now(), force = false }: { now?: number; force?: boolean } = {},
): Promise<number> {
  const stale = groups.filter(
    (g) => g.arn && (force || g.tagsReadAt === null || now - g.tagsReadAt >= TAGS_TTL_MS),
  );
  const db = await getDb();
  let calls = 0;
  let throttled = false;
  let next = 0;
  const work = async () => {
    while (!throttled && next < stale.length) {
      const g = stale[next++];
      if (!g?.arn) continue;
      try {
        calls++;
        const out = await logsClient(scope).send(new ListTagsForResourceCommand({ resourceArn: g.arn }));
        await db
          .updateTable('log_groups')
          .set({ tags: JSON.stringify(out.tags ?? {}), tags_read_at: now })
          .where('account', '=', scope.account)
          .where('region', '=', scope.region)
          .where('name', '=', g.name)
          .execute();
      } catch (err) {
        const mapped = mapAwsError(err);
        if (mapped.code === 'awsThrottled') throttled = true;
        else if (mapped.code !== 'logGroupNotFound') console.error(`[tags] ${g.name}: ${mapped.code}`);
      }
    }
  };
  await Promise.all(Array.from({ length: TAG_CONCURRENCY }, work));
  return calls;
}
