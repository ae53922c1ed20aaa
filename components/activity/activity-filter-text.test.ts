import { describe, expect, it } from 'vitest';
import { activityHref, parseActivityView } from './activity-filter';

describe('activity filters: control characters and bidi marks', () => {
  it('does not apply a text filter holding them, and says which one', () => {
    const view = parseActivityView({ q: 'orders\u202etxt.exe', actor: 'admin\u0000' });
    expect(view.q).toBeUndefined();
    expect(view.actor).toBeUndefined();
    expect(view.refused).toEqual(['actor', 'q']);
    expect(activityHref(view)).toBe('/activity');
  });

  it('applies ordinary text, Japanese included', () => {
    const view = parseActivityView({ q: '注文 export', actor: 'alice' });
    expect(view).toEqual({ q: '注文 export', actor: 'alice' });
  });
});
