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

async function post(path: string, fields: Record<string, string>): Promise<string> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Auth-Return-Redirect': '1' },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: 'true' }),
  });
  const data = (await res.json()) as { url?: string };
  return data.url ?? '';
}

/** Signs in with user name and password; returns next-auth's error code (e.g. CredentialsSignin) or null. */
export async function signInWithPassword(
  username: string,
  password: string,
  callbackUrl: string,
): Promise<string | null> {
  const url = await post('/api/auth/callback/credentials', { username, password, callbackUrl });
  if (!url) return 'Unknown';
  return new URL(url, window.location.href).searchParams.get('error');
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
