import {
  type DiffLine,
  diffPolicies,
  formatPolicy,
  type MergeResult,
  mergePolicies,
  type PolicyDocument,
  type PolicyProblem,
  parsePolicy,
} from '@/lib/policy';

// What the bucket should hold: the generated policy alone, or merged into the existing one
// (pasted or loaded). Pure, so the page recomputes it on every keystroke.

export type MergeView =
  | { kind: 'fresh'; policy: PolicyDocument; text: string; diff: DiffLine[] }
  | { kind: 'invalid'; problem: PolicyProblem; problems: PolicyProblem[] }
  | {
      kind: 'merged';
      existing: PolicyDocument;
      existingText: string;
      merge: MergeResult;
      policy: PolicyDocument;
      text: string;
      diff: DiffLine[];
      /** False when the bucket already holds exactly this (merging again changes nothing). */
      changed: boolean;
    };

export function mergeView(existingText: string, generated: PolicyDocument): MergeView {
  if (existingText.trim() === '') {
    const text = formatPolicy(generated);
    return { kind: 'fresh', policy: generated, text, diff: diffPolicies(null, generated) };
  }
  const parsed = parsePolicy(existingText);
  if (!parsed.ok) return { kind: 'invalid', problem: parsed.error, problems: parsed.problems };
  const merge = mergePolicies(parsed.policy, generated);
  const text = formatPolicy(merge.policy);
  const existingFormatted = formatPolicy(parsed.policy);
  return {
    kind: 'merged',
    existing: parsed.policy,
    existingText: existingFormatted,
    merge,
    policy: merge.policy,
    text,
    diff: diffPolicies(parsed.policy, merge.policy),
    changed: text !== existingFormatted,
  };
}

export function diffCounts(diff: DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of diff) {
    if (line.kind === 'add') added++;
    else if (line.kind === 'remove') removed++;
  }
  return { added, removed };
}
