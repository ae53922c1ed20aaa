import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { POLL_BACKOFF, POLL_BASE_MS, POLL_MAX_MS, pollBackoffMs } from './poll';
import { isActiveStatus } from './status';
import type { ExportTask, ExportTaskPage, StatusCode } from './types';

/**
 * Client-safe query keys and options for the export history. The server prefetches with the same key and
 * shape (its own queryFn calls lib/ directly); the browser polls GET /api/export-tasks, never a server action.
 */
/** What a list shows: the account (absent: the server's choice for this page), the Region, filters. */
export type ListFilter = {
  account?: string;
  region: string;
  status: StatusCode | null;
  taskId: string | null;
};

/** The loaded part of the history: rows newest first, the cursor for older rows, and what the last poll saw. */
export type TaskListData = {
  tasks: ExportTask[];
  nextToken: string | null;
  fetchedAt: number;
  /** Polls in a row that changed nothing (drives the backoff when the server does not set the pace). */
  unchanged: number;
  /** When the server asks this tab to poll again (the same moment for every tab watching this list). */
  pollInMs: number | null;
  /** Tasks whose status changed (or that appeared) in the last poll, to highlight and announce. */
  changed: string[];
};

export const exportTaskKeys = {
  all: ['export-tasks'] as const,
  lists: () => [...exportTaskKeys.all, 'list'] as const,
  list: (f: ListFilter) =>
    [...exportTaskKeys.lists(), f.account ?? '', f.region, f.status ?? '', f.taskId ?? ''] as const,
  head: (f: ListFilter) =>
    [...exportTaskKeys.all, 'head', f.account ?? '', f.region, f.status ?? ''] as const,
  objects: (region: string, taskId: string, account = '') =>
    [...exportTaskKeys.all, 'objects', account, region, taskId] as const,
};

export { POLL_BACKOFF, POLL_BASE_MS, POLL_MAX_MS };
/**
 * While nothing loaded is active, a cheap one-row check notices tasks started elsewhere (CLI, teammates).
 * The server shares that answer for 30 s across all tabs, so an outside task shows within about 45 s.
 */
export const HEAD_WATCH_MS = 15_000;
/** With nothing on screen because AWS failed, keep trying at this pace. */
export const ERROR_RETRY_MS = 10_000;

/**
 * How long until the next poll: `false` when every loaded task is final (nothing can change), else a few
 * seconds, growing while polls change nothing, back to the base as soon as something changes.
 */
export function pollDelay(data: TaskListData | undefined, failed = false): number | false {
  if (!data) return failed ? ERROR_RETRY_MS : false;
  if (!data.tasks.some((t) => isActiveStatus(t.status))) return false;
  // Every tab polls at the server's moment, so their requests share one AWS call (the server coalesces
  // requests that arrive together). The value must be stable per answer: React Query re-reads it on every
  // render and restarts its timer whenever it changes.
  if (data.pollInMs !== null) return Math.max(250, data.pollInMs);
  return pollBackoffMs(data.unchanged);
}

export function toListData(page: ExportTaskPage): TaskListData {
  return {
    tasks: page.tasks,
    nextToken: page.nextToken,
    fetchedAt: page.fetchedAt,
    unchanged: 0,
    pollInMs: page.pollInMs ?? null,
    changed: [],
  };
}

/** Loaded active tasks that a fresh first page no longer covers: each is asked for by id. */
export function activeOutside(prev: TaskListData | undefined, first: ExportTaskPage): string[] {
  if (!prev || first.nextToken === null) return [];
  const seen = new Set(first.tasks.map((t) => t.taskId));
  return prev.tasks.filter((t) => isActiveStatus(t.status) && !seen.has(t.taskId)).map((t) => t.taskId);
}

/**
 * A poll's answer merged into what is loaded. The fresh first page is the truth for the newest rows;
 * older loaded rows are kept (they are final, or were re-read by id: `null` means gone or no longer
 * matching the filter) with the cursor that follows them, so "Load more" continues where it was.
 */
export function mergeRefresh(
  prev: TaskListData | undefined,
  first: ExportTaskPage,
  byId: Record<string, ExportTask | null> = {},
): TaskListData {
  const tasks = [...first.tasks];
  let nextToken = first.nextToken;
  const seen = new Set(tasks.map((t) => t.taskId));
  const boundary = tasks[tasks.length - 1]?.createdAt ?? Number.POSITIVE_INFINITY;
  if (prev && first.nextToken !== null) {
    const older: ExportTask[] = [];
    for (const t of prev.tasks) {
      if (seen.has(t.taskId) || (t.createdAt ?? 0) > boundary) continue;
      const fresh = Object.hasOwn(byId, t.taskId) ? byId[t.taskId] : t;
      if (fresh) older.push(fresh);
    }
    if (older.length > 0) {
      tasks.push(...older);
      nextToken = prev.nextToken;
    }
  }
  if (!prev) return toListData({ ...first, tasks, nextToken });
  const before = new Map(prev.tasks.map((t) => [t.taskId, t.status]));
  const changed = tasks.filter((t) => before.get(t.taskId) !== t.status).map((t) => t.taskId);
  const sameRows = tasks.length === prev.tasks.length;
  return {
    tasks,
    nextToken,
    fetchedAt: first.fetchedAt,
    unchanged: changed.length === 0 && sameRows ? prev.unchanged + 1 : 0,
    pollInMs: first.pollInMs ?? null,
    changed: prev.tasks.length === 0 ? [] : changed,
  };
}

/** "Load more": older rows appended (duplicates dropped), the cursor moves on. */
export function appendPage(prev: TaskListData, page: ExportTaskPage): TaskListData {
  const seen = new Set(prev.tasks.map((t) => t.taskId));
  return {
    ...prev,
    tasks: [...prev.tasks, ...page.tasks.filter((t) => !seen.has(t.taskId))],
    nextToken: page.nextToken,
    changed: [],
  };
}

/** A task's status set locally (optimistic cancel) in every loaded list; returns a way to undo it. */
export function setTaskStatus(client: QueryClient, taskId: string, status: StatusCode): () => void {
  const snapshot = client.getQueriesData<TaskListData>({ queryKey: exportTaskKeys.lists() });
  client.setQueriesData<TaskListData>({ queryKey: exportTaskKeys.lists() }, (data) =>
    data
      ? {
          ...data,
          unchanged: 0,
          changed: [],
          tasks: data.tasks.map((t) => (t.taskId === taskId ? { ...t, status } : t)),
        }
      : data,
  );
  return () => {
    for (const [key, data] of snapshot) client.setQueryData(key, data);
  };
}

/** A failed read: the message key (under `errors.`) the route answered with. */
export class ListError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
  ) {
    super(code);
  }
}

export function listUrl(
  filter: Pick<ListFilter, 'account' | 'region' | 'status'> & { taskId?: string | null },
  extra: { nextToken?: string | null; limit?: number } = {},
): string {
  const params = new URLSearchParams({ region: filter.region });
  if (filter.account) params.set('account', filter.account);
  if (filter.status) params.set('status', filter.status);
  if (filter.taskId) params.set('taskId', filter.taskId);
  if (extra.nextToken) params.set('nextToken', extra.nextToken);
  if (extra.limit) params.set('limit', String(extra.limit));
  return `/api/export-tasks?${params}`;
}

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return (await fetchWithHeaders<T>(url, signal)).body;
}

async function fetchWithHeaders<T>(
  url: string,
  signal?: AbortSignal,
): Promise<{ body: T; headers: Headers }> {
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-store', signal, headers: { accept: 'application/json' } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ListError('awsUnreachable', 0);
  }
  const body = (await res.json().catch(() => null)) as (T & { error?: unknown }) | null;
  if (!res.ok || body === null) {
    const code = typeof body?.error === 'string' ? body.error : 'internal';
    throw new ListError(code, res.status);
  }
  return { body, headers: res.headers };
}

export async function fetchTaskPage(
  filter: Pick<ListFilter, 'account' | 'region' | 'status'> & { taskId?: string | null },
  extra: { nextToken?: string | null; limit?: number } = {},
  signal?: AbortSignal,
): Promise<ExportTaskPage> {
  const { body, headers } = await fetchWithHeaders<ExportTaskPage>(listUrl(filter, extra), signal);
  const pollIn = Number(headers.get('X-Poll-In-Ms'));
  return headers.has('X-Poll-In-Ms') && Number.isFinite(pollIn) ? { ...body, pollInMs: pollIn } : body;
}

/** The live list: server-prefetched first page, then polls that refresh the newest rows. */
export function exportTaskListOptions(filter: ListFilter) {
  return queryOptions({
    queryKey: exportTaskKeys.list(filter),
    queryFn: async ({ client, queryKey, signal }): Promise<TaskListData> => {
      const first = await fetchTaskPage(filter, {}, signal);
      const missing = activeOutside(client.getQueryData<TaskListData>(queryKey), first);
      const byId: Record<string, ExportTask | null> = {};
      await Promise.all(
        missing.map(async (taskId) => {
          const page = await fetchTaskPage({ ...filter, taskId }, {}, signal);
          byId[taskId] = page.tasks[0] ?? null;
        }),
      );
      // Read what is loaded only now: a "Load more" may have landed while this poll was in flight.
      return mergeRefresh(client.getQueryData<TaskListData>(queryKey), first, byId);
    },
    refetchInterval: (query) => pollDelay(query.state.data, query.state.status === 'error'),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 2_000,
    retry: 1,
  });
}

/** The newest task id matching the filter (one row), polled slowly only while nothing loaded is active. */
export function exportTaskHeadOptions(
  filter: ListFilter,
  enabled: boolean,
  known: { taskId: string | null; at: number },
) {
  return queryOptions({
    queryKey: exportTaskKeys.head(filter),
    // What the list already shows counts as the first answer: no extra call right after the page loads.
    initialData: known.taskId,
    initialDataUpdatedAt: known.at,
    queryFn: async ({ signal }) => {
      const page = await fetchTaskPage(
        { account: filter.account, region: filter.region, status: filter.status },
        { limit: 1 },
        signal,
      );
      return page.tasks[0]?.taskId ?? null;
    },
    enabled,
    refetchInterval: enabled ? HEAD_WATCH_MS : false,
    refetchIntervalInBackground: false,
    staleTime: HEAD_WATCH_MS / 2,
    retry: false,
  });
}
