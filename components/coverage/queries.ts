import { queryOptions } from '@tanstack/react-query';
import type { CoverageOverview } from '@/lib/coverage/types';
import { isMoving } from './row-summary';

/** The coverage page's query key and options; the browser polls GET /api/coverage/overview. */
export const coverageKeys = {
  all: ['coverage'] as const,
  overview: (search: string) => [...coverageKeys.all, 'overview', search] as const,
};

/** While exports are queued or running the picture changes every few seconds. */
export const COVERAGE_POLL_MS = 3_000;

export class CoverageLoadError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export async function fetchOverview(search: string): Promise<CoverageOverview> {
  const res = await fetch(`/api/coverage/overview?${search}`, { cache: 'no-store' });
  const body = (await res.json().catch(() => ({}))) as Partial<CoverageOverview> & { error?: string };
  if (!res.ok || !body.rows) throw new CoverageLoadError(body.error ?? 'internal');
  return body as CoverageOverview;
}

/** `false` once nothing is queued or running: a settled picture only changes when a window becomes due. */
export function pollInterval(data: CoverageOverview | undefined): number | false {
  return data && isMoving(data.rows) ? COVERAGE_POLL_MS : false;
}

export function overviewOptions(search: string) {
  return queryOptions({
    queryKey: coverageKeys.overview(search),
    queryFn: () => fetchOverview(search),
    refetchInterval: (query) => pollInterval(query.state.data),
    refetchIntervalInBackground: false,
  });
}
