import NextAuth from 'next-auth';
import { authOptions } from './options';

/**
 * Drives next-auth's real handler (its pages-router form, which reads the request from plain objects rather than
 * from Next.js's request scope) for the tests: CSRF, password sign-in and sign-out, with Logport's options.
 * Not a test file itself; only tests import it.
 */
type Answer = { status: number; cookies: Map<string, string>; json: unknown; location: string | null };

async function call(
  path: [string, string?],
  options: { method: 'GET' | 'POST'; body?: Record<string, string>; cookies?: Map<string, string> },
): Promise<Answer> {
  const headers = new Map<string, string | string[]>();
  let status = 200;
  let json: unknown = null;
  const res = {
    status(code: number) {
      status = code;
      return res;
    },
    setHeader(name: string, value: string | string[]) {
      headers.set(name.toLowerCase(), value);
      return res;
    },
    getHeader(name: string) {
      return headers.get(name.toLowerCase());
    },
    json(value: unknown) {
      json = value;
      return res;
    },
    send(value: unknown) {
      json = value;
      return res;
    },
    end() {
      return res;
    },
  };
  const req = {
    method: options.method,
    query: { nextauth: path.filter((p): p is string => p !== undefined) },
    body: options.body ?? {},
    cookies: Object.fromEntries(options.cookies ?? []),
    headers: { host: '127.0.0.1:3999', 'content-type': 'application/x-www-form-urlencoded' },
  };
  await (NextAuth as unknown as (req: unknown, res: unknown, o: typeof authOptions) => Promise<void>)(
    req,
    res,
    authOptions,
  );
  const cookies = new Map<string, string>();
  const setCookie = headers.get('set-cookie');
  for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
    const [pair = ''] = line.split(';');
    const at = pair.indexOf('=');
    cookies.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
  }
  const location = headers.get('location');
  return { status, cookies, json, location: typeof location === 'string' ? location : null };
}

async function csrf(): Promise<{ token: string; cookies: Map<string, string> }> {
  const answer = await call(['csrf'], { method: 'GET' });
  return { token: (answer.json as { csrfToken: string }).csrfToken, cookies: answer.cookies };
}

/** A password sign-in through next-auth; the session cookie's token, or null when refused. */
export async function signInForTest(username: string, password: string): Promise<string | null> {
  const { token, cookies } = await csrf();
  const answer = await call(['callback', 'credentials'], {
    method: 'POST',
    body: { username, password, csrfToken: token, json: 'true', callbackUrl: '/exports' },
    cookies,
  });
  return answer.cookies.get('next-auth.session-token') || null;
}

/** Signs out through next-auth, as the sign-out button does. */
export async function signOutForTest(sessionToken: string): Promise<void> {
  const { token, cookies } = await csrf();
  cookies.set('next-auth.session-token', sessionToken);
  await call(['signout'], { method: 'POST', body: { csrfToken: token, json: 'true' }, cookies });
}

/** A cookie jar holding a session token, as a request would carry it. */
export function jarWith(token: string) {
  const all = [{ name: 'next-auth.session-token', value: token }];
  return {
    get: (name: string) => all.find((c) => c.name === name),
    getAll: () => all,
  };
}
