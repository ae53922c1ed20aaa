import type { Scope } from '@/lib/accounts/types';

/**
 * Where the overview's links go: every one names its account and Region (`?account=&region=`), so it opens that
 * place whatever the browser's cookies remember, and can be shared as it is.
 */
function at(path: string, scope: Scope, extra: Record<string, string> = {}): string {
  return `${path}?${new URLSearchParams({ account: scope.account, region: scope.region, ...extra })}`;
}

export const placeLinks = {
  history: (scope: Scope) => at('/exports', scope),
  task: (scope: Scope, taskId: string) => at(`/exports/${encodeURIComponent(taskId)}`, scope),
  queue: (scope: Scope) => at('/queue', scope),
  coverage: (scope: Scope, ruleId: string) => at('/coverage', scope, { rule: ruleId }),
};
