import { describe, expect, it } from 'vitest';
import { describeObject, isKeyInFolder, taskFolder } from './objects';

describe('export task folder', () => {
  it('is <prefix>/<taskId>/', () => {
    expect(taskFolder('exportedlogs', 't1')).toBe('exportedlogs/t1/');
    expect(taskFolder('archive/2025-01/', 't1')).toBe('archive/2025-01/t1/');
    expect(taskFolder('', 't1')).toBe('t1/');
  });

  it('accepts only files inside the folder', () => {
    const folder = 'exportedlogs/t1/';
    expect(isKeyInFolder('exportedlogs/t1/stream/000000.gz', folder)).toBe(true);
    expect(isKeyInFolder('exportedlogs/t1/', folder)).toBe(false);
    expect(isKeyInFolder('exportedlogs/t2/stream/000000.gz', folder)).toBe(false);
    expect(isKeyInFolder('exportedlogs/t10/x.gz', 'exportedlogs/t1/')).toBe(false);
    expect(isKeyInFolder('exportedlogs/aws-logs-write-test', folder)).toBe(false);
    expect(isKeyInFolder('exportedlogs/t1/../t2/x.gz', folder)).toBe(false);
    expect(isKeyInFolder('exportedlogs/t1/./x.gz', folder)).toBe(false);
    expect(isKeyInFolder('exportedlogs/t1/a\nb', folder)).toBe(false);
  });

  it('names the stream and the part file', () => {
    expect(describeObject('p/t/2025/01/01/[$LATEST]abc/000001.gz', 'p/t/', 10, null)).toEqual({
      key: 'p/t/2025/01/01/[$LATEST]abc/000001.gz',
      name: '2025/01/01/[$LATEST]abc/000001.gz',
      stream: '2025/01/01/[$LATEST]abc',
      size: 10,
      lastModified: null,
    });
  });
});
