import { getTimeZone, getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { CoverageView } from '@/components/coverage/coverage-view';
import {
  apiSearch,
  DEFAULT_VIEW,
  parseView,
  type ResolvedRange,
  resolveRange,
} from '@/components/coverage/view-params';
import { currentScope } from '@/lib/accounts/scope';
import { currentUser } from '@/lib/auth/require-role';
import { roleAtLeast } from '@/lib/auth/roles';
import { defaultRange } from '@/lib/coverage/query';
import { coverageOverview } from '@/lib/coverage/service';
import { listRules } from '@/lib/rules/service';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('coverage');
  return { title: t('title') };
}

/**
 * What the rules have archived, window by window, read from Logport's store (no AWS call). The first view is
 * rendered here with the same query the page then polls (GET /api/coverage/overview).
 */
export default async function CoveragePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [params, user, zone, t] = await Promise.all([
    searchParams,
    currentUser(),
    getTimeZone(),
    getTranslations('coverage'),
  ]);
  const scope = await currentScope(user?.accounts);
  const { region } = scope;
  const now = Date.now();
  const view = parseView(params);
  const asked = resolveRange(view, now, zone || 'UTC');
  // A custom range that cannot be read shows its problem on the page; the data stays the default view's.
  const range: ResolvedRange & { ok: true } = asked.ok ? asked : { ok: true, unit: 'day' };
  const shown = asked.ok ? view : DEFAULT_VIEW;
  const fallback = defaultRange(range.unit, now);
  const [overview, rules] = await Promise.all([
    coverageOverview({
      scope,
      access: user?.accounts,
      ruleId: shown.rule ?? undefined,
      state: shown.state ?? undefined,
      q: shown.q.trim() || undefined,
      from: range.from ?? fallback.from,
      to: range.to ?? fallback.to,
      unit: range.unit,
      now,
    }),
    listRules({ scope, access: user?.accounts }).then((views) => views.map((v) => v.rule)),
  ]);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t('intro', { region })}</p>
      </div>
      <Suspense>
        <CoverageView
          region={region}
          initial={overview}
          initialSearch={apiSearch(scope, shown, range)}
          serverNow={now}
          rules={rules.map((r) => ({ id: r.id, name: r.name }))}
          canAct={user !== null && roleAtLeast(user.role, 'operator')}
          canAdmin={user !== null && roleAtLeast(user.role, 'admin')}
        />
      </Suspense>
    </div>
  );
}
