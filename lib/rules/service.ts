import 'server-only';
import { randomUUID } from 'node:crypto';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { listAccounts } from '@/lib/accounts/registry';
import { type AccountAccess, DEFAULT_ACCOUNT, mayAccess, type Scope } from '@/lib/accounts/types';
import { type ActionError, type ActionResult, fail, ok } from '@/lib/action-result';
import { recordActivity } from '@/lib/audit';
import type { Caller } from '@/lib/auth/require-role';
import { logsClient } from '@/lib/aws/clients';
import { getIdentity } from '@/lib/aws/identity';
import { getDb, transaction } from '@/lib/db';
import { fieldErrorsOf } from '@/lib/export-tasks/create-schema';
import { cachedGroups, refreshTags, syncLogGroups } from '@/lib/log-groups/cache';
import { runPreflight } from '@/lib/preflight';
import type { PreflightResult } from '@/lib/preflight/types';
import { requestSchedulerRun } from './run';
import { DEFAULT_BEHIND_MINUTES, ruleInputSchema } from './schema';
import { selectGroups } from './select';
import {
  definitionOf,
  getRuleRow,
  listRuleRows,
  nameKey,
  ruleNameTaken,
  ruleTargets,
  wantTags,
} from './store';
import { renderPrefix } from './template';
import type { Rule, RuleStats, RuleView, Selection } from './types';
import { nextDueAt, windowAt } from './windows';

export type RuleSaveResult = { ok: true; data: Rule } | (ActionError & { preflight?: PreflightResult });

function today(timeZone: string, now = Date.now()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(now));
}

/** The groups a selection matches now (for the form's preview and the preflight): live for names and prefixes. */
export async function previewGroups(
  scope: Scope,
  selection: Selection,
  exclude: readonly string[],
): Promise<{ names: string[]; total: number }> {
  let names: string[];
  if ('names' in selection) {
    names = selection.names;
  } else if ('prefix' in selection) {
    const found: string[] = [];
    let nextToken: string | undefined;
    // A prefix is matched by AWS; a few pages are enough for a preview and a representative check.
    for (let i = 0; i < 4; i++) {
      const out = await logsClient(scope).send(
        new DescribeLogGroupsCommand({ logGroupNamePrefix: selection.prefix, nextToken, limit: 50 }),
      );
      found.push(...(out.logGroups ?? []).flatMap((g) => (g.logGroupName ? [g.logGroupName] : [])));
      if (!out.nextToken) break;
      nextToken = out.nextToken;
    }
    names = found;
  } else {
    let groups = await cachedGroups(scope);
    // The mirror is filled by scheduler ticks, which run only once a rule exists: the first rule's preview (and
    // its save's preflight) reads the groups itself. Tags never read are read now; stale ones are the
    // scheduler's (every 15 min), so a preview costs AWS nothing once the mirror is warm.
    if (groups.length === 0) {
      await syncLogGroups(scope);
      groups = await cachedGroups(scope);
    }
    if (
      (await refreshTags(
        scope,
        groups.filter((g) => g.tagsReadAt === null),
      )) > 0
    )
      groups = await cachedGroups(scope);
    names = selectGroups(
      selection,
      [],
      groups.map((g) => ({ name: g.name, tags: g.tags })),
    );
  }
  const kept = names.filter((n) => !exclude.includes(n)).sort();
  return { names: kept.slice(0, 100), total: kept.length };
}

type Invalid = ActionError & { fieldErrors: Record<string, string[]> };
const invalid = (field: string, key: string): Invalid => ({
  ...fail('invalidInput'),
  fieldErrors: { [field]: [key] },
});

/** Where a rule runs, checked against the configured accounts and what the saver may reach. */
async function placeRule(
  caller: Caller,
  v: ParsedRule,
  before: Rule | null,
): Promise<{ ok: true; accounts: string[] | '*'; regions: string[]; targets: Scope[] } | Invalid> {
  const all = await listAccounts();
  const accounts = v.accounts ?? before?.accounts ?? [DEFAULT_ACCOUNT];
  if (accounts === '*') {
    // Every account, including ones added later: only for someone who may reach every account.
    if (!(caller.accounts === undefined || caller.accounts === '*'))
      return invalid('accounts', 'rules.errors.accountForbidden');
  } else {
    for (const name of accounts) {
      if (!all.some((a) => a.name === name)) return invalid('accounts', 'rules.errors.accountUnknown');
      if (!mayAccess(caller.accounts, name)) return invalid('accounts', 'rules.errors.accountForbidden');
    }
  }
  const regions = v.regions ?? (v.region ? [v.region] : (before?.regions ?? []));
  const known = new Set(all.flatMap((a) => a.regions));
  if (regions.some((r) => !known.has(r)))
    return invalid(v.regions ? 'regions' : 'region', 'wizard.errors.regionInvalid');
  const targets = ruleTargets({ accounts, regions }, all);
  if (targets.length === 0) return invalid('regions', 'rules.errors.noTargets');
  return { ok: true, accounts, regions, targets };
}

type ParsedRule = ReturnType<typeof ruleInputSchema.parse>;

/**
 * Creates (no id) or changes a rule. Validates with the one rule schema, refuses a name in use, and runs the
 * preflight (bucket, Region, policy, KMS) for every (account, Region) it runs in, against a representative
 * prefix: a rule that cannot work is refused with the fix shown, never saved silently. An export already
 * running is no reason to refuse (the queue waits). The caller's role (admin) is checked by the action or
 * route that calls this; the accounts it may reach are checked here.
 */
export async function saveRule(caller: Caller, input: unknown, id?: string): Promise<RuleSaveResult> {
  const prepared = await prepareRule(caller, input, id);
  if (!prepared.ok) return prepared;
  try {
    await writeRule(caller, prepared.data);
  } catch (err) {
    // Two admins saving the same new name at once: the unique index refuses the second.
    if (isUniqueViolation(err))
      return { ...fail('invalidInput'), fieldErrors: { name: ['rules.errors.nameTaken'] } };
    throw err;
  }
  await afterRulesWritten([prepared.data]);
  return { ok: true, data: prepared.data.rule };
}

export const isUniqueViolation = (err: unknown) =>
  /unique|duplicate/i.test(err instanceof Error ? err.message : '');

/** A rule checked (schema, name, accounts, preflight) and ready to write; nothing is written yet. */
export type PreparedRule = { rule: Rule; before: Rule | null; targets: Scope[] };
export type RulePrepareResult =
  | { ok: true; data: PreparedRule }
  | (ActionError & { preflight?: PreflightResult });

/**
 * Everything saveRule checks, without writing: rules as files (lib/rules/import.ts) check a whole file first and
 * then write every rule in one transaction, so a file with one refused rule changes nothing.
 */
export async function prepareRule(caller: Caller, input: unknown, id?: string): Promise<RulePrepareResult> {
  const parsed = ruleInputSchema.safeParse(input);
  if (!parsed.success) return { ...fail('invalidInput'), fieldErrors: fieldErrorsOf(parsed.error) };
  const v = parsed.data;
  const before = id ? await getRuleRow(id) : null;
  if (id && !before) return fail('ruleNotFound');
  if (before && !ruleVisibleTo(before, caller.accounts)) return fail('ruleNotFound');
  if (await ruleNameTaken(v.name, id)) return invalid('name', 'rules.errors.nameTaken');
  const placed = await placeRule(caller, v, before);
  if (!placed.ok) return placed;
  const { targets } = placed;
  const buckets = v.buckets ?? {};
  const bucket = v.bucket ?? buckets[targets[0]?.region ?? ''] ?? '';
  for (const t of targets)
    if (!(buckets[t.region] ?? v.bucket)) return invalid('buckets', 'rules.errors.bucketForRegion');

  const now = Date.now();
  const backfillFrom = v.backfillFrom ?? before?.backfillFrom ?? today(v.timeZone, now);
  // Every place it runs must work: the preflight per (account, Region), a few at a time.
  for (let i = 0; i < targets.length; i += 4) {
    const results = await Promise.all(
      targets.slice(i, i + 4).map(async (scope) => {
        const groups = await previewGroups(scope, v.logGroups, v.exclude).catch(() => ({
          names: [],
          total: 0,
        }));
        const accountId = (await getIdentity(scope)).account ?? '000000000000';
        const prefix =
          renderPrefix(v.prefixTemplate, {
            logGroup: groups.names[0] ?? 'example',
            account: accountId,
            region: scope.region,
            windowStart: windowAt(now, v.every, v.timeZone).start,
            timeZone: v.timeZone,
          }) ?? 'exportedlogs';
        const preflight = await runPreflight({
          ...scope,
          bucket: buckets[scope.region] ?? bucket,
          prefix,
          logGroupNames: groups.names.slice(0, 5),
          mode: 'queue',
        });
        return { scope, preflight };
      }),
    );
    const refused = results.find((r) => !r.preflight.ok);
    if (refused) return { ...fail('preflightFailed', refused.scope), preflight: refused.preflight };
  }

  const region = targets[0]?.region ?? '';
  const rule: Rule = {
    id: before?.id ?? randomUUID().replace(/-/g, ''),
    name: v.name,
    accounts: placed.accounts,
    regions: placed.regions,
    region,
    logGroups: v.logGroups,
    exclude: v.exclude,
    bucket,
    buckets,
    prefixTemplate: v.prefixTemplate,
    every: v.every,
    timeZone: v.timeZone,
    settleMinutes: v.settleMinutes,
    backfillFrom,
    behindAfterMinutes: v.behindAfterMinutes ?? DEFAULT_BEHIND_MINUTES,
    enabled: v.enabled,
    createdAt: before?.createdAt ?? now,
    createdBy: before?.createdBy ?? caller.name,
    updatedAt: now,
    updatedBy: caller.name,
  };
  return { ok: true, data: { rule, before, targets } };
}

/**
 * Writes a prepared rule and its activity entry (`detail` adds to it, e.g. `{ via: 'import' }`). Inside an outer
 * `transaction` it joins it. Call afterRulesWritten once the transaction committed.
 */
export async function writeRule(
  caller: Caller,
  { rule, before }: PreparedRule,
  detail: Record<string, unknown> = {},
): Promise<void> {
  const now = rule.updatedAt;
  const { backfillFrom, region } = rule;
  await transaction(async (db) => {
    const columns = {
      name: rule.name,
      name_key: nameKey(rule.name),
      region: rule.region,
      definition: definitionOf(rule),
      enabled: rule.enabled ? 1 : 0,
      updated_at: now,
      updated_by: caller.name,
    };
    if (before) {
      await db.updateTable('rules').set(columns).where('id', '=', rule.id).execute();
      // An earlier backfill start or another window length: walk the groups again from the start; the ledger
      // and the history keep every covered window from being exported twice.
      if (
        backfillFrom < before.backfillFrom ||
        rule.every !== before.every ||
        rule.timeZone !== before.timeZone
      )
        await db
          .updateTable('rule_groups')
          .set({ next_start: null })
          .where('rule_id', '=', rule.id)
          .execute();
      if (!rule.enabled && before.enabled) await withdrawQueued(rule.id);
    } else {
      await db
        .insertInto('rules')
        .values({
          id: rule.id,
          ...columns,
          account: DEFAULT_ACCOUNT,
          created_at: now,
          created_by: caller.name,
        })
        .execute();
    }
    await recordActivity(caller, {
      action: before ? 'rule.update' : 'rule.create',
      region,
      target: rule.name,
      outcome: 'ok',
      detail: {
        ruleId: rule.id,
        bucket: rule.bucket,
        every: rule.every,
        ...(before ? { changed: changes(before, rule) } : {}),
        ...detail,
      },
    });
  });
}

/** After the write committed: tags to read, and the scheduler looks at the enabled rules' accounts at once. */
export async function afterRulesWritten(written: readonly PreparedRule[]): Promise<void> {
  const accounts = new Set<string>();
  for (const { rule, targets } of written) {
    if ('tag' in rule.logGroups) await wantTags(rule.id, rule.updatedAt);
    if (rule.enabled) for (const t of targets) accounts.add(t.account);
  }
  for (const account of accounts) requestSchedulerRun(account);
}

function changes(a: Rule, b: Rule): string[] {
  const keys: (keyof Rule)[] = [
    'name',
    'accounts',
    'regions',
    'buckets',
    'logGroups',
    'exclude',
    'bucket',
    'prefixTemplate',
    'every',
    'timeZone',
    'settleMinutes',
    'backfillFrom',
    'behindAfterMinutes',
    'enabled',
  ];
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/**
 * Takes back a rule's windows that never reached AWS (queued, no submission started): their jobs and ledger
 * rows go, and each group's checkpoint moves back to the earliest of them, so a resumed rule exports them.
 */
async function withdrawQueued(ruleId: string): Promise<number> {
  return transaction(async (db) => {
    const rows = await db
      .selectFrom('rule_windows as w')
      .innerJoin('queue_jobs as j', 'j.id', 'w.job_id')
      .select(['w.job_id', 'w.account', 'w.region', 'w.log_group', 'w.window_start'])
      .where('w.rule_id', '=', ruleId)
      .where('j.state', '=', 'queued')
      .where('j.intent_at', 'is', null)
      .execute();
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.job_id);
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await db.deleteFrom('rule_windows').where('job_id', 'in', chunk).execute();
      await db.deleteFrom('queue_jobs').where('id', 'in', chunk).where('state', '=', 'queued').execute();
    }
    const earliest = new Map<string, { account: string; region: string; group: string; start: number }>();
    for (const r of rows) {
      const key = `${r.account}|${r.region}|${r.log_group}`;
      const e = earliest.get(key);
      if (!e || r.window_start < e.start)
        earliest.set(key, {
          account: r.account,
          region: r.region,
          group: r.log_group,
          start: r.window_start,
        });
    }
    for (const e of earliest.values()) {
      await db
        .updateTable('rule_groups')
        .set((eb) => ({
          next_start: eb.fn.coalesce(
            eb.case().when('next_start', '<', e.start).then(eb.ref('next_start')).else(e.start).end(),
            eb.val(e.start),
          ),
        }))
        .where('rule_id', '=', ruleId)
        .where('account', '=', e.account)
        .where('region', '=', e.region)
        .where('log_group', '=', e.group)
        .execute();
    }
    return rows.length;
  });
}

/** A rule by id, as this caller may see it. */
export async function getRule(id: string, access?: AccountAccess): Promise<Rule | null> {
  const rule = await getRuleRow(id);
  return rule && ruleVisibleTo(rule, access) ? rule : null;
}

/** A rule the caller may see: one that runs in an account they may reach (a `*` rule runs in every one). */
export function ruleVisibleTo(rule: Pick<Rule, 'accounts'>, access: AccountAccess | undefined): boolean {
  if (access === undefined || access === '*' || rule.accounts === '*') return true;
  return rule.accounts.some((a) => access.includes(a));
}

/** The rule, when this caller may act on it (else as if it did not exist: no probing of other accounts). */
async function ruleFor(caller: Caller, id: string, change: boolean): Promise<Rule | null> {
  const rule = await getRuleRow(id);
  if (!rule) return null;
  return (change ? ruleEditableBy : ruleVisibleTo)(rule, caller.accounts) ? rule : null;
}

/** The accounts a rule runs in now (for the scheduler to look at it at once). */
async function ruleAccounts(rule: Rule): Promise<string[]> {
  return [...new Set(ruleTargets(rule, await listAccounts()).map((t) => t.account))];
}

export async function deleteRule(caller: Caller, id: string): Promise<ActionResult<{ id: string }>> {
  const rule = await ruleFor(caller, id, true);
  if (!rule) return fail('ruleNotFound');
  await removeRule(caller, rule);
  return ok({ id });
}

/** A rule the caller may change (every account it runs in is one they may reach); rules as files use it too. */
export function ruleEditableBy(rule: Pick<Rule, 'accounts'>, access: AccountAccess | undefined): boolean {
  if (access === undefined || access === '*') return true;
  return rule.accounts !== '*' && rule.accounts.every((a) => access.includes(a));
}

/**
 * Deletes a rule the caller may change (checked by the caller of this) with its activity entry (`detail` adds
 * to it); inside an outer `transaction` it joins it.
 */
export async function removeRule(
  caller: Caller,
  rule: Rule,
  detail: Record<string, unknown> = {},
): Promise<void> {
  const { id } = rule;
  await transaction(async (db) => {
    await withdrawQueued(id);
    // Jobs already in AWS finish as they are; the ledger and checkpoints go with the rule.
    await db.deleteFrom('rule_windows').where('rule_id', '=', id).execute();
    await db.deleteFrom('rule_groups').where('rule_id', '=', id).execute();
    await db.deleteFrom('rules').where('id', '=', id).execute();
    await recordActivity(caller, {
      action: 'rule.delete',
      region: rule.region,
      target: rule.name,
      outcome: 'ok',
      detail: { ruleId: id, ...detail },
    });
  });
}

export async function setRuleEnabled(
  caller: Caller,
  id: string,
  enabled: boolean,
): Promise<ActionResult<{ enabled: boolean }>> {
  const rule = await ruleFor(caller, id, true);
  if (!rule) return fail('ruleNotFound');
  await transaction(async (db) => {
    await db
      .updateTable('rules')
      .set({ enabled: enabled ? 1 : 0, updated_at: Date.now(), updated_by: caller.name })
      .where('id', '=', id)
      .execute();
    if (!enabled) await withdrawQueued(id);
    await recordActivity(caller, {
      action: enabled ? 'rule.enable' : 'rule.disable',
      region: rule.region,
      target: rule.name,
      outcome: 'ok',
      detail: { ruleId: id },
    });
  });
  if (enabled) for (const account of await ruleAccounts(rule)) requestSchedulerRun(account);
  return ok({ enabled });
}

/** "Run now": the scheduler looks at this rule at once instead of at its next tick (operators and up). */
export async function runRuleNow(
  caller: Caller,
  id: string,
): Promise<ActionResult<{ enqueued: number | null }>> {
  const rule = await ruleFor(caller, id, false);
  if (!rule) return fail('ruleNotFound');
  if (!rule.enabled) return fail('ruleDisabled');
  await recordActivity(caller, {
    action: 'rule.run',
    region: rule.region,
    target: rule.name,
    outcome: 'ok',
    detail: { ruleId: id },
  });
  // Only the accounts this caller may reach are run now; the others keep their own tick.
  const accounts = (await ruleAccounts(rule)).filter((a) => mayAccess(caller.accounts, a));
  const counts = await Promise.all(accounts.map((a) => requestSchedulerRun(a, { wait: true })));
  const known = counts.filter((c): c is number => c !== null);
  return ok({ enqueued: known.length > 0 ? known.reduce((a, b) => a + b, 0) : null });
}

/** "Refresh tags now": the next tick reads the tags of every group again. */
export async function refreshRuleTags(
  caller: Caller,
  id: string,
): Promise<ActionResult<{ enqueued: number | null }>> {
  const rule = await ruleFor(caller, id, false);
  if (!rule) return fail('ruleNotFound');
  await wantTags(id);
  return runRuleNow(caller, id);
}

const EMPTY_STATS: RuleStats = {
  groups: 0,
  coveragePct: null,
  queued: 0,
  running: 0,
  failed: 0,
  lastArchivedAt: null,
  nextDueAt: null,
  lastTickAt: null,
};

/**
 * The rules a caller may see, those working in `scope` when given: no counts (the coverage page's rule filter
 * needs names only, and counting a year of jobs per rule is what makes listRules cost).
 */
export async function visibleRules(filter: { scope?: Scope; access?: AccountAccess } = {}): Promise<Rule[]> {
  const accounts = await listAccounts();
  return (await listRuleRows()).filter(
    (r) =>
      ruleVisibleTo(r, filter.access) &&
      (!filter.scope ||
        ruleTargets(r, accounts).some(
          (t) => t.account === filter.scope?.account && t.region === filter.scope.region,
        )),
  );
}

/** The rules with what the list shows beside each: matched groups, the queue's counts, the last archive. */
export async function listRules(filter: { scope?: Scope; access?: AccountAccess } = {}): Promise<RuleView[]> {
  const rules = await visibleRules(filter);
  if (rules.length === 0) return [];
  const db = await getDb();
  const ids = rules.map((r) => r.id);
  const groupCounts = await db
    .selectFrom('rule_groups')
    .select(['rule_id', (eb) => eb.fn.countAll().as('n')])
    .where('rule_id', 'in', ids)
    .where('matched', '=', 1)
    .groupBy('rule_id')
    .execute();
  const jobCounts = await db
    .selectFrom('queue_jobs')
    .select([
      'rule_id',
      'state',
      (eb) => eb.fn.countAll().as('n'),
      (eb) => eb.fn.max('finished_at').as('last'),
    ])
    .where('rule_id', 'in', ids)
    .groupBy(['rule_id', 'state'])
    .execute();
  const ticks = await db.selectFrom('rules').select(['id', 'last_tick_at']).where('id', 'in', ids).execute();
  return rules.map((rule) => {
    const mine = jobCounts.filter((c) => c.rule_id === rule.id);
    const n = (state: string) => Number(mine.find((c) => c.state === state)?.n ?? 0);
    const last = mine.find((c) => c.state === 'completed')?.last;
    // The first window not due yet: with a settle delay that is often the previous window, not the current one.
    const due = nextDueAt(Date.now(), rule.every, rule.timeZone, rule.settleMinutes * 60_000);
    return {
      rule,
      stats: {
        ...EMPTY_STATS,
        groups: Number(groupCounts.find((g) => g.rule_id === rule.id)?.n ?? 0),
        queued: n('queued') + n('submitting'),
        running: n('running'),
        failed: n('failed'),
        lastArchivedAt: last === null || last === undefined ? null : Number(last),
        nextDueAt: rule.enabled ? due : null,
        lastTickAt: ticks.find((t) => t.id === rule.id)?.last_tick_at ?? null,
      },
    };
  });
}

/** The rules that run in an account (in any of its Regions) that this caller may see: /queue summarises them. */
export async function rulesInAccount(account: string, access?: AccountAccess): Promise<string[]> {
  const accounts = await listAccounts();
  return (await listRuleRows())
    .filter((r) => ruleVisibleTo(r, access) && ruleTargets(r, accounts).some((t) => t.account === account))
    .map((r) => r.id);
}
