// Module imports, not '@/lib/policy': its index also loads the zod schema, which this page loads lazily.
import { formatPolicy } from '@/lib/policy/format';
import { type DiffLine, diffPolicies, type MergeResult, mergePolicies } from '@/lib/policy/merge';
import { type PolicyProblem, parsePolicy } from '@/lib/policy/parse';
import type { PolicyDocument } from '@/lib/policy/types';

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

export type DiffChunk = { kind: 'lines' | 'fold'; lines: DiffLine[] };

/**
 * Folds long runs of unchanged lines (keeping `context` lines around each change), so the added and
 * removed lines are what a reviewer sees first, not the top of a long policy that did not change.
 */
export function foldDiff(diff: DiffLine[], context = 3, minFold = 4): DiffChunk[] {
  const chunks: DiffChunk[] = [];
  const push = (kind: DiffChunk['kind'], lines: DiffLine[]) => {
    if (lines.length === 0) return;
    const last = chunks[chunks.length - 1];
    if (last && last.kind === kind && kind === 'lines') last.lines.push(...lines);
    else chunks.push({ kind, lines });
  };
  let i = 0;
  while (i < diff.length) {
    let j = i;
    while (j < diff.length && diff[j]?.kind === 'same') j++;
    const run = diff.slice(i, j);
    const head = i === 0 ? 0 : context;
    const tail = j === diff.length ? 0 : context;
    if (run.length - head - tail >= minFold) {
      push('lines', run.slice(0, head));
      push('fold', run.slice(head, run.length - tail));
      push('lines', run.slice(run.length - tail));
    } else push('lines', run);
    let k = j;
    while (k < diff.length && diff[k]?.kind !== 'same') k++;
    push('lines', diff.slice(j, k));
    i = k;
  }
  return chunks;
}
