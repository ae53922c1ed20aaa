import { queryOptions } from '@tanstack/react-query';
import type { RuleView } from '@/lib/rules/types';

/** The rules list's query key and options; the browser polls GET /api/rules (never a server action). */
export const ruleKeys = {
  all: ['rules'] as const,
  list: (region: string) => [...ruleKeys.all, 'list', region] as const,
};

/** While a rule's exports are queued or running the counts move: a poll every few seconds. */
export const RULES_POLL_MS = 3_000;

export class RulesLoadError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export async function fetchRules(region: string): Promise<RuleView[]> {
  const res = await fetch(`/api/rules?region=${encodeURIComponent(region)}`, { cache: 'no-store' });
  const body = (await res.json().catch(() => ({}))) as { rules?: RuleView[]; error?: string };
  if (!res.ok || !body.rules) throw new RulesLoadError(body.error ?? 'internal');
  return body.rules;
}

export function isMoving(rules: readonly RuleView[] | undefined): boolean {
  return (rules ?? []).some((r) => r.stats.queued + r.stats.running > 0);
}

/** Polls only while something is queued or running, and never in a background tab. */
export function rulesOptions(region: string) {
  return queryOptions({
    queryKey: ruleKeys.list(region),
    queryFn: () => fetchRules(region),
    refetchInterval: (query) => (isMoving(query.state.data) ? RULES_POLL_MS : false),
    refetchIntervalInBackground: false,
  });
}
