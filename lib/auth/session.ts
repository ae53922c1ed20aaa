import 'server-only';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import type { Caller } from './caller';
import { checkSession } from './session-check';

/**
 * The caller behind a request's session cookie, read the way next-auth writes it (an encrypted JWT, possibly
 * split into `.0`, `.1`… chunks). The token only names a server-side session (`sid`): whether that session is
 * still open, and as which role, is decided by `checkSession` on every call (issue 14.3). Decoding the token
 * is pure, so its result is kept briefly per token (never past the token's own expiry).
 */
const REMEMBER_MS = 30_000;
const MAX_REMEMBERED = 1_000;

type Decoded = { sid: string | null; exp: number };
const g = globalThis as unknown as { logportTokens?: Map<string, { until: number; decoded: Decoded }> };

function remembered(): Map<string, { until: number; decoded: Decoded }> {
  g.logportTokens ??= new Map();
  return g.logportTokens;
}

export function sessionCookieName(): string {
  const secure = process.env.NEXTAUTH_URL?.startsWith('https://') ?? false;
  return secure ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

type CookieReader = {
  get(name: string): { value: string } | undefined;
  getAll(): Array<{ name: string; value: string }>;
};

/** The whole token from the request's cookies (joined from its chunks), or null. */
export function sessionTokenFrom(jar: CookieReader): string | null {
  const name = sessionCookieName();
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length > 0 ? chunks.map((c) => c.value).join('') : null;
}

async function decodeToken(token: string): Promise<Decoded> {
  try {
    const payload = await decode({ token, secret: process.env.NEXTAUTH_SECRET ?? '' });
    const sid = payload?.sid;
    const exp = typeof payload?.exp === 'number' ? payload.exp * 1000 : 0;
    // A token from before server-side sessions (no sid) names no session: its holder signs in again.
    return { sid: typeof sid === 'string' && sid ? sid : null, exp };
  } catch {
    // Expired, tampered with, or signed with another secret: no session.
    return { sid: null, exp: 0 };
  }
}

/** The server-side session id a token names (null: none, or not a valid token). */
export async function sessionIdOf(token: string): Promise<string | null> {
  const now = Date.now();
  const memory = remembered();
  const hit = memory.get(token);
  if (hit && now < hit.until) return hit.decoded.sid;
  const decoded = await decodeToken(token);
  if (memory.size >= MAX_REMEMBERED) memory.clear();
  memory.set(token, {
    until: decoded.sid ? Math.min(now + REMEMBER_MS, decoded.exp) : now + REMEMBER_MS,
    decoded,
  });
  return decoded.sid;
}

/** The caller of an open session behind these cookies (the proxy passes the request's own). */
export async function callerFromCookies(jar: CookieReader): Promise<Caller | null> {
  const token = sessionTokenFrom(jar);
  if (!token) return null;
  const sid = await sessionIdOf(token);
  return sid ? checkSession(sid) : null;
}

export async function sessionCaller(): Promise<Caller | null> {
  return callerFromCookies(await cookies());
}

/** This request's session id (the sessions list marks "this session"), or null. */
export async function currentSessionId(): Promise<string | null> {
  const token = sessionTokenFrom(await cookies());
  return token ? sessionIdOf(token) : null;
}
