import { describe, expect, it } from 'vitest';
import { DEFAULT_HSTS, hstsHeader } from './hsts';

describe('hstsHeader', () => {
  const https = { NEXTAUTH_URL: 'https://logport.example.com' };

  it('is sent by default when the public URL is https', () => {
    expect(hstsHeader(https)).toBe(DEFAULT_HSTS);
  });

  it('is never sent over plain http or without a public URL', () => {
    expect(hstsHeader({ NEXTAUTH_URL: 'http://127.0.0.1:3000' })).toBeNull();
    expect(hstsHeader({})).toBeNull();
    expect(hstsHeader({ NEXTAUTH_URL: 'http://x', LOGPORT_HSTS: '600' })).toBeNull();
  });

  it('follows LOGPORT_HSTS: off, seconds or a full value', () => {
    expect(hstsHeader({ ...https, LOGPORT_HSTS: 'off' })).toBeNull();
    expect(hstsHeader({ ...https, LOGPORT_HSTS: 'OFF' })).toBeNull();
    expect(hstsHeader({ ...https, LOGPORT_HSTS: '600' })).toBe('max-age=600');
    expect(hstsHeader({ ...https, LOGPORT_HSTS: 'max-age=63072000;includeSubDomains; preload' })).toBe(
      'max-age=63072000; includeSubDomains; preload',
    );
  });

  it('falls back to the default for a value it does not understand (never sends garbage)', () => {
    expect(hstsHeader({ ...https, LOGPORT_HSTS: 'max-age=1\r\nSet-Cookie: x=1' })).toBe(DEFAULT_HSTS);
    expect(hstsHeader({ ...https, LOGPORT_HSTS: 'forever' })).toBe(DEFAULT_HSTS);
  });
});
