import 'server-only';
import { getIdentity } from '@/lib/aws/identity';
import { coverageOverview } from '@/lib/coverage/service';
import { getDb } from '@/lib/db';
import { listExportTasks } from '@/lib/export-tasks/list';
import { holdsExportSlot } from '@/lib/export-tasks/status';
import { listRules } from '@/lib/rules/service';
import { accountsFor } from './scope';
import type { AccountAccess, Scope } from './types';

/**
 * The estate at a glance (GET /api/accounts, /accounts): each account the user may see and, per Region, whether
 * Logport can reach it (and why not), the active export, what waits in its queue, failures in the last day,
 * and the coverage of each rule there. AWS is asked through the shared, cached answers (the identity and the
 * newest task at most every 30 s per account and Region), so the cost follows the accounts watched, not the
 * number of people watching.
 */
export type RegionStatus = {
  region: string;
  reachable: boolean;
  error: string | null;
  errorCode: string | null;
  activeTaskId: string | null;
  queued: number;
  failed24h: number;
  rules: Array<{ id: string; name: string; coveragePct: number | null }>;
};
export type AccountStatus = { name: string; id: string | null; regions: RegionStatus[] };

const DAY = 86_400_000;
const COVERAGE_DAYS = 7;
/** The page polls every 30 s (components/accounts/queries.ts): an identity that old is fresh enough here. */
const OVERVIEW_MAX_AGE_MS = 30_000;

async function queueCounts(): Promise<Map<string, { queued: number; failed24h: number }>> {
  const db = await getDb();
  const since = Date.now() - DAY;
  const rows = await db
    .selectFrom('queue_jobs')
    .select(['account', 'region', 'state', (eb) => eb.fn.countAll().as('n')])
    .where((eb) =>
      eb.or([
        eb('state', 'in', ['queued', 'submitting']),
        eb.and([eb('state', '=', 'failed'), eb('finished_at', '>', since)]),
      ]),
    )
    .groupBy(['account', 'region', 'state'])
    .execute();
  const out = new Map<string, { queued: number; failed24h: number }>();
  for (const r of rows) {
    const key = `${r.account}|${r.region}`;
    const c = out.get(key) ?? { queued: 0, failed24h: 0 };
    if (r.state === 'failed') c.failed24h += Number(r.n);
    else c.queued += Number(r.n);
    out.set(key, c);
  }
  return out;
}

async function regionStatus(
  scope: Scope,
  counts: Map<string, { queued: number; failed24h: number }>,
  access: AccountAccess | undefined,
  words: (code: string) => string,
): Promise<RegionStatus> {
  const identity = await getIdentity(scope, OVERVIEW_MAX_AGE_MS);
  const c = counts.get(`${scope.account}|${scope.region}`) ?? { queued: 0, failed24h: 0 };
  let activeTaskId: string | null = null;
  if (!identity.error) {
    try {
      // AWS allows one active export per account, and none can start while it runs: if there is one, it is
      // the newest task. The idle history table watches the same shared answer.
      const newest = (await listExportTasks({ ...scope, limit: 1 }, 'head')).tasks[0];
      activeTaskId = newest && holdsExportSlot(newest.status) ? newest.taskId : null;
    } catch {
      // Reachable a moment ago, failing now: the identity check will say so on the next look.
    }
  }
  const now = Date.now();
  const rules = await listRules({ scope, access });
  const coverage = await Promise.all(
    rules.map(async ({ rule }) => {
      const overview = await coverageOverview({
        scope,
        access,
        ruleId: rule.id,
        from: now - COVERAGE_DAYS * DAY,
        to: now,
        unit: 'day',
        now,
      });
      return { id: rule.id, name: rule.name, coveragePct: overview.totals.percent };
    }),
  );
  return {
    region: scope.region,
    reachable: identity.error === null,
    error: identity.error ? words(identity.error) : null,
    errorCode: identity.error,
    activeTaskId,
    queued: c.queued,
    failed24h: c.failed24h,
    rules: coverage,
  };
}

export async function accountsOverview(
  access: AccountAccess | undefined,
  words: (code: string) => string,
): Promise<AccountStatus[]> {
  const [accounts, counts] = await Promise.all([accountsFor(access), queueCounts()]);
  return Promise.all(
    accounts.map(async (a) => {
      const regions = await Promise.all(
        a.regions.map((region) => regionStatus({ account: a.name, region }, counts, access, words)),
      );
      // The default account's id is whoever the ambient credentials are (STS, cached).
      return { name: a.name, id: a.id ?? (await idOf(a.name, a.regions[0])), regions };
    }),
  );
}

async function idOf(account: string, region: string | undefined): Promise<string | null> {
  if (!region) return null;
  return (await getIdentity({ account, region }, OVERVIEW_MAX_AGE_MS)).account;
}
