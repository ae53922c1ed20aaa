import { arnMatch, globMatch } from './match';
import type { ConditionBlock, ConditionValue } from './types';

/** Request context: lower-cased condition key → its values; a known key missing here is absent. */
export type RequestContext = Map<string, string[]>;

export interface ConditionFailure {
  operator: string;
  /** As written in the policy. */
  key: string;
  expected: string[];
  /** The request's value, or null when the request has no such key. */
  actual: string | null;
}

export interface ConditionOutcome {
  /** 'unknown' when nothing failed but some operator or key is beyond what we evaluate. */
  result: 'true' | 'false' | 'unknown';
  failures: ConditionFailure[];
  unsupported: { operator: string; key: string }[];
}

type Compare = (policyValue: string, requestValue: string) => boolean;

const COMPARE: Record<string, Compare> = {
  stringequals: (p, v) => p === v,
  stringequalsignorecase: (p, v) => p.toLowerCase() === v.toLowerCase(),
  stringlike: (p, v) => globMatch(p, v),
  // ArnEquals and ArnLike behave the same in IAM: both allow wildcards per ARN part.
  arnequals: (p, v) => arnMatch(p, v, true),
  arnlike: (p, v) => arnMatch(p, v, true),
  bool: (p, v) => p.toLowerCase() === v.toLowerCase(),
};
const NEGATED: Record<string, string> = {
  stringnotequals: 'stringequals',
  stringnotequalsignorecase: 'stringequalsignorecase',
  stringnotlike: 'stringlike',
  arnnotequals: 'arnequals',
  arnnotlike: 'arnlike',
};

function parseOperator(operator: string) {
  let op = operator.toLowerCase();
  let set: 'any' | 'all' | null = null;
  if (op.startsWith('foranyvalue:')) [set, op] = ['any', op.slice('foranyvalue:'.length)];
  else if (op.startsWith('forallvalues:')) [set, op] = ['all', op.slice('forallvalues:'.length)];
  const ifExists = op.endsWith('ifexists');
  if (ifExists) op = op.slice(0, -'ifexists'.length);
  const positive = NEGATED[op];
  return { set, ifExists, negated: positive !== undefined, base: positive ?? op };
}

const asStrings = (value: ConditionValue): string[] => (Array.isArray(value) ? value : [value]).map(String);

function evaluatePair(
  operator: string,
  key: string,
  value: ConditionValue,
  context: RequestContext,
  knownKeys: ReadonlySet<string>,
): 'true' | 'false' | 'unknown' {
  const { set, ifExists, negated, base } = parseOperator(operator);
  const expected = asStrings(value);
  const actual = context.get(key.toLowerCase());
  if (!knownKeys.has(key.toLowerCase())) return 'unknown';
  if (base === 'null') {
    // Null: "true" means the key must be absent, "false" that it must be present.
    const wantAbsent = expected.some((e) => e.toLowerCase() === 'true');
    return wantAbsent === (actual === undefined) ? 'true' : 'false';
  }
  const compare = COMPARE[base];
  if (!compare) return 'unknown';
  if (actual === undefined || actual.length === 0) {
    // IAM: a missing key fails a condition unless IfExists, ForAllValues (vacuously true) or a
    // negated operator (nothing to be equal to) says otherwise.
    return ifExists || set === 'all' || negated ? 'true' : 'false';
  }
  const matchesAny = (v: string) => expected.some((e) => compare(e, v));
  const ok = negated ? (v: string) => !matchesAny(v) : matchesAny;
  return (set === 'all' ? actual.every(ok) : actual.some(ok)) ? 'true' : 'false';
}

export function evaluateConditions(
  condition: ConditionBlock | undefined,
  context: RequestContext,
  knownKeys: ReadonlySet<string>,
): ConditionOutcome {
  const outcome: ConditionOutcome = { result: 'true', failures: [], unsupported: [] };
  for (const [operator, block] of Object.entries(condition ?? {})) {
    for (const [key, value] of Object.entries(block)) {
      const r = evaluatePair(operator, key, value, context, knownKeys);
      if (r === 'unknown') outcome.unsupported.push({ operator, key });
      if (r === 'false') {
        const actual = context.get(key.toLowerCase());
        outcome.failures.push({ operator, key, expected: asStrings(value), actual: actual?.[0] ?? null });
      }
    }
  }
  if (outcome.failures.length > 0) outcome.result = 'false';
  else if (outcome.unsupported.length > 0) outcome.result = 'unknown';
  return outcome;
}
