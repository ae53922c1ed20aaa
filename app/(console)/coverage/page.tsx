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
import type { Scope } from '@/lib/accounts/types';
import { currentUser } from '@/lib/auth/require-role';
import { roleAtLeast } from '@/lib/auth/roles';
import { defaultRange } from '@/lib/coverage/query';
import { coverageOverview } from '@/lib/coverage/service';
import { visibleRules } from '@/lib/rules/service';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('coverage');
  return { title: t('title') };
}

/**
 * What the rules have archived, window by window, read from Logport's store (no AWS call). The title comes at
 * once; the first view streams in behind it, rendered with the same query the page then polls
 * (GET /api/coverage/overview).
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
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          {t('intro', { region: scope.region })}
        </p>
      </div>
      <Suspense fallback={<CoverageSkeleton />}>
        <CoverageSection params={params} user={user} scope={scope} zone={zone || 'UTC'} />
      </Suspense>
    </div>
  );
}

async function CoverageSection({
  params,
  user,
  scope,
  zone,
}: {
  params: Record<string, string | string[] | undefined>;
  user: Awaited<ReturnType<typeof currentUser>>;
  scope: Scope;
  zone: string;
}) {
  // The store's reads (better-sqlite3) and the states run without giving the event loop a turn: a few turns
  // first let the shell (title, skeleton) reach the browser, or the whole page waits for the overview
  // (1,000 groups: ~300 ms). Next.js flushes what React rendered on a timer of its own, after ours.
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
  const now = Date.now();
  const view = parseView(params);
  const asked = resolveRange(view, now, zone);
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
    visibleRules({ scope, access: user?.accounts }),
  ]);
  return (
    <CoverageView
      region={scope.region}
      initial={overview}
      initialSearch={apiSearch(scope, shown, range)}
      serverNow={now}
      rules={rules.map((r) => ({ id: r.id, name: r.name }))}
      canAct={user !== null && roleAtLeast(user.role, 'operator')}
      canAdmin={user !== null && roleAtLeast(user.role, 'admin')}
    />
  );
}

/** The totals, filters and a few rows' shape while the first view is read. */
function CoverageSkeleton() {
  return (
    <div aria-busy="true" className="animate-pulse space-y-4">
      <div className="h-32 rounded-lg bg-slate-200 dark:bg-slate-800" />
      <div className="h-24 rounded-lg bg-slate-200 dark:bg-slate-800" />
      <div className="h-64 rounded-lg bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}
