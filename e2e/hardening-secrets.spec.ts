import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { E2E } from './support/env';
import { logs } from './support/export-tasks';
import { distDir } from './support/server-actions';
import { bearer, makeToken, revokeMadeToken } from './support/tokens';

/**
 * Secrets stay on the server (issue 8): the client bundle, every page's HTML and every API answer hold no
 * NEXTAUTH_SECRET, no AWS keys, nothing of the users file and no server-action encryption key; and every
 * route sends the security headers.
 */
type Secret = { name: string; value: string };

function secrets(): Secret[] {
  const list: Secret[] = [
    { name: 'NEXTAUTH_SECRET', value: E2E.appEnv.NEXTAUTH_SECRET ?? '' },
    { name: 'AWS_ACCESS_KEY_ID', value: E2E.appEnv.AWS_ACCESS_KEY_ID ?? '' },
    { name: 'AWS_SECRET_ACCESS_KEY', value: E2E.appEnv.AWS_SECRET_ACCESS_KEY ?? '' },
    { name: 'scrypt hash prefix', value: 'scrypt$' },
  ];
  for (const line of readFileSync(E2E.usersFile, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const hash = line.split(':').slice(2).join(':');
    if (!hash) continue;
    list.push({ name: `users-file hash of ${line.split(':')[0]}`, value: hash });
    // The salt and the derived key on their own, in case something re-encodes the line.
    for (const part of hash.split('$').filter((p) => p.length >= 16)) {
      list.push({ name: `users-file hash part of ${line.split(':')[0]}`, value: part });
    }
  }
  const manifest = path.join(distDir(), 'server', 'server-reference-manifest.json');
  if (existsSync(manifest)) {
    const key = (JSON.parse(readFileSync(manifest, 'utf8')) as { encryptionKey?: string }).encryptionKey;
    if (key) list.push({ name: 'server actions encryptionKey', value: key });
  }
  if (process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) {
    list.push({
      name: 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY',
      value: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
    });
  }
  for (const s of list)
    if (s.value.length < 7) throw new Error(`secret ${s.name} is empty or too short to scan`);
  return list;
}

/** An API token (issue 13): the token, its secret part, and the SHA-256 Logport stores instead of it. */
function tokenSecrets(token: string): Secret[] {
  return [
    { name: 'API token', value: token },
    { name: 'API token secret part', value: token.slice(21) },
    { name: 'API token hash', value: createHash('sha256').update(token).digest('hex') },
  ];
}

/** The secrets found in a text, by name (a JSON-escaped `/` or `+` is searched for as well). */
function leaks(text: string, list: Secret[]): string[] {
  const unescaped = text
    .replace(/\\\//g, '/')
    .replace(/\\u002[bB]/g, '+')
    .replace(/\\u0024/g, '$');
  return list.filter((s) => unescaped.includes(s.value)).map((s) => s.name);
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

async function completedTaskId(): Promise<string> {
  const out = await logs().send(new DescribeExportTasksCommand({ statusCode: 'COMPLETED', limit: 1 }));
  const id = out.exportTasks?.[0]?.taskId;
  if (!id) throw new Error('the emulator has no completed task');
  return id;
}

const PAGES = [
  '/exports',
  '/exports?status=FAILED',
  '/exports/new',
  '/exports/new?step=review&g=my-log-group&preset=yesterday&tz=UTC&bucket=logport-exports&prefix=x&name=secrets',
  '/bucket-policy',
  '/queue',
  '/activity',
  // The sessions list: ids, addresses and browsers, never a token or a password hash.
  '/settings',
  // The alerts' delivery log: webhook URLs (origins only for operators), never a webhook secret.
  '/alerts',
];

function apiRoutes(taskId: string): string[] {
  return [
    '/api/health',
    '/api/identity',
    `/api/export-tasks?region=${E2E.region}`,
    `/api/export-tasks?region=${E2E.region}&taskId=${taskId}`,
    `/api/export-tasks/${taskId}/objects?region=${E2E.region}`,
    `/api/log-groups?region=${E2E.region}`,
    `/api/log-groups?region=${E2E.region}&q=orders`,
    `/api/buckets?region=${E2E.region}`,
    `/api/preflight?region=${E2E.region}&bucket=logport-exports&prefix=x&g=my-log-group`,
    '/api/queue',
    '/api/alerts/webhooks',
    '/api/activity/csv',
    '/api/auth/session',
    '/api/auth/providers',
    '/api/auth/csrf',
  ];
}

async function get(request: APIRequestContext, url: string) {
  const res = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
  return { status: res.status(), headers: res.headers(), body: await res.text() };
}

function securityHeaderProblems(url: string, headers: Record<string, string>): string[] {
  const problems: string[] = [];
  const csp = headers['content-security-policy'] ?? '';
  if (!csp) problems.push(`${url}: no Content-Security-Policy`);
  else {
    if (!/frame-ancestors 'none'/.test(csp))
      problems.push(`${url}: CSP without frame-ancestors 'none': ${csp}`);
    if (/unsafe-eval/.test(csp)) problems.push(`${url}: CSP allows unsafe-eval`);
  }
  if (headers['x-content-type-options'] !== 'nosniff')
    problems.push(`${url}: X-Content-Type-Options is not nosniff`);
  if (!headers['referrer-policy']) problems.push(`${url}: no Referrer-Policy`);
  if (!headers['permissions-policy']) problems.push(`${url}: no Permissions-Policy`);
  return problems;
}

test.describe('hardening: secrets and security headers', () => {
  test('the built client bundle holds no secret', () => {
    const list = secrets();
    const files = filesUnder(path.join(distDir(), 'static'));
    expect(files.length).toBeGreaterThan(5);
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file).toString('latin1');
      for (const name of leaks(text, list)) found.push(`${path.relative(distDir(), file)}: ${name}`);
    }
    expect(found, 'secrets in the client bundle').toEqual([]);
  });

  test.describe('signed in as admin', () => {
    test.use({ storageState: E2E.storageState('admin') });

    // Revoked after the test whatever its outcome: an admin token left behind would outlive the spec.
    let madeId = '';
    test.afterAll(async () => {
      if (madeId) await revokeMadeToken(madeId);
    });

    test('no page or API answer holds a secret; every route sends the security headers', async ({ page }) => {
      // An API token used for a read and a write first, so the settings list, the activity log and the
      // answers have had every chance to show it.
      const made = await makeToken({ name: `secrets-scan-${Date.now().toString(36)}`, role: 'admin' });
      madeId = made.id;
      const list = [...secrets(), ...tokenSecrets(made.token)];
      expect(
        (await page.request.get('/api/coverage/overview', { headers: bearer(made.token) })).status(),
      ).toBe(200);
      const hook = await page.request.post('/api/alerts/webhooks', {
        headers: { ...bearer(made.token), 'Content-Type': 'application/json' },
        data: { url: 'https://hooks.example.com/secrets-scan' },
      });
      expect(hook.status()).toBe(201);
      const { webhook } = (await hook.json()) as { webhook: { id: string } };
      await page.request.delete(`/api/alerts/webhooks/${webhook.id}`, { headers: bearer(made.token) });
      const taskId = await completedTaskId();
      const found: string[] = [];
      const headerProblems: string[] = [];
      const pages = [...PAGES, `/exports/${taskId}`, `/exports/${taskId}?created=1`];
      for (const url of pages) {
        const res = await get(page.request, url);
        expect(res.status, `${url} answers`).toBe(200);
        expect(res.body, `${url} is HTML`).toContain('<html');
        for (const name of leaks(res.body, list)) found.push(`${url}: ${name}`);
        headerProblems.push(...securityHeaderProblems(url, res.headers));
      }
      for (const url of apiRoutes(taskId)) {
        const res = await get(page.request, url);
        expect(res.status, `${url} answers`).toBeLessThan(500);
        for (const name of leaks(res.body, list)) found.push(`${url}: ${name}`);
        headerProblems.push(...securityHeaderProblems(url, res.headers));
      }
      // 404s: an unknown page, an unknown task, an unknown API route.
      for (const url of ['/no-such-page', '/exports/no-such-task', '/api/no-such-route']) {
        const res = await get(page.request, url);
        // An unknown task's not-found view streams after loading.tsx has sent 200 (Next's soft 404, noindex).
        if (url === '/exports/no-such-task') expect(res.body).toContain('noindex');
        else expect(res.status, `${url} is a 404`).toBe(404);
        for (const name of leaks(res.body, list)) found.push(`${url}: ${name}`);
        headerProblems.push(...securityHeaderProblems(url, res.headers));
      }
      // What the browser really loads after hydration (RSC requests, polls), as the page itself fetches it.
      const seen: string[] = [];
      page.on('response', async (response) => {
        if (!response.url().startsWith(E2E.appUrl)) return;
        const body = await response.text().catch(() => '');
        for (const name of leaks(body, list)) seen.push(`${response.url()}: ${name}`);
      });
      for (const url of pages) {
        await page.goto(url);
        await page.waitForLoadState('networkidle').catch(() => undefined);
      }
      found.push(...seen);

      expect(found, 'secrets in pages or API answers').toEqual([]);
      expect(headerProblems, 'missing security headers').toEqual([]);
    });
  });

  test('the sign-in page, anonymous answers and static files hold no secret and send the headers', async ({
    request,
  }) => {
    const list = secrets();
    const found: string[] = [];
    const headerProblems: string[] = [];
    const signin = await get(request, '/signin');
    expect(signin.status).toBe(200);
    const routes = [
      '/signin',
      '/signin?callbackUrl=%2Fexports',
      '/api/health',
      '/api/identity',
      '/api/export-tasks',
    ];
    for (const url of routes) {
      const res = await get(request, url);
      for (const name of leaks(res.body, list)) found.push(`${url}: ${name}`);
      headerProblems.push(...securityHeaderProblems(url, res.headers));
    }
    // Redirects to the sign-in page and static files send the headers that do not need a nonce.
    const redirect = await get(request, '/exports');
    expect(redirect.status).toBeGreaterThanOrEqual(300);
    expect(redirect.status).toBeLessThan(400);
    expect(redirect.headers['x-content-type-options']).toBe('nosniff');
    expect(redirect.headers['referrer-policy']).toBeTruthy();
    const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(signin.body)?.[1];
    expect(script, 'the sign-in page loads a script').toBeTruthy();
    const asset = await get(request, script ?? '');
    expect(asset.status).toBe(200);
    expect(asset.headers['x-content-type-options']).toBe('nosniff');

    expect(found, 'secrets in anonymous answers').toEqual([]);
    expect(headerProblems, 'missing security headers').toEqual([]);
  });
});
