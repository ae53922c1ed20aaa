// Module imports, not '@/lib/policy': its index also loads the zod schema, which this page loads lazily.
import { partitionForRegion } from '@/lib/policy/names';
import { PARTITIONS, type Partition, SCENARIOS, type Scenario } from '@/lib/policy/types';

// The generator's form as the browser holds it (strings and booleans, exactly what the inputs show),
// and the pure step from there to every output. No React here, so it is unit-tested directly.

export interface GeneratorState {
  bucket: string;
  region: string;
  partition: Partition;
  /** True once the user picked a partition themselves; until then it follows the Region. */
  partitionTouched: boolean;
  scenario: Scenario;
  accountId: string;
  exporterName: string;
  prefix: string;
  /** Comma, space or newline separated account ids; empty means the exporting account. */
  sourceAccounts: string;
  confusedDeputy: boolean;
  kms: boolean;
}

/** The prefill parameters the wizard's preflight links with: `?bucket=&region=&account=&prefix=&scenario=`. */
export type PrefillParams = Partial<Record<'bucket' | 'region' | 'account' | 'prefix' | 'scenario', string>>;

export const PREFILL_KEYS = ['bucket', 'region', 'account', 'prefix', 'scenario'] as const;

const isScenario = (v: string | undefined): v is Scenario =>
  v !== undefined && (SCENARIOS as readonly string[]).includes(v);

/** First render: URL prefill wins, then the server's defaults (current Region, STS account). */
export function initialState(
  params: PrefillParams,
  defaults: { region: string; accountId: string | null },
): GeneratorState {
  const region = (params.region ?? '').trim() || defaults.region;
  return {
    bucket: (params.bucket ?? '').trim(),
    region,
    partition: partitionForRegion(region),
    partitionTouched: false,
    scenario: isScenario(params.scenario) ? params.scenario : 'same-account',
    accountId: (params.account ?? '').trim() || (defaults.accountId ?? ''),
    exporterName: '',
    prefix: params.prefix ?? '',
    sourceAccounts: '',
    confusedDeputy: true,
    kms: false,
  };
}

/** The state as URL parameters (only the prefill ones), so the page can be shared and reloaded. */
export function stateToParams(state: GeneratorState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.bucket) params.set('bucket', state.bucket);
  if (state.region) params.set('region', state.region);
  if (state.accountId) params.set('account', state.accountId);
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
