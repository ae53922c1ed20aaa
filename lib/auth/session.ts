import 'server-only';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import type { Caller } from './require-role';
import { isRole } from './roles';

/**
 * The caller behind this request's session cookie, read the way next-auth writes it (an encrypted JWT,
 * possibly split into `.0`, `.1`… chunks). getServerSession runs next-auth's whole session endpoint per
 * call; every poll of every tab goes through here, so the decoded caller is kept briefly per token (never
 * past the token's own expiry). A role change still takes effect at the next sign-in, as the token carries it.
 */
const REMEMBER_MS = 30_000;
const MAX_REMEMBERED = 1_000;
const remembered = new Map<string, { until: number; caller: Caller | null }>();

function cookieName(): string {
  const secure = process.env.NEXTAUTH_URL?.startsWith('https://') ?? false;
  return secure ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

async function sessionToken(): Promise<string | null> {
  const jar = await cookies();
  const name = cookieName();
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length > 0 ? chunks.map((c) => c.value).join('') : null;
}

async function decodeCaller(token: string): Promise<{ caller: Caller | null; exp: number }> {
  try {
    const payload = await decode({ token, secret: process.env.NEXTAUTH_SECRET ?? '' });
    const name = payload?.name;
    const role = payload?.role;
    const exp = typeof payload?.exp === 'number' ? payload.exp * 1000 : 0;
    return { caller: typeof name === 'string' && name && isRole(role) ? { name, role } : null, exp };
  } catch {
    // Expired, tampered with, or signed with another secret: no session.
    return { caller: null, exp: 0 };
  }
}

export async function sessionCaller(): Promise<Caller | null> {
  const token = await sessionToken();
  if (!token) return null;
  const now = Date.now();
  const hit = remembered.get(token);
  if (hit && now < hit.until) return hit.caller;
  const { caller, exp } = await decodeCaller(token);
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(token, { until: caller ? Math.min(now + REMEMBER_MS, exp) : now + REMEMBER_MS, caller });
  return caller;
}
