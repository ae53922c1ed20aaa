/**
 * The three next-auth calls the browser needs, without next-auth/react (which adds ~25 KB gzip to every page
 * for a SessionProvider we do not use). Same endpoints and CSRF protocol as next-auth's own client.
 */
async function csrfToken(): Promise<string> {
  const res = await fetch('/api/auth/csrf', { cache: 'no-store' });
  const data = (await res.json()) as { csrfToken?: string };
  if (!data.csrfToken) throw new Error('no CSRF token');
  return data.csrfToken;
}

type Answer = { url?: string; error?: string; retryAfter?: number; wrongPassword?: boolean };

async function postForAnswer(path: string, fields: Record<string, string>): Promise<Answer> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Auth-Return-Redirect': '1' },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: 'true' }),
  });
  return (await res.json()) as Answer;
}

async function post(path: string, fields: Record<string, string>): Promise<string> {
  return (await postForAnswer(path, fields)).url ?? '';
}

export type SignInFailure = { error: string; retryAfter?: number; wrongPassword?: boolean };

/**
 * Signs in with user name and password; null when signed in, else next-auth's error code (e.g.
 * CredentialsSignin), or `SignInLocked` with the seconds to wait (429 after too many failed attempts).
 */
export async function signInWithPassword(
  username: string,
  password: string,
  callbackUrl: string,
): Promise<SignInFailure | null> {
  const answer = await postForAnswer('/api/auth/callback/credentials', { username, password, callbackUrl });
  if (answer.error === 'signInLocked')
    return { error: 'SignInLocked', retryAfter: answer.retryAfter, wrongPassword: answer.wrongPassword };
  if (!answer.url) return { error: 'Unknown' };
  const error = new URL(answer.url, window.location.href).searchParams.get('error');
  return error ? { error } : null;
}

/** Starts an OAuth/OIDC sign-in: the browser goes to the identity provider. */
export async function signInWithProvider(provider: string, callbackUrl: string): Promise<void> {
  const url = await post(`/api/auth/signin/${encodeURIComponent(provider)}`, { callbackUrl });
  window.location.href = url || '/signin?error=OAuthSignin';
}

export async function signOutAndGo(callbackUrl: string): Promise<void> {
  await post('/api/auth/signout', { callbackUrl });
  window.location.href = callbackUrl;
}
