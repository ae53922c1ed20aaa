import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBody, readJsonBody, refuseUnsafeRequest } from './guard';
import { isSameOrigin, siteOrigin } from './origin';

const SITE = 'http://127.0.0.1:3210';
const limits = { maxBodyBytes: 1024 };

function post(headers: Record<string, string>, body?: BodyInit): Request {
  return new Request(`${SITE}/api/preflight`, {
    method: 'POST',
    headers: { host: '127.0.0.1:3210', ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function refusalOf(res: Response | null): Promise<{ status: number; error: string } | null> {
  if (!res) return null;
  return { status: res.status, error: ((await res.json()) as { error: string }).error };
}

afterEach(() => vi.unstubAllEnvs());

describe('refuseUnsafeRequest', () => {
  it('lets plain reads through whatever their Origin', () => {
    const get = new Request(`${SITE}/api/x`, { headers: { origin: 'https://evil.example' } });
    expect(refuseUnsafeRequest(get, limits)).toBeNull();
  });

  it('lets a same-origin write through', () => {
    expect(refuseUnsafeRequest(post({ origin: SITE }), limits)).toBeNull();
  });

  it('refuses a write from another site, without an Origin, or with Origin null', async () => {
    for (const origin of [
      'https://evil.example',
      'http://127.0.0.1:3211',
      'http://127.0.0.1.evil.example:3210',
      'null',
      'file://',
      'not a url',
    ])
      expect(await refusalOf(refuseUnsafeRequest(post({ origin }), limits)), origin).toEqual({
        status: 403,
        error: 'crossOrigin',
      });
    expect(await refusalOf(refuseUnsafeRequest(post({}), limits))).toEqual({
      status: 403,
      error: 'crossOrigin',
    });
    for (const method of ['PUT', 'PATCH', 'DELETE', 'OPTIONS'])
      expect(
        (await refusalOf(refuseUnsafeRequest(new Request(`${SITE}/api/x`, { method }), limits)))?.status,
        method,
      ).toBe(403);
  });

  it('refuses an announced body over the limit with 413 and the limit in KB', async () => {
    const res = refuseUnsafeRequest(
      post({ origin: SITE, 'content-length': String(20 * 1024 * 1024) }),
      limits,
    );
    expect(res?.status).toBe(413);
    expect(await res?.json()).toEqual({ error: 'payloadTooLarge', params: { maxKb: 1 } });
    expect(
      (await refusalOf(refuseUnsafeRequest(post({ origin: SITE, 'content-length': '-1' }), limits)))?.status,
    ).toBe(400);
  });

  it('trusts the configured NEXTAUTH_URL origin and the host the request was addressed to', () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://logport.example.com/');
    const headers = new Headers({ host: '10.0.0.5:3000' });
    expect(isSameOrigin('https://logport.example.com', headers)).toBe(true);
    expect(isSameOrigin('http://10.0.0.5:3000', headers)).toBe(true);
    expect(isSameOrigin('https://logport.example.com.evil.example', headers)).toBe(false);
    expect(
      isSameOrigin('https://logport.example.com', new Headers({ 'x-forwarded-host': 'logport.example.com' })),
    ).toBe(true);
  });
});

describe('readBody / readJsonBody', () => {
  it('reads a body within the limit', async () => {
    const body = await readJsonBody(post({ origin: SITE }, JSON.stringify({ a: 1 })), 1024);
    expect(body).toEqual({ ok: true, value: { a: 1 } });
  });

  it('stops reading an unannounced (chunked) body at the limit', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(512));
        if (pulled > 10_000) controller.close();
      },
    });
    const body = await readBody(post({ origin: SITE }, stream), 1024);
    expect(body.ok).toBe(false);
    if (!body.ok) expect(body.response.status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });

  it('answers 400 invalidInput for a body that is not JSON', async () => {
    const body = await readJsonBody(post({ origin: SITE }, '{not json'), 1024);
    expect(body.ok).toBe(false);
    if (!body.ok) expect(await refusalOf(body.response)).toEqual({ status: 400, error: 'invalidInput' });
  });
});

describe('siteOrigin', () => {
  it('is NEXTAUTH_URL when set, else the request host (https behind a TLS proxy)', () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://logport.example.com/base');
    expect(siteOrigin(new Headers({ host: 'x' }))).toBe('https://logport.example.com');
    vi.stubEnv('NEXTAUTH_URL', '');
    expect(siteOrigin(new Headers({ host: 'localhost:3000' }))).toBe('http://localhost:3000');
    expect(
      siteOrigin(new Headers({ host: 'a', 'x-forwarded-host': 'b.example', 'x-forwarded-proto': 'https' })),
    ).toBe('https://b.example');
  });
});
