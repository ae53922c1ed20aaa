import { describe, expect, it } from 'vitest';
import type { ExportTask } from '@/lib/export-tasks/types';
import {
  awsTaskId,
  destinationText,
  EMPTY_VIEW,
  filterRows,
  hasLocalFilter,
  nextSort,
  parseView,
  partialTaskId,
  sortRows,
  type TableView,
  viewToSearch,
} from './table-state';

function task(id: string, over: Partial<ExportTask> = {}): ExportTask {
  return {
    taskId: id,
    taskName: null,
    logGroupName: '/aws/lambda/orders-api',
    from: 0,
    to: 1,
    destination: 'logport-exports',
    destinationPrefix: 'exportedlogs',
    status: 'COMPLETED',
    statusMessage: 'Completed successfully',
    createdAt: 0,
    completedAt: null,
    ...over,
  };
}
const view = (over: Partial<TableView>): TableView => ({ ...EMPTY_VIEW, ...over });
const ids = (rows: ExportTask[]) => rows.map((t) => t.taskId);

describe('view in the URL', () => {
  it('round-trips every field', () => {
    const v = view({
      status: 'FAILED',
      taskId: 'abc',
      group: 'orders',
      dest: 'kms',
      q: 'a b',
      sort: 'range-asc',
    });
    expect(parseView(new URLSearchParams(viewToSearch(v)))).toEqual(v);
  });

  it('keeps the plain address plain', () => {
    expect(viewToSearch(EMPTY_VIEW)).toBe('');
  });

  it('ignores values it does not know', () => {
    expect(parseView({ status: 'DONE', sort: 'size', taskId: 'a b' })).toEqual(EMPTY_VIEW);
    expect(parseView({ status: ['RUNNING', 'FAILED'] }).status).toBe('RUNNING');
  });
});

describe('filters over loaded rows', () => {
  const rows = [
    task('t1', { logGroupName: '/aws/lambda/orders-api', taskName: 'nightly' }),
    task('t2', { logGroupName: '/ecs/checkout', destination: 'logport-exports-kms' }),
    task('t3', { logGroupName: 'my-log-group', destinationPrefix: 'archive/2025-01', status: 'FAILED' }),
  ];

  it('matches log group and destination without caring about case', () => {
    expect(ids(filterRows(rows, view({ group: 'ORDERS' })))).toEqual(['t1']);
    expect(ids(filterRows(rows, view({ dest: 's3://logport-exports-kms/' })))).toEqual(['t2']);
    expect(ids(filterRows(rows, view({ dest: 'archive/2025' })))).toEqual(['t3']);
  });

  it('free text needs every word somewhere in the row', () => {
    expect(ids(filterRows(rows, view({ q: 'nightly orders' })))).toEqual(['t1']);
    expect(ids(filterRows(rows, view({ q: 'failed' })))).toEqual(['t3']);
    expect(ids(filterRows(rows, view({ q: 't2' })))).toEqual(['t2']);
    expect(filterRows(rows, view({ q: 'nothing-like-this' }))).toEqual([]);
  });

  it('shows the destination as s3://bucket/prefix/', () => {
    expect(destinationText(task('x'))).toBe('s3://logport-exports/exportedlogs/');
    expect(destinationText(task('x', { destinationPrefix: '' }))).toBe('s3://logport-exports/');
  });
});

describe('sorting', () => {
  const rows = [
    task('new', { createdAt: 30, from: 10, to: 20 }),
    task('mid', { createdAt: 20, from: 50, to: 60 }),
    task('old', { createdAt: 10, from: 10, to: 15 }),
  ];

  it('is newest first by default (AWS order kept as is)', () => {
    expect(sortRows(rows, 'created-desc')).toBe(rows);
    expect(ids(sortRows(rows, 'created-asc'))).toEqual(['old', 'mid', 'new']);
  });

  it('sorts by range start, then end', () => {
    expect(ids(sortRows(rows, 'range-desc'))).toEqual(['mid', 'new', 'old']);
    expect(ids(sortRows(rows, 'range-asc'))).toEqual(['old', 'new', 'mid']);
  });

  it('a second click flips the order', () => {
    expect(nextSort('created-desc', 'created')).toBe('created-asc');
    expect(nextSort('created-asc', 'created')).toBe('created-desc');
    expect(nextSort('created-desc', 'range')).toBe('range-desc');
  });
});

describe('task id: whole ids go to AWS, parts filter the loaded rows', () => {
  const id = 'cda45419-aaaa-4bbb-8ccc-000000000000';
  it('asks AWS only for a whole id', () => {
    expect(awsTaskId({ taskId: id })).toBe(id);
    expect(awsTaskId({ taskId: 'cda454' })).toBeNull();
    expect(partialTaskId({ taskId: 'cda454' })).toBe('cda454');
    expect(partialTaskId({ taskId: id })).toBeNull();
  });
  it('matches part of an id among the loaded rows, case-insensitively', () => {
    const rows = [id, 'ffff0000-aaaa-4bbb-8ccc-000000000001'].map((taskId) => ({
      taskId,
      taskName: null,
      logGroupName: 'g',
      from: 0,
      to: 1,
      destination: 'b',
      destinationPrefix: 'p',
      status: 'COMPLETED' as const,
      statusMessage: null,
      createdAt: 1,
      completedAt: 2,
    }));
    const view = { ...EMPTY_VIEW, taskId: 'CDA45' };
    expect(filterRows(rows, view).map((r) => r.taskId)).toEqual([id]);
    expect(hasLocalFilter(view)).toBe(true);
  });
});
