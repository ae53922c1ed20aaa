import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './callback-url';

describe('safeCallbackUrl', () => {
  it('keeps same-site paths', () => {
    expect(safeCallbackUrl('/queue?x=1')).toBe('/queue?x=1');
  });
  it('refuses other hosts and odd values', () => {
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      undefined,
      ['/a'],
      '/signin',
      '/api/x',
    ]) {
      expect(safeCallbackUrl(bad)).toBe('/exports');
    }
  });
});
