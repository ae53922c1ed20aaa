import { describe, expect, it } from 'vitest';
import { isPageTokenRefusal, newestFirst, toExportTask } from './list';
import type { ExportTask } from './types';

const task = (taskId: string, createdAt: number | null): ExportTask => ({
  ...toExportTask({ taskId, status: { code: 'COMPLETED' } }),
  createdAt,
});

describe('what a backend sends, as Logport holds it', () => {
  it('keeps missing fields unknown instead of guessing', () => {
    const t = toExportTask({ taskId: 'a', status: { code: 'active' as never } });
    expect(t).toMatchObject({
      status: 'UNKNOWN',
      destinationPrefix: null,
      createdAt: null,
      statusMessage: null,
    });
    expect(toExportTask({ taskId: 'b' }).status).toBe('UNKNOWN');
  });

  it('sorts newest first by creation time, and reverses a list that has none (creation order)', () => {
    expect(newestFirst([task('old', 1), task('new', 3), task('mid', 2)]).map((t) => t.taskId)).toEqual([
      'new',
      'mid',
      'old',
    ]);
    const aws = [task('c', 3), task('b', 2), task('a', 1)];
    expect(newestFirst(aws)).toBe(aws);
    expect(newestFirst([task('a', null), task('b', null), task('c', null)]).map((t) => t.taskId)).toEqual([
      'c',
      'b',
      'a',
    ]);
  });

  it('tells an expired page token from other refusals (and from expired credentials)', () => {
    const err = (name: string, message: string) => Object.assign(new Error(message), { name });
    expect(isPageTokenRefusal(err('InvalidParameterException', 'The specified nextToken is invalid.'))).toBe(
      true,
    );
    expect(isPageTokenRefusal(err('InvalidParameterException', 'The given next token has expired'))).toBe(
      true,
    );
    expect(isPageTokenRefusal(err('ExpiredNextTokenException', 'NextToken has expired'))).toBe(true);
    expect(
      isPageTokenRefusal(
        err('ExpiredTokenException', 'The security token included in the request is expired'),
      ),
    ).toBe(false);
    expect(isPageTokenRefusal(err('InvalidParameterException', 'The given bucket does not exist.'))).toBe(
      false,
    );
  });
});
