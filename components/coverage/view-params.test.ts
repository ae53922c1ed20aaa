import { describe, expect, it } from 'vitest';
import { apiSearch, DEFAULT_VIEW, parseView, resolveRange, viewToSearch } from './view-params';

const NOW = Date.UTC(2026, 10, 24, 10, 30);

describe('coverage view in the URL', () => {
  it('reads what it understands and drops the rest', () => {
    expect(parseView(new URLSearchParams(''))).toEqual(DEFAULT_VIEW);
    expect(
      parseView(
        new URLSearchParams(
          `rule=${'a'.repeat(32)}&state=gap&q=orders&range=custom&from=2026-11-01&to=2026-11-03`,
        ),
      ),
    ).toEqual({
      rule: 'a'.repeat(32),
      state: 'gap',
      q: 'orders',
      range: 'custom',
      from: '2026-11-01',
      to: '2026-11-03',
    });
    expect(parseView({ rule: 'x', state: 'nope', range: 'year', from: '2026-02-30' })).toEqual(DEFAULT_VIEW);
  });

  it('writes only what differs from the default, and reads it back', () => {
    expect(viewToSearch(DEFAULT_VIEW)).toBe('');
    const v = { ...DEFAULT_VIEW, state: 'failed' as const, range: '48h' as const, from: '2026-01-01' };
    expect(viewToSearch(v)).toBe('?state=failed&range=48h');
    expect(parseView(new URLSearchParams(viewToSearch(v).slice(1)))).toEqual({ ...v, from: '' });
  });

  it('the presets: 30 days by day, 2 days by the hour, 90 days from an hour mark', () => {
    expect(resolveRange(DEFAULT_VIEW, NOW, 'UTC')).toEqual({ ok: true, unit: 'day' });
    expect(resolveRange({ ...DEFAULT_VIEW, range: '48h' }, NOW, 'UTC')).toEqual({ ok: true, unit: 'hour' });
    const r = resolveRange({ ...DEFAULT_VIEW, range: '90d' }, NOW, 'UTC');
    expect(r).toEqual({ ok: true, unit: 'day', from: Date.UTC(2026, 7, 26, 10) });
  });

  it("a custom range is the viewer's whole days; three days or fewer are shown by the hour", () => {
    const custom = { ...DEFAULT_VIEW, range: 'custom' as const };
    expect(resolveRange({ ...custom, from: '2026-11-01', to: '2026-11-30' }, NOW, 'Asia/Tokyo')).toEqual({
      ok: true,
      unit: 'day',
      from: Date.UTC(2026, 9, 31, 15),
      to: Date.UTC(2026, 10, 30, 15) - 1,
    });
    expect(resolveRange({ ...custom, from: '2026-11-01', to: '2026-11-03' }, NOW, 'UTC')).toMatchObject({
      unit: 'hour',
    });
    expect(resolveRange({ ...custom, from: '2026-11-03', to: '2026-11-01' }, NOW, 'UTC')).toEqual({
      ok: false,
      problem: 'customOrder',
    });
    expect(resolveRange({ ...custom, from: '2026-11-03' }, NOW, 'UTC')).toEqual({
      ok: false,
      problem: 'customMissing',
    });
    expect(resolveRange({ ...custom, from: '2024-01-01', to: '2026-01-01' }, NOW, 'UTC')).toEqual({
      ok: false,
      problem: 'customTooLong',
    });
  });

  it('asks the overview API for the same view', () => {
    const v = { ...DEFAULT_VIEW, rule: 'b'.repeat(32), q: ' api ' };
    expect(apiSearch({ account: 'prod', region: 'us-east-2' }, v, { ok: true, unit: 'day', from: 5 })).toBe(
      `account=prod&region=us-east-2&unit=day&from=5&rule=${'b'.repeat(32)}&q=api`,
    );
  });
});
