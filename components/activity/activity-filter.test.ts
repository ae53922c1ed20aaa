import { describe, expect, it } from 'vitest';
import { activityHref, parseActivityView } from './activity-filter';

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
