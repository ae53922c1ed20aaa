import type { APIRequestContext } from '@playwright/test';
import { E2E } from './env';

/**
 * Signing in and out over HTTP, as the sign-in form and the sign-out button do (next-auth's CSRF token, a form
 * post from Logport's own origin). The request context keeps the cookies.
 */
async function csrfToken(ctx: APIRequestContext): Promise<string> {
  return ((await (await ctx.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
}

export async function apiSignIn(
  ctx: APIRequestContext,
  username: string,
  password = E2E.password,
  headers: Record<string, string> = {},
) {
  return ctx.post('/api/auth/callback/credentials', {
    form: { username, password, csrfToken: await csrfToken(ctx), json: 'true', callbackUrl: '/exports' },
    headers: { Origin: E2E.appUrl, 'X-Auth-Return-Redirect': '1', ...headers },
    failOnStatusCode: false,
    maxRedirects: 0,
  });
}

export async function apiSignOut(ctx: APIRequestContext) {
  return ctx.post('/api/auth/signout', {
    form: { csrfToken: await csrfToken(ctx), json: 'true', callbackUrl: '/signin?signedOut=1' },
    headers: { Origin: E2E.appUrl, 'X-Auth-Return-Redirect': '1' },
    failOnStatusCode: false,
    maxRedirects: 0,
  });
}

/** The session cookie(s) a context holds now, to replay later. */
export async function sessionCookies(ctx: APIRequestContext) {
  return (await ctx.storageState()).cookies.filter((c) => c.name.includes('next-auth.session-token'));
}
