import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
  activeOutside,
  appendPage,
  exportTaskKeys,
  mergeRefresh,
  POLL_BASE_MS,
  POLL_MAX_MS,
  pollDelay,
  setTaskStatus,
  type TaskListData,
  toListData,
} from './queries';
import type { ExportTask, StatusCode } from './types';

function task(id: string, createdAt: number, status: StatusCode = 'COMPLETED'): ExportTask {
  return {
    taskId: id,
    taskName: null,
    logGroupName: 'g',
    from: 0,
    to: 1,
    destination: 'b',
    destinationPrefix: 'exportedlogs',
    status,
    statusMessage: null,
    createdAt,
    completedAt: null,
  };
}
const page = (tasks: ExportTask[], nextToken: string | null = null) => ({ tasks, nextToken, fetchedAt: 1 });
const ids = (d: TaskListData) => d.tasks.map((t) => t.taskId);

describe('poll delay', () => {
  it('stops when every loaded task is final', () => {
    expect(pollDelay(toListData(page([task('a', 1), task('b', 0, 'FAILED')])))).toBe(false);
    expect(pollDelay(toListData(page([])))).toBe(false);
    expect(pollDelay(undefined)).toBe(false);
  });

  it('polls every few seconds while a task is active, including PENDING_CANCEL', () => {
    for (const s of ['PENDING', 'RUNNING', 'PENDING_CANCEL'] as const) {
      expect(pollDelay(toListData(page([task('a', 2), task('b', 1, s)])))).toBe(POLL_BASE_MS);
    }
  });

  it('backs off while nothing changes, up to a cap', () => {
    const base = toListData(page([task('a', 1, 'RUNNING')]));
    const delays = [0, 1, 2, 3, 10].map((unchanged) => pollDelay({ ...base, unchanged }));
    expect(delays[0]).toBe(POLL_BASE_MS);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] as number);
    expect(delays[1]).toBeGreaterThan(POLL_BASE_MS);
    expect(delays[4]).toBe(POLL_MAX_MS);
  });

  it('polls when the server says, so every tab watching the list shares one AWS call', () => {
    const data = toListData({ ...page([task('a', 1, 'RUNNING')]), pollInMs: 7_000 });
    // Stable for the same answer: React Query restarts its timer whenever the interval changes.
    for (let i = 0; i < 20; i++) expect(pollDelay(data)).toBe(7_000);
    expect(pollDelay({ ...data, tasks: [task('a', 1, 'COMPLETED')] })).toBe(false);
  });

  it('keeps retrying when AWS failed before anything was shown', () => {
    expect(pollDelay(undefined, true)).toBeGreaterThan(0);
  });
});

describe('merging a poll into what is loaded', () => {
  it('counts unchanged polls and resets on a status change', () => {
    let d = toListData(page([task('a', 2, 'RUNNING'), task('b', 1)]));
    d = mergeRefresh(d, page([task('a', 2, 'RUNNING'), task('b', 1)]));
    d = mergeRefresh(d, page([task('a', 2, 'RUNNING'), task('b', 1)]));
    expect(d.unchanged).toBe(2);
    expect(d.changed).toEqual([]);
    d = mergeRefresh(d, page([task('a', 2, 'COMPLETED'), task('b', 1)]));
    expect(d.unchanged).toBe(0);
    expect(d.changed).toEqual(['a']);
    expect(pollDelay(d)).toBe(false);
  });

  it('shows a task created elsewhere at the top and marks it', () => {
    const d = mergeRefresh(
      toListData(page([task('a', 2), task('b', 1)])),
      page([task('n', 3, 'PENDING'), task('a', 2), task('b', 1)]),
    );
    expect(ids(d)).toEqual(['n', 'a', 'b']);
    expect(d.changed).toEqual(['n']);
  });

  it('keeps older loaded pages and their cursor when new tasks push rows off the first page', () => {
    // Loaded: first page a,b (cursor t1) + older page c,d (cursor t2). A new task n arrives.
    const loaded = appendPage(
      toListData(page([task('a', 4), task('b', 3)], 't1')),
      page([task('c', 2), task('d', 1)], 't2'),
    );
    const d = mergeRefresh(loaded, page([task('n', 5), task('a', 4)], 'fresh'));
    expect(ids(d)).toEqual(['n', 'a', 'b', 'c', 'd']);
    expect(d.nextToken).toBe('t2');
  });

  it('takes the fresh cursor when only the first page was loaded and nothing older remains', () => {
    const d = mergeRefresh(
      toListData(page([task('a', 4), task('b', 3)], 't1')),
      page([task('a', 4), task('b', 3)], 't1b'),
    );
    expect(d.nextToken).toBe('t1b');
  });

  it('drops rows a complete first page no longer has (filter no longer matches)', () => {
    const d = mergeRefresh(
      toListData(page([task('a', 2, 'RUNNING'), task('b', 1, 'RUNNING')])),
      page([task('b', 1, 'RUNNING')]),
    );
    expect(ids(d)).toEqual(['b']);
    expect(d.nextToken).toBeNull();
  });

  it('uses by-id answers for active tasks outside the first page', () => {
    const loaded = appendPage(
      toListData(page([task('a', 4), task('b', 3)], 't1')),
      page([task('c', 2, 'RUNNING'), task('d', 1, 'PENDING')], 't2'),
    );
    const first = page([task('a', 4), task('b', 3)], 't1');
    expect(activeOutside(loaded, first)).toEqual(['c', 'd']);
    const d = mergeRefresh(loaded, first, { c: task('c', 2, 'COMPLETED'), d: null });
    expect(ids(d)).toEqual(['a', 'b', 'c']);
    expect(d.tasks[2]?.status).toBe('COMPLETED');
    expect(d.changed).toEqual(['c']);
  });

  it('appending drops duplicates and moves the cursor', () => {
    const d = appendPage(
      toListData(page([task('a', 2), task('b', 1)], 't1')),
      page([task('b', 1), task('c', 0)], null),
    );
    expect(ids(d)).toEqual(['a', 'b', 'c']);
    expect(d.nextToken).toBeNull();
  });
});

describe('optimistic status', () => {
  it('sets a status in every loaded list and can undo it', () => {
    const client = new QueryClient();
    const f1 = { region: 'us-east-2', status: null, taskId: null };
    const f2 = { region: 'us-east-2', status: 'RUNNING' as const, taskId: null };
    client.setQueryData(exportTaskKeys.list(f1), toListData(page([task('a', 1, 'RUNNING')])));
    client.setQueryData(exportTaskKeys.list(f2), toListData(page([task('a', 1, 'RUNNING')])));
    const undo = setTaskStatus(client, 'a', 'PENDING_CANCEL');
    expect(client.getQueryData<TaskListData>(exportTaskKeys.list(f1))?.tasks[0]?.status).toBe(
      'PENDING_CANCEL',
    );
    expect(client.getQueryData<TaskListData>(exportTaskKeys.list(f2))?.tasks[0]?.status).toBe(
      'PENDING_CANCEL',
    );
    undo();
    expect(client.getQueryData<TaskListData>(exportTaskKeys.list(f1))?.tasks[0]?.status).toBe('RUNNING');
  });
});
