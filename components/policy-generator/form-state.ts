// Module imports, not '@/lib/policy': its index also loads the zod schema, which this page loads lazily.
import { DEFAULT_EXPORTER_ROLE, partitionForRegion } from '@/lib/policy/names';
import { PARTITIONS, type Partition, SCENARIOS } from '@/lib/policy/types';

// The generator's form as the browser holds it (strings and booleans, exactly what the inputs show),
// and the pure step from there to every output. No React here, so it is unit-tested directly.

/** The single-exporter scenarios of lib/policy's generator, and the central archive (many member accounts). */
export const GENERATOR_SCENARIOS = [...SCENARIOS, 'central-archive'] as const;
export type GeneratorScenario = (typeof GENERATOR_SCENARIOS)[number];

/** One of Logport's accounts as a possible member of a central archive (the page reads them on the server). */
export type ArchiveMemberOption = {
  name: string;
  /** Null when the ambient credentials' account is not in the accounts file and STS did not answer. */
  id: string | null;
  /** The role (or user) Logport calls CreateExportTask with there; null when unknown. */
  exporter: string | null;
};

export interface GeneratorState {
  bucket: string;
  region: string;
  partition: Partition;
  /** True once the user picked a partition themselves; until then it follows the Region. */
  partitionTouched: boolean;
  scenario: GeneratorScenario;
  accountId: string;
  exporterName: string;
  prefix: string;
  /** Comma, space or newline separated account ids; empty means the exporting account. */
  sourceAccounts: string;
  confusedDeputy: boolean;
  kms: boolean;
  /** Central archive: the exporting identities of Logport's accounts chosen as members (their ARNs). */
  members: string[];
  /** Central archive: more members, one per line (12-digit ids or exporting role ARNs). */
  otherMembers: string;
  /** Central archive: the role name for members given by id. */
  exporterRole: string;
  /** Central archive: optional aws:SourceOrgID. */
  orgId: string;
}

/**
 * The prefill parameters (the wizard's preflight links with them): `?bucket=&region=&accountId=&prefix=&scenario=`,
 * and for the central archive `member=` (repeated), `role=`, `org=`. `account=` names the Logport account the page
 * works in (the switcher); older links put the 12-digit exporting account there, which is still understood.
 */
export type PrefillParams = Partial<
  Record<'bucket' | 'region' | 'account' | 'accountId' | 'prefix' | 'scenario' | 'role' | 'org', string>
> & { member?: string[] };

export const PREFILL_KEYS = [
  'bucket',
  'region',
  'account',
  'accountId',
  'prefix',
  'scenario',
  'role',
  'org',
] as const;

const isScenario = (v: string | undefined): v is GeneratorScenario =>
  v !== undefined && (GENERATOR_SCENARIOS as readonly string[]).includes(v);

const ACCOUNT_ID = /^\d{12}$/;

/** The central archive's members as one list: Logport's chosen accounts first, then the others typed in. */
export function memberEntries(state: Pick<GeneratorState, 'members' | 'otherMembers'>): string[] {
  return [...new Set([...state.members, ...splitMembers(state.otherMembers)])];
}

export function splitMembers(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((m) => m.trim())
    .filter((m) => m !== '');
}

/** A fresh central archive's members: every account but the bucket's owner (the account the page works in). */
export function defaultMembers(options: ArchiveMemberOption[], owner: string): string[] {
  return options.flatMap((o) => (o.name !== owner && o.exporter !== null ? [o.exporter] : []));
}

export type GeneratorDefaults = {
  region: string;
  accountId: string | null;
  /** Logport's accounts, and the one the page works in (the archive bucket's owner). */
  archive?: { options: ArchiveMemberOption[]; owner: string };
};

/** First render: URL prefill wins, then the server's defaults (current Region, STS account, Logport's accounts). */
export function initialState(params: PrefillParams, defaults: GeneratorDefaults): GeneratorState {
  const region = (params.region ?? '').trim() || defaults.region;
  const legacyAccount = (params.account ?? '').trim();
  const accountId = (params.accountId ?? '').trim() || (ACCOUNT_ID.test(legacyAccount) ? legacyAccount : '');
  const options = defaults.archive?.options ?? [];
  const known = new Set(options.flatMap((o) => (o.exporter ? [o.exporter] : [])));
  const listed = (params.member ?? []).flatMap(splitMembers);
  const members =
    params.member === undefined
      ? defaultMembers(options, defaults.archive?.owner ?? '')
      : listed.filter((m) => known.has(m));
  return {
    bucket: (params.bucket ?? '').trim(),
    region,
    partition: partitionForRegion(region),
    partitionTouched: false,
    scenario: isScenario(params.scenario) ? params.scenario : 'same-account',
    accountId: accountId || (defaults.accountId ?? ''),
    exporterName: '',
    prefix: params.prefix ?? '',
    sourceAccounts: '',
    confusedDeputy: true,
    kms: false,
    members,
    otherMembers: listed.filter((m) => !known.has(m)).join('\n'),
    exporterRole: (params.role ?? '').trim() || DEFAULT_EXPORTER_ROLE,
    orgId: (params.org ?? '').trim(),
  };
}

/**
 * The state as URL parameters (only the prefill ones), so the page can be shared and reloaded. `scope` is the
 * Logport account the page works in, kept so a shared link opens on the same account.
 */
export function stateToParams(state: GeneratorState, scope?: string): URLSearchParams {
  const params = new URLSearchParams();
  if (scope) params.set('account', scope);
  if (state.bucket) params.set('bucket', state.bucket);
  if (state.region) params.set('region', state.region);
  if (state.scenario === 'central-archive') {
    for (const m of memberEntries(state)) params.append('member', m);
    if (state.exporterRole.trim() !== DEFAULT_EXPORTER_ROLE) params.set('role', state.exporterRole.trim());
    if (state.orgId.trim()) params.set('org', state.orgId.trim());
  } else if (state.accountId) params.set('accountId', state.accountId);
  if (state.prefix) params.set('prefix', state.prefix);
  if (state.scenario !== 'same-account') params.set('scenario', state.scenario);
  return params;
}

export function splitAccounts(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

export function withRegion(state: GeneratorState, region: string): GeneratorState {
  // The partition follows the Region (cn-… → aws-cn) unless the user chose one explicitly.
  return {
    ...state,
    region,
    partition: state.partitionTouched ? state.partition : partitionForRegion(region),
  };
}

export function isPartition(v: string): v is Partition {
  return (PARTITIONS as readonly string[]).includes(v);
}
