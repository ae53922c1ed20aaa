import { describe, expect, it } from 'vitest';
import { authOptions } from './options';

const baseUrl = 'http://127.0.0.1:3210';
const redirect = (url: string) => authOptions.callbacks?.redirect?.({ url, baseUrl }) as string;

describe("next-auth's redirect callback", () => {
  it('keeps same-origin destinations (sign-out back to sign-in, an absolute link to the site)', () => {
    expect(redirect('/signin?signedOut=1')).toBe(`${baseUrl}/signin?signedOut=1`);
    expect(redirect(`${baseUrl}/queue`)).toBe(`${baseUrl}/queue`);
  });

  it('sends every other destination home, and never throws', () => {
    for (const url of [
      '/\t/evil.com',
      '//evil.com',
      '/\\evil.com',
      'https://evil.com',
      'http://[::1',
      'javascript:alert(1)',
      `${baseUrl}@evil.com`,
    ])
      expect(redirect(url)).toBe(baseUrl);
    for (const url of ['%0a', '%0d', '\n', '/\r\nSet-Cookie: x=1', '/ロ'])
      expect(new URL(redirect(url)).origin).toBe(baseUrl);
  });
});
