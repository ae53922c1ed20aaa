import { describe, expect, it } from 'vitest';
import { activityCsvHref, activityHref, dateBounds, parseActivityView } from './activity-filter';

describe('activity filters in the URL', () => {
  it('reads known filters and drops what it does not understand', () => {
    expect(
      parseActivityView({
        actor: ' alice ',
        action: 'queue.enqueue',
        outcome: 'error',
        q: 'orders',
        before: '42',
      }),
    ).toEqual({ actor: 'alice', action: 'queue.enqueue', outcome: 'error', q: 'orders', before: 42 });
    expect(parseActivityView({ action: 'drop.tables', outcome: 'maybe', before: '-3', q: '' })).toEqual({});
    expect(parseActivityView({ actor: ['bob', 'eve'] })).toEqual({ actor: 'bob' });
  });

  it('writes the same filters back, in a stable order', () => {
    expect(activityHref({})).toBe('/activity');
    expect(activityHref({ q: 'a b', actor: 'alice', before: 7 })).toBe(
      '/activity?actor=alice&q=a+b&before=7',
    );
  });
});

describe('activity date range', () => {
  it('reads days from the URL, drops days that do not exist, and refuses an end before the start', () => {
    expect(parseActivityView({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(parseActivityView({ from: '2026-02-30', to: '3/31/2026' })).toEqual({});
    expect(parseActivityView({ from: '2026-03-31', to: '2026-03-01' })).toEqual({ refused: ['dates'] });
    expect(activityHref({ from: '2026-03-01', to: '2026-03-31', before: 9 })).toBe(
      '/activity?from=2026-03-01&to=2026-03-31&before=9',
    );
    expect(activityCsvHref({ action: 'rule.create', from: '2026-03-01', before: 9 })).toBe(
      '/api/activity/csv?action=rule.create&from=2026-03-01',
    );
  });

  it('turns days into moments in the viewer’s zone, both days included', () => {
    const view = { from: '2026-03-01', to: '2026-03-02' };
    expect(dateBounds(view, 'Asia/Tokyo')).toEqual({
      since: Date.UTC(2026, 1, 28, 15),
      until: Date.UTC(2026, 2, 2, 15),
    });
    // New York springs forward on 2026-03-08: that day has 23 hours.
    expect(dateBounds({ from: '2026-03-08', to: '2026-03-08' }, 'America/New_York')).toEqual({
      since: Date.UTC(2026, 2, 8, 5),
      until: Date.UTC(2026, 2, 9, 4),
    });
    expect(dateBounds({}, 'UTC')).toEqual({});
  });

  it('accepts every action the app records, rules and sign-in locks included', () => {
    for (const action of ['rule.create', 'coverage.fill', 'auth.locked', 'session.end', 'queue.cancelBatch'])
      expect(parseActivityView({ action }).action).toBe(action);
  });
});
