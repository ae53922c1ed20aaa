import { canonicalStatement, formatPolicy } from './format';
import { LOGPORT_SID_PREFIX } from './names';
import { POLICY_VERSION, type PolicyDocument, type Statement } from './types';

export interface MergeResult {
  policy: PolicyDocument;
  /** Generated Sids that were not in the existing policy (appended at the end). */
  added: string[];
  /** Generated Sids that replaced an existing statement with different content (in place). */
  replaced: string[];
  /** Generated Sids whose existing statement was already identical. */
  unchanged: string[];
  /** Existing statements left untouched because no generated statement has their Sid. */
  kept: number;
  /** Logport statements (Sid starting `Logport`) from an earlier run that this run no longer generates;
   *  kept, as every existing statement is, but worth pointing out (e.g. after changing scenario). */
  stale: string[];
}

const same = (a: Statement, b: Statement) =>
  JSON.stringify(canonicalStatement(a)) === JSON.stringify(canonicalStatement(b));

/**
 * Adds our statements to an existing bucket policy instead of replacing it (the AWS guide's
 * warning). Statements are matched by Sid: ours replace theirs in place, the rest are appended,
 * and everything else stays in order — so merging the same generated policy twice is a no-op.
 */
export function mergePolicies(existing: PolicyDocument | null, generated: PolicyDocument): MergeResult {
  const incoming = new Map<string, Statement>();
  for (const s of generated.Statement) if (s.Sid) incoming.set(s.Sid, s);
  const seen = new Set<string>();
  const result: Statement[] = [];
  const replaced: string[] = [];
  const unchanged: string[] = [];
  const stale: string[] = [];
  let kept = 0;
  for (const statement of existing?.Statement ?? []) {
    const sid = statement.Sid;
    const ours = sid === undefined ? undefined : incoming.get(sid);
    if (sid === undefined || ours === undefined) {
      result.push(statement);
      kept++;
      if (sid?.startsWith(LOGPORT_SID_PREFIX)) stale.push(sid);
      continue;
    }
    // S3 rejects duplicate Sids, so a second copy of one of ours is dropped rather than kept.
    if (seen.has(sid)) continue;
    seen.add(sid);
    result.push(ours);
    (same(statement, ours) ? unchanged : replaced).push(sid);
  }
  const added: string[] = [];
  for (const statement of generated.Statement) {
    if (statement.Sid && seen.has(statement.Sid)) continue;
    result.push(statement);
    if (statement.Sid) added.push(statement.Sid);
  }
  // The existing Version wins: changing it would change how their statements read policy
  // variables, and ours use none, so they work under either.
  const version = existing?.Version ?? generated.Version ?? POLICY_VERSION;
  const policy: PolicyDocument = { ...(existing ?? {}), Version: version, Statement: result };
  return { policy, added, replaced, unchanged, kept, stale };
}

export interface DiffLine {
  kind: 'same' | 'add' | 'remove';
  text: string;
}

/** Line diff of the two formatted policies (LCS; policies are at most 20 KB, so O(n·m) is fine). */
export function diffPolicies(before: PolicyDocument | null, after: PolicyDocument): DiffLine[] {
  return diffLines(before ? formatPolicy(before).split('\n') : [], formatPolicy(after).split('\n'));
}

export function diffLines(a: string[], b: string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], stored flat.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => lcs[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) out.push({ kind: 'remove', text: a[i++]! });
    else out.push({ kind: 'add', text: b[j++]! });
  }
  while (i < n) out.push({ kind: 'remove', text: a[i++]! });
  while (j < m) out.push({ kind: 'add', text: b[j++]! });
  return out;
}
