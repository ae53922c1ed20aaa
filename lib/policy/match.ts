import type { Partition, Principal, StringOrArray } from './types';

// Matching rules of the IAM policy language, as far as the export check needs them.

export const toArray = (v: StringOrArray | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/** IAM wildcards: `*` any run of characters (including `/` and `:`), `?` exactly one. */
export function globMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  // Iterative matcher with single-star backtracking: linear-ish, no regex building from input.
  let pi = 0;
  let vi = 0;
  let star = -1;
  let mark = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = vi;
    } else if (star >= 0) {
      pi = star + 1;
      vi = ++mark;
    } else return false;
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}

export function actionMatches(patterns: StringOrArray | undefined, action: string): boolean {
  return toArray(patterns).some((p) => globMatch(p, action, true));
}

export function resourceMatches(patterns: StringOrArray | undefined, resource: string): boolean {
  return toArray(patterns).some((p) => globMatch(p, resource));
}

/** ArnLike/ArnEquals: each of the first five colon-separated parts is matched on its own; the
 *  sixth (resource) part keeps its colons. */
export function arnMatch(pattern: string, value: string, wildcards: boolean): boolean {
  const split = (arn: string) => {
    const parts = arn.split(':');
    return parts.length < 6 ? null : [...parts.slice(0, 5), parts.slice(5).join(':')];
  };
  const p = split(pattern);
  const v = split(value);
  if (!p || !v) return wildcards ? globMatch(pattern, value) : pattern === value;
  return p.every((part, k) => (wildcards ? globMatch(part, v[k] ?? '') : part === v[k]));
}

export type PrincipalVerdict =
  | { kind: 'match' }
  | { kind: 'no-match' }
  /** Names the logs service of other Regions only (the guide's `logs.us-west-2...` pasted as is). */
  | { kind: 'other-region'; regions: string[] };

const LOGS_SERVICE = /^logs\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/;

export function logsServiceNames(region: string, partition: Partition): string[] {
  const names = [`logs.${region}.amazonaws.com`, 'logs.amazonaws.com'];
  // The China principal is unconfirmed; accept both spellings there rather than give a false alarm.
  if (partition === 'aws-cn') names.push(`logs.${region}.amazonaws.com.cn`, 'logs.amazonaws.com.cn');
  return names;
}

/** Does a Principal element name the CloudWatch Logs service of `region`? */
export function principalMatches(
  principal: Principal | undefined,
  region: string,
  partition: Partition,
): PrincipalVerdict {
  if (principal === undefined) return { kind: 'no-match' };
  if (principal === '*') return { kind: 'match' };
  const wanted = logsServiceNames(region, partition);
  const others = new Set<string>();
  for (const [type, values] of Object.entries(principal)) {
    const list = toArray(values);
    // `{"AWS": "*"}` means everyone, service principals included.
    if (type === 'AWS' && list.includes('*')) return { kind: 'match' };
    if (type !== 'Service') continue;
    for (const value of list) {
      const name = value.toLowerCase();
      if (wanted.includes(name)) return { kind: 'match' };
      const other = LOGS_SERVICE.exec(name)?.[1];
      if (other !== undefined && other !== region) others.add(other);
    }
  }
  return others.size > 0 ? { kind: 'other-region', regions: [...others] } : { kind: 'no-match' };
}
