import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeTempDataDir } from '@/lib/queue/test-support';

// The activity store's filters on a real store (SQLite here; the postgres project runs this file again).
makeTempDataDir();
const { recordActivity, listActivity, countActivity, activityPages } = await import('.');

const alice = { name: 'alice', role: 'operator' as const };
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1);

afterAll(() => {
  vi.useRealTimers();
});

describe('activity store', () => {
  it('keeps a date range: since included, until excluded', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let i = 0; i < 10; i++) {
      vi.setSystemTime(T0 + i * DAY);
      await recordActivity(alice, { action: 'queue.pause', target: `day-${i}`, outcome: 'ok' });
    }
    vi.useRealTimers();
    const days = async (since?: number, until?: number) =>
      (await listActivity({ since, until, limit: 200 })).map((e) => e.target);
    expect(await days(T0 + 2 * DAY, T0 + 5 * DAY)).toEqual(['day-4', 'day-3', 'day-2']);
    expect(await days(T0 + 8 * DAY)).toEqual(['day-9', 'day-8']);
    expect(await days(undefined, T0 + DAY)).toEqual(['day-0']);
    expect(await countActivity({ since: T0 + 2 * DAY, until: T0 + 5 * DAY }, 100)).toBe(3);
  });

  it('reads every entry of a filter in pages for the CSV, newest first, up to a cap', async () => {
    for (let i = 0; i < 25; i++)
      await recordActivity(alice, {
        action: 'queue.enqueue',
        target: `batch-${i}`,
        outcome: 'ok',
        detail: { logGroups: ['/orders'] },
      });
    const read = async (max: number, pageSize: number) => {
      const seen: string[] = [];
      let pages = 0;
      for await (const page of activityPages(
        { action: 'queue.enqueue', text: 'ORDERS' },
        { max, pageSize },
      )) {
        pages++;
        expect(page.length).toBeLessThanOrEqual(pageSize);
        seen.push(...page.map((e) => e.target ?? ''));
      }
      return { seen, pages };
    };
    const all = await read(1000, 7);
    expect(all.seen).toEqual(Array.from({ length: 25 }, (_, i) => `batch-${24 - i}`));
    expect(all.pages).toBe(4);
    const capped = await read(10, 4);
    expect(capped.seen).toEqual(all.seen.slice(0, 10));
    expect(await countActivity({ action: 'queue.enqueue' }, 11)).toBe(11);
    expect(await countActivity({ action: 'queue.enqueue' }, 1000)).toBe(25);
  });
});
