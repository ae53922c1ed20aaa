import { describe, expect, it } from 'vitest';
import { covers, overlapsAny } from './intervals';

describe('covers', () => {
  it('needs every millisecond of the range, ends included', () => {
    expect(covers([{ from: 0, to: 99 }], 0, 99)).toBe(true);
    expect(covers([{ from: 1, to: 99 }], 0, 99)).toBe(false);
    expect(covers([{ from: 0, to: 98 }], 0, 99)).toBe(false);
    expect(covers([{ from: -5, to: 500 }], 0, 99)).toBe(true);
    expect(covers([], 0, 99)).toBe(false);
  });

  it('accepts several intervals that touch or overlap, in any order, but not a hole between them', () => {
    expect(
      covers(
        [
          { from: 50, to: 99 },
          { from: 0, to: 49 },
        ],
        0,
        99,
      ),
    ).toBe(true);
    expect(
      covers(
        [
          { from: 0, to: 60 },
          { from: 40, to: 99 },
        ],
        0,
        99,
      ),
    ).toBe(true);
    expect(
      covers(
        [
          { from: 0, to: 48 },
          { from: 50, to: 99 },
        ],
        0,
        99,
      ),
    ).toBe(false);
    expect(
      covers(
        [
          { from: 0, to: 10 },
          { from: 0, to: 99 },
          { from: 5, to: 7 },
        ],
        0,
        99,
      ),
    ).toBe(true);
  });

  it('treats an empty range as covered', () => {
    expect(covers([], 10, 9)).toBe(true);
  });
});

describe('overlapsAny', () => {
  it('is true when one millisecond is shared', () => {
    expect(overlapsAny([{ from: 99, to: 200 }], 0, 99)).toBe(true);
    expect(overlapsAny([{ from: 100, to: 200 }], 0, 99)).toBe(false);
    expect(overlapsAny([{ from: -10, to: 0 }], 0, 99)).toBe(true);
    expect(overlapsAny([{ from: -10, to: -1 }], 0, 99)).toBe(false);
  });
});
