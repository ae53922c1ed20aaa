import { describe, expect, it } from 'vitest';
import { DEFAULT_LANDING, safeCallbackUrl, sameOriginUrl } from './callback-url';

const ORIGIN = 'https://logport.example.com';

/** Known open-redirect bypass forms: each must end on the site itself, whatever a browser makes of it. */
const BYPASSES: Array<[string, string]> = [
  ['tab', '/\t/evil.com'],
  ['tab, as the issue saw it (decoded %09)', decodeURIComponent('/%09/evil.com')],
  ['CR', '/\r/evil.com'],
  ['LF', '/\n/evil.com'],
  ['leading space', ' //evil.com'],
  ['leading NUL', '\u0000//evil.com'],
  ['protocol-relative', '//evil.com'],
  ['three slashes', '///evil.com'],
  ['slash backslash', '/\\evil.com'],
  ['backslash slash', '\\/evil.com'],
  ['two backslashes', '\\\\evil.com'],
  ['decoded /%2f', decodeURIComponent('/%2f/evil.com')],
  ['decoded /%5c', decodeURIComponent('/%5cevil.com')],
  ['dot segment collapsing to //', '/.//evil.com'],
  ['dot-dot segment collapsing to //', '/..//evil.com'],
  ['nested dot-dot to //', '/a/..//evil.com'],
  ['full-width dot in host', '//evil\uff0ecom'],
  ['ideographic dot in host', '//evil\u3002com'],
  ['halfwidth ideographic dot', '//evil\uff61com'],
  ['absolute http', 'http://evil.com/exports'],
  ['absolute https', 'https://evil.com'],
  ['other port of the same host', 'https://logport.example.com:8443/exports'],
  ['other scheme of the same host', 'http://logport.example.com/exports'],
  ['subdomain', 'https://logport.example.com.evil.com/'],
  ['userinfo @ host swap', 'https://logport.example.com@evil.com/'],
  ['userinfo on our own host', 'https://evil.com@logport.example.com/exports'],
  ['javascript:', 'javascript:alert(document.cookie)'],
  ['JavaScript: with a tab', 'java\tscript:alert(1)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['scheme-relative with backslashes', 'https:\\\\evil.com'],
  ['an unparsable URL', 'http://[::1'],
  ['empty', ''],
  ['over 2,048 characters', `/exports?${'a'.repeat(2100)}`],
];

/** What a browser does with a relative URL on the page: it must stay on the site. */
function followedFrom(path: string): string {
  return new URL(path, ORIGIN).origin;
}

describe('safeCallbackUrl', () => {
  it('keeps same-site paths, with query and hash', () => {
    expect(safeCallbackUrl('/queue?x=1', ORIGIN)).toBe('/queue?x=1');
    expect(safeCallbackUrl('/exports/abc#files', ORIGIN)).toBe('/exports/abc#files');
    expect(safeCallbackUrl(`${ORIGIN}/queue`, ORIGIN)).toBe('/queue');
  });

  for (const [name, value] of BYPASSES) {
    it(`stays on the site: ${name}`, () => {
      const out = safeCallbackUrl(value, ORIGIN);
      expect(followedFrom(out)).toBe(ORIGIN);
      expect(out.startsWith('/')).toBe(true);
      expect(out.startsWith('//')).toBe(false);
      // A Location header must be ASCII; non-ASCII or control characters made the redirect crash.
      expect(out).toMatch(/^[\x21-\x7e]+$/);
    });
  }

  it('refuses every listed bypass (back to the default landing)', () => {
    const escaped = BYPASSES.filter(([, v]) => safeCallbackUrl(v, ORIGIN) !== DEFAULT_LANDING).map(
      ([name, v]) => `${name}: ${JSON.stringify(v)} → ${safeCallbackUrl(v, ORIGIN)}`,
    );
    expect(escaped).toEqual([]);
  });

  it('never throws and percent-encodes Unicode (no 500 on %0a, %0d or odd characters)', () => {
    for (const value of [
      '%0a',
      '%0d',
      '/exports\r\nSet-Cookie: a=b',
      '/\u2028x',
      '/\ud800',
      '/ロ',
      '/\u202e/x',
      '/x\uffff',
      '\u0085',
    ]) {
      const out = safeCallbackUrl(value, ORIGIN);
      expect(out).toMatch(/^\/[\x21-\x7e]*$/);
      expect(followedFrom(out)).toBe(ORIGIN);
    }
    expect(safeCallbackUrl('/ロ', ORIGIN)).toBe('/%E3%83%AD');
  });

  it('refuses non-strings, sign-in pages and API routes', () => {
    for (const bad of [
      undefined,
      null,
      42,
      ['/a'],
      { href: '/a' },
      '/signin',
      '/signin?x=1',
      '/api/x',
      '/api',
    ])
      expect(safeCallbackUrl(bad, ORIGIN)).toBe(DEFAULT_LANDING);
  });

  it('refuses when the origin itself is not a URL', () => {
    expect(safeCallbackUrl('/queue', 'not a url')).toBe(DEFAULT_LANDING);
  });
});

describe('sameOriginUrl (next-auth redirect callback)', () => {
  it('accepts same-origin absolute and relative values', () => {
    expect(sameOriginUrl('/signin?signedOut=1', ORIGIN)?.href).toBe(`${ORIGIN}/signin?signedOut=1`);
    expect(sameOriginUrl(`${ORIGIN}/exports`, ORIGIN)?.href).toBe(`${ORIGIN}/exports`);
  });
  it('refuses every bypass form', () => {
    for (const [, value] of BYPASSES) {
      const url = sameOriginUrl(value, ORIGIN);
      if (url) expect(url.origin).toBe(ORIGIN);
      if (url) expect(url.pathname.startsWith('//')).toBe(false);
    }
  });
});
