import { isStatusCode } from '@/lib/export-tasks/status';
import type { ExportTask, StatusCode } from '@/lib/export-tasks/types';

/**
 * The history table's view, all of it in the URL so a reload or a shared link shows the same thing.
 * `status` and `taskId` go to AWS (statusCode, taskId); `group`, `dest` and `q` filter the loaded rows.
 */
export const SORTS = ['created-desc', 'created-asc', 'range-desc', 'range-asc'] as const;
export type Sort = (typeof SORTS)[number];
export const DEFAULT_SORT: Sort = 'created-desc';

export type TableView = {
  status: StatusCode | null;
  taskId: string | null;
  group: string;
  dest: string;
  q: string;
  sort: Sort;
};

export const EMPTY_VIEW: TableView = {
  status: null,
  taskId: null,
  group: '',
  dest: '',
  q: '',
  sort: DEFAULT_SORT,
};

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, name: string): string {
  const raw = params instanceof URLSearchParams ? params.get(name) : params[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return (value ?? '').trim().slice(0, 512);
}

export function parseView(params: Params): TableView {
  const status = read(params, 'status');
  const taskId = read(params, 'taskId');
  const sort = read(params, 'sort');
  return {
    status: isStatusCode(status) ? status : null,
    taskId: taskId && !/\s/.test(taskId) ? taskId : null,
    group: read(params, 'group'),
    dest: read(params, 'dest'),
    q: read(params, 'q'),
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : DEFAULT_SORT,
  };
}

/** The query string for a view; defaults are left out so the plain /exports stays plain. */
export function viewToSearch(view: TableView): string {
  const params = new URLSearchParams();
  if (view.status) params.set('status', view.status);
  if (view.taskId) params.set('taskId', view.taskId);
  if (view.group) params.set('group', view.group);
  if (view.dest) params.set('dest', view.dest);
  if (view.q) params.set('q', view.q);
  if (view.sort !== DEFAULT_SORT) params.set('sort', view.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

const FULL_TASK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A whole task id (AWS's are UUIDs): AWS matches ids exactly, so only a whole one is worth asking for. */
export function isFullTaskId(value: string): boolean {
  return FULL_TASK_ID.test(value);
}

/** The task id to ask AWS for: a whole id only; part of an id filters the loaded rows instead. */
export function awsTaskId(view: Pick<TableView, 'taskId'>): string | null {
  return view.taskId && isFullTaskId(view.taskId) ? view.taskId : null;
}

/** Part of a task id, matched among the loaded rows. */
export function partialTaskId(view: Pick<TableView, 'taskId'>): string | null {
  return view.taskId && !isFullTaskId(view.taskId) ? view.taskId : null;
}

export function isFiltered(view: TableView): boolean {
  return Boolean(view.status || view.taskId || view.group || view.dest || view.q);
}

/** Filters that only see loaded rows (so more pages may hold more matches). */
export function hasLocalFilter(view: TableView): boolean {
  return Boolean(view.group || view.dest || view.q || partialTaskId(view));
}

/** `s3://bucket/prefix/`; an unknown prefix (a backend that did not say) shows as `s3://bucket/…`. */
export function destinationText(task: Pick<ExportTask, 'destination' | 'destinationPrefix'>): string {
  if (task.destinationPrefix === null) return `s3://${task.destination}/…`;
  const prefix = task.destinationPrefix.replace(/^\/+|\/+$/g, '');
  return `s3://${task.destination}/${prefix ? `${prefix}/` : ''}`;
}

const fold = (s: string) => s.toLocaleLowerCase();

/** Case-insensitive substring filters over the loaded rows. */
export function filterRows(rows: ExportTask[], view: TableView): ExportTask[] {
  const group = fold(view.group);
  const dest = fold(view.dest);
  const words = fold(view.q).split(/\s+/).filter(Boolean);
  const idPart = fold(partialTaskId(view) ?? '');
  if (!group && !dest && !idPart && words.length === 0) return rows;
  return rows.filter((t) => {
    if (idPart && !fold(t.taskId).includes(idPart)) return false;
    if (group && !fold(t.logGroupName).includes(group)) return false;
    if (dest && !fold(destinationText(t)).includes(dest)) return false;
    if (words.length === 0) return true;
    const haystack = fold(
      [t.taskId, t.taskName ?? '', t.logGroupName, destinationText(t), t.status, t.statusMessage ?? ''].join(
        ' ',
      ),
    );
    return words.every((w) => haystack.includes(w));
  });
}

/** Sorted copy; ties keep AWS's order (newest first), so equal rows never jump between polls. */
export function sortRows(rows: ExportTask[], sort: Sort): ExportTask[] {
  if (sort === DEFAULT_SORT) return rows;
  const indexed = rows.map((t, i) => ({ t, i }));
  const dir = sort.endsWith('-asc') ? 1 : -1;
  const key = (t: ExportTask): [number, number] =>
    sort.startsWith('created') ? [t.createdAt ?? 0, 0] : [t.from, t.to];
  indexed.sort((a, b) => {
    const [a1, a2] = key(a.t);
    const [b1, b2] = key(b.t);
    return (a1 - b1 || a2 - b2) * dir || a.i - b.i;
  });
  return indexed.map((x) => x.t);
}

/** Clicking a column: newest/largest first, a second click flips it. */
export function nextSort(current: Sort, column: 'created' | 'range'): Sort {
  if (current === `${column}-desc`) return `${column}-asc`;
  return `${column}-desc`;
}

/** How a task is named to people: its name, else its id (AWS names are optional). */
export function taskLabel(task: Pick<ExportTask, 'taskName' | 'taskId'>): string {
  return task.taskName ?? task.taskId;
}
