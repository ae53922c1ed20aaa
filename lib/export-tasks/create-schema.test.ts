import { describe, expect, it } from 'vitest';
import { createExportSchema, fieldErrorsOf } from './create-schema';

const good = {
  region: 'us-east-2',
  logGroupNames: ['/aws/lambda/orders-api'],
  from: Date.parse('2026-05-13T00:00:00Z'),
  to: Date.parse('2026-05-14T00:00:00Z') - 1,
  timeZone: 'Asia/Tokyo',
  chunk: 'none',
  destination: 'logport-exports',
  destinationPrefix: 'exportedlogs/x7k2q9',
  taskName: 'orders-api-20260513',
};

function errorsOf(patch: Record<string, unknown>): Record<string, string[]> {
  const result = createExportSchema.safeParse({ ...good, ...patch });
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe('createExportSchema', () => {
  it('accepts a good export and fills defaults', () => {
    const { destinationPrefix: _, chunk: __, ...rest } = good;
    const out = createExportSchema.parse({ ...rest, logStreamNamePrefix: '' });
    expect(out.destinationPrefix).toBe('exportedlogs');
    expect(out.chunk).toBe('none');
    expect(out.logStreamNamePrefix).toBeUndefined();
    expect(out.queue).toBe(false);
    expect(createExportSchema.parse({ ...good, destinationPrefix: '' }).destinationPrefix).toBe(
      'exportedlogs',
    );
  });

  it('start after end, or equal', () => {
    expect(errorsOf({ from: good.to, to: good.from })).toEqual({ to: ['wizard.errors.startAfterEnd'] });
    expect(errorsOf({ to: good.from })).toEqual({ to: ['wizard.errors.startAfterEnd'] });
  });

  it('bad epoch values', () => {
    expect(errorsOf({ from: -1 }).from).toEqual(['wizard.errors.fromInvalid']);
    expect(errorsOf({ from: 1.5 }).from).toEqual(['wizard.errors.fromInvalid']);
    expect(errorsOf({ to: Number.NaN }).to).toEqual(['wizard.errors.toInvalid']);
    expect(errorsOf({ from: '1' }).from).toEqual(['wizard.errors.fromInvalid']);
  });

  it('empty, odd or too many log groups', () => {
    expect(errorsOf({ logGroupNames: [] })).toEqual({ logGroupNames: ['wizard.errors.logGroupRequired'] });
    expect(errorsOf({ logGroupNames: [''] })).toEqual({ logGroupNames: ['wizard.errors.logGroupRequired'] });
    expect(errorsOf({ logGroupNames: ['has space'] }).logGroupNames).toEqual([
      'wizard.errors.logGroupInvalid',
    ]);
    expect(errorsOf({ logGroupNames: ['a:b'] }).logGroupNames).toEqual(['wizard.errors.logGroupInvalid']);
    expect(errorsOf({ logGroupNames: ['x'.repeat(513)] }).logGroupNames).toEqual([
      'wizard.errors.logGroupTooLong',
    ]);
    expect(errorsOf({ logGroupNames: ['a', 'a'] }).logGroupNames).toEqual(['wizard.errors.logGroupInvalid']);
    expect(errorsOf({ logGroupNames: Array.from({ length: 51 }, (_, i) => `g${i}`) }).logGroupNames).toEqual([
      'wizard.errors.tooManyGroups',
    ]);
  });

  it('bucket names with capitals, spaces, bad length or shape', () => {
    expect(errorsOf({ destination: '' }).destination).toEqual(['wizard.errors.bucketRequired']);
    expect(errorsOf({ destination: 'My-Bucket' }).destination).toEqual(['wizard.errors.bucketInvalid']);
    expect(errorsOf({ destination: 'my bucket' }).destination).toEqual(['wizard.errors.bucketInvalid']);
    expect(errorsOf({ destination: 'ab' }).destination).toEqual(['wizard.errors.bucketLength']);
    expect(errorsOf({ destination: 'a'.repeat(64) }).destination).toEqual(['wizard.errors.bucketLength']);
    expect(errorsOf({ destination: '-bucket' }).destination).toEqual(['wizard.errors.bucketInvalid']);
    expect(errorsOf({ destination: 'a..b' }).destination).toEqual(['wizard.errors.bucketInvalid']);
    expect(errorsOf({ destination: 'my_bucket' }).destination).toEqual(['wizard.errors.bucketInvalid']);
    expect(errorsOf({ destination: '192.168.1.1' }).destination).toEqual(['wizard.errors.bucketIpAddress']);
  });

  it('prefixes over the key limit, with a leading slash, .. segments or control characters', () => {
    expect(errorsOf({ destinationPrefix: 'a'.repeat(1100) }).destinationPrefix).toEqual([
      'wizard.errors.prefixTooLong',
    ]);
    // Bytes, not characters: 400 Japanese characters are 1,200 bytes.
    expect(errorsOf({ destinationPrefix: 'ロ'.repeat(400) }).destinationPrefix).toEqual([
      'wizard.errors.prefixTooLong',
    ]);
    expect(errorsOf({ destinationPrefix: '/logs' }).destinationPrefix).toEqual([
      'wizard.errors.prefixLeadingSlash',
    ]);
    expect(errorsOf({ destinationPrefix: 'a/../b' }).destinationPrefix).toEqual([
      'wizard.errors.prefixTraversal',
    ]);
    expect(errorsOf({ destinationPrefix: 'a\tb' }).destinationPrefix).toEqual([
      'wizard.errors.prefixControlChars',
    ]);
    expect(errorsOf({ destinationPrefix: 'logs/2026/ログ' })).toEqual({});
  });

  it('task names: required for one export, at most 512 characters', () => {
    expect(errorsOf({ taskName: 'x'.repeat(600) }).taskName).toEqual(['wizard.errors.taskNameTooLong']);
    expect(errorsOf({ taskName: '' }).taskName).toEqual(['wizard.errors.taskNameRequired']);
    expect(errorsOf({ taskName: undefined }).taskName).toEqual(['wizard.errors.taskNameRequired']);
    // Several exports get generated names.
    expect(errorsOf({ taskName: '', logGroupNames: ['a', 'b'] })).toEqual({});
  });

  it('stream prefixes and time zones', () => {
    expect(errorsOf({ logStreamNamePrefix: 'a:b' }).logStreamNamePrefix).toEqual([
      'wizard.errors.streamPrefixInvalid',
    ]);
    expect(errorsOf({ logStreamNamePrefix: 'a*' }).logStreamNamePrefix).toEqual([
      'wizard.errors.streamPrefixInvalid',
    ]);
    expect(errorsOf({ logStreamNamePrefix: 's'.repeat(513) }).logStreamNamePrefix).toEqual([
      'wizard.errors.streamPrefixTooLong',
    ]);
    expect(errorsOf({ timeZone: 'Mars/Olympus_Mons' }).timeZone).toEqual(['wizard.errors.timeZoneInvalid']);
    expect(errorsOf({ timeZone: '' }).timeZone).toEqual(['wizard.errors.timeZoneInvalid']);
    expect(errorsOf({ timeZone: 'UTC' })).toEqual({});
  });

  it('chunk size and plan size', () => {
    expect(errorsOf({ chunk: 'hour' }).chunk).toEqual(['wizard.errors.chunkInvalid']);
    expect(
      errorsOf({
        chunk: 'day',
        logGroupNames: Array.from({ length: 10 }, (_, i) => `g${i}`),
        from: Date.parse('2025-01-01T00:00:00Z'),
        to: Date.parse('2026-01-01T00:00:00Z'),
      }).chunk,
    ).toEqual(['wizard.errors.tooManyExports']);
  });

  it('Regions', () => {
    expect(errorsOf({ region: 'mars-1' }).region).toEqual(['wizard.errors.regionInvalid']);
  });
});
