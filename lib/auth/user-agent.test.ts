import { describe, expect, it } from 'vitest';
import { shortUserAgent } from './user-agent';

describe('short user agent', () => {
  it('names browser, major version and system', () => {
    expect(
      shortUserAgent(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.7339.80 Safari/537.36',
      ),
    ).toBe('Chrome 140 on Linux');
    expect(
      shortUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36 Edg/139.0.0.0',
      ),
    ).toBe('Edge 139 on Windows');
    expect(
      shortUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 14.6; rv:131.0) Gecko/20100101 Firefox/131.0'),
    ).toBe('Firefox 131 on macOS');
    expect(
      shortUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari 18 on iOS');
  });

  it('keeps a script’s first word, and nothing for nothing', () => {
    expect(shortUserAgent('curl/8.5.0')).toBe('curl 8');
    expect(shortUserAgent('python-requests/2.31')).toBe('python-requests/2.31');
    expect(shortUserAgent('')).toBeNull();
    expect(shortUserAgent(null)).toBeNull();
    expect(shortUserAgent('\u0000\u0001')).toBeNull();
  });
});
