import 'server-only';
import type { Selectable } from 'kysely';
import { DEFAULT_ACCOUNT } from '@/lib/accounts/types';
import { getDb } from '@/lib/db';
import type { RuleTable } from '@/lib/db/tables';
import { DEFAULT_BEHIND_MINUTES } from './schema';
import type { Rule, RuleInput } from './types';

/** Rules as rows: the name and switches in columns, the rest of the definition as JSON. */

type Definition = Omit<RuleInput, 'name' | 'region' | 'enabled' | 'backfillFrom' | 'bucket'> & {
  backfillFrom: string;
  bucket: string;
};

export function toRule(r: Selectable<RuleTable>): Rule {
  const d = JSON.parse(r.definition) as Definition;
  return {
    id: r.id,
    name: r.name,
    // Rules saved before accounts existed run in the default account, in their one Region.
    accounts: d.accounts ?? [DEFAULT_ACCOUNT],
    regions: d.regions ?? [r.region],
    region: r.region,
    logGroups: d.logGroups,
    exclude: d.exclude ?? [],
    bucket: d.bucket,
    buckets: d.buckets ?? {},
    prefixTemplate: d.prefixTemplate,
    every: d.every,
    timeZone: d.timeZone,
    settleMinutes: d.settleMinutes,
    backfillFrom: d.backfillFrom,
    behindAfterMinutes: d.behindAfterMinutes ?? DEFAULT_BEHIND_MINUTES,
    enabled: r.enabled === 1,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export function definitionOf(
  rule: Omit<Rule, 'id' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>,
): string {
  const d: Definition = {
    accounts: rule.accounts,
    regions: rule.regions,
    buckets: rule.buckets,
    logGroups: rule.logGroups,
    exclude: rule.exclude,
    bucket: rule.bucket,
    prefixTemplate: rule.prefixTemplate,
    every: rule.every,
    timeZone: rule.timeZone,
    settleMinutes: rule.settleMinutes,
    backfillFrom: rule.backfillFrom,
    behindAfterMinutes: rule.behindAfterMinutes ?? DEFAULT_BEHIND_MINUTES,
  };
  return JSON.stringify(d);
}

export const nameKey = (name: string) => name.trim().toLowerCase();

export async function listRuleRows(filter: { region?: string; account?: string } = {}): Promise<Rule[]> {
  const db = await getDb();
  let q = db.selectFrom('rules').selectAll();
  if (filter.region) q = q.where('region', '=', filter.region);
  if (filter.account) q = q.where('account', '=', filter.account);
  return (await q.orderBy('name_key').execute()).map(toRule);
}

export async function getRuleRow(id: string): Promise<Rule | null> {
  const db = await getDb();
  const row = await db.selectFrom('rules').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRule(row) : null;
}

export async function ruleNameTaken(name: string, exceptId?: string): Promise<boolean> {
  const db = await getDb();
  let q = db.selectFrom('rules').select('id').where('name_key', '=', nameKey(name));
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Marks the rule for a tag read at the next tick (rule saved, "refresh now"). */
export async function wantTags(id: string, at = Date.now()): Promise<void> {
  const db = await getDb();
  await db.updateTable('rules').set({ tags_wanted_at: at }).where('id', '=', id).execute();
}

/** The bucket a rule exports a Region's log groups to (a bucket must be in its log group's Region). */
export function bucketFor(rule: Pick<Rule, 'bucket' | 'buckets'>, region: string): string {
  return rule.buckets[region] ?? rule.bucket;
}

/**
 * The (account, Region) pairs a rule runs in, given the configured accounts: its accounts (`*`: all), each in the
 * rule's Regions that the account has (none named: the account's first Region).
 */
export function ruleTargets(
  rule: Pick<Rule, 'accounts' | 'regions'>,
  accounts: ReadonlyArray<{ name: string; regions: readonly string[] }>,
): Array<{ account: string; region: string }> {
  const chosen = rule.accounts === '*' ? accounts : accounts.filter((a) => rule.accounts.includes(a.name));
  return chosen.flatMap((a) => {
    const regions =
      rule.regions.length > 0 ? rule.regions.filter((r) => a.regions.includes(r)) : a.regions.slice(0, 1);
    return regions.map((region) => ({ account: a.name, region }));
  });
}
