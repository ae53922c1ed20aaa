import { describe, expect, it } from 'vitest';
import { refuseUnsafeRequest } from '@/lib/http/guard';

// The write guard's Bearer branch (issue 13): a route handler's request with an API token carries no ambient
// credential, so another site's Origin does not matter; the body cap still does, and nothing else is exempt.
const SITE = 'http://127.0.0.1:3210';
const limits = { maxBodyBytes: 1024 };
const TOKEN = 'lpt_0123456789abcdef_0123456789012345678901234567890123456789012';

function write(path: string, headers: Record<string, string>, method = 'POST'): Request {
  return new Request(`${SITE}${path}`, { method, headers: { host: '127.0.0.1:3210', ...headers } });
}

async function refusalOf(res: Response | null) {
  if (!res) return null;
  return { status: res.status, error: ((await res.json()) as { error: string }).error };
}

describe('refuseUnsafeRequest with an API token', () => {
  it('lets a Bearer write to a route handler through from another Origin, or with none', async () => {
    for (const origin of ['https://evil.example', 'null', undefined]) {
      for (const method of ['POST', 'PUT', 'DELETE']) {
        const headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` };
        if (origin) headers.origin = origin;
        expect(
          refuseUnsafeRequest(write('/api/rules', headers, method), limits),
          `${method} ${origin}`,
        ).toBeNull();
      }
    }
    // The scheme is case-insensitive, and a malformed token is still a token request (refused by requireRole).
    expect(refuseUnsafeRequest(write('/api/rules', { authorization: 'bearer x' }), limits)).toBeNull();
    expect(refuseUnsafeRequest(write('/api/rules', { authorization: 'Bearer' }), limits)).toBeNull();
  });

  it('keeps the body cap for Bearer requests', async () => {
    const res = refuseUnsafeRequest(
      write('/api/rules/import', { authorization: `Bearer ${TOKEN}`, 'content-length': '4096' }),
      limits,
    );
    expect(await refusalOf(res)).toEqual({ status: 413, error: 'payloadTooLarge' });
  });

  it('exempts nothing else: other schemes, next-auth’s posts, and writes to pages (server actions)', async () => {
    const foreign = { origin: 'https://evil.example' };
    const refused = { status: 403, error: 'crossOrigin' };
    expect(
      await refusalOf(
        refuseUnsafeRequest(write('/api/rules', { ...foreign, authorization: 'Basic YTpi' }), limits),
      ),
    ).toEqual(refused);
    expect(await refusalOf(refuseUnsafeRequest(write('/api/rules', foreign), limits))).toEqual(refused);
    for (const path of [
      '/api/auth/callback/credentials',
      '/api/auth/signout',
      '/settings',
      '/exports/new',
      '/',
    ]) {
      expect(
        await refusalOf(
          refuseUnsafeRequest(write(path, { ...foreign, authorization: `Bearer ${TOKEN}` }), limits),
        ),
        path,
      ).toEqual(refused);
    }
  });
});
