import { queryOptions } from '@tanstack/react-query';
import { scopeParams } from '@/components/shell/scope-context';
import type { Scope } from '@/lib/accounts/types';
import type { RuleView } from '@/lib/rules/types';

/** The rules list's query key and options; the browser polls GET /api/rules (never a server action). */
export const ruleKeys = {
  all: ['rules'] as const,
  list: (scope: Scope) => [...ruleKeys.all, 'list', scope.account, scope.region] as const,
};

/** While a rule's exports are queued or running the counts move: a poll every few seconds. */
export const RULES_POLL_MS = 3_000;

export class RulesLoadError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export async function fetchRules(scope: Scope): Promise<RuleView[]> {
  const res = await fetch(`/api/rules?${scopeParams(scope)}`, { cache: 'no-store' });
  const body = (await res.json().catch(() => ({}))) as { rules?: RuleView[]; error?: string };
  if (!res.ok || !body.rules) throw new RulesLoadError(body.error ?? 'internal');
  return body.rules;
}

export function isMoving(rules: readonly RuleView[] | undefined): boolean {
  return (rules ?? []).some((r) => r.stats.queued + r.stats.running > 0);
}

/** Polls only while something is queued or running, and never in a background tab. */
export function rulesOptions(scope: Scope) {
  return queryOptions({
    queryKey: ruleKeys.list(scope),
    queryFn: () => fetchRules(scope),
    refetchInterval: (query) => (isMoving(query.state.data) ? RULES_POLL_MS : false),
    refetchIntervalInBackground: false,
  });
}
