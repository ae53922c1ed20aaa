import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E } from './support/env';

/**
 * Issue 14 point 8: behind TLS (NEXTAUTH_URL is https), what a browser opens, page or API address, carries
 * Strict-Transport-Security and the session cookies are Secure; LOGPORT_HSTS=off leaves HSTS to the proxy in
 * front; over plain HTTP (the main e2e server) nothing is sent. A second `next start` of the same build runs
 * with the TLS settings: TLS itself is the proxy's job, Logport only has to know its public URL is https.
 * (The JSON calls pages make skip the proxy pass, see proxy.ts; the page that made them already sent HSTS.)
 */
const PUBLIC_URL = 'https://logport.example.test';
const PATHS = ['/signin', '/exports', '/api/health', '/api/identity', '/api/auth/csrf'];

async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'logport-tls-'));
  // Node runs Next directly (no npx in between), so the child is the server and stopping it stops the server.
  const child = spawn(
    process.execPath,
    [path.resolve('node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      env: {
        ...process.env,
        ...E2E.appEnv,
        LOGPORT_DATA_DIR: dataDir,
        LOGPORT_USERS_FILE: E2E.usersFile,
        ...env,
      },
      stdio: 'ignore',
    },
  );
  child.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  await expect
    .poll(
      () =>
        fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 60_000, intervals: [500] },
    )
    .toBe(200);
  return child;
}

/** Stops the server (SIGTERM, then SIGKILL after 5 s) and waits until it has exited. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(force);
}

/** The headers of an address opened as a browser opens it (Fetch Metadata of a navigation). */
async function headersOf(base: string, p: string): Promise<Headers> {
  const res = await fetch(`${base}${p}`, {
    redirect: 'manual',
    headers: { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Mode': 'navigate' },
  });
  await res.arrayBuffer();
  return res.headers;
}

test.describe('hardening: running behind TLS', () => {
  test('the plain-HTTP server sends no HSTS', async () => {
    for (const p of PATHS)
      expect((await headersOf(E2E.appUrl, p)).get('strict-transport-security'), p).toBeNull();
  });

  test('NEXTAUTH_URL https: HSTS on pages, redirects and API routes, Secure cookies; LOGPORT_HSTS tunes it', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const port = E2E.appPort + 50;
    const base = `http://127.0.0.1:${port}`;
    let server = await startServer(port, { NEXTAUTH_URL: PUBLIC_URL });
    try {
      for (const p of PATHS)
        expect((await headersOf(base, p)).get('strict-transport-security'), p).toBe('max-age=31536000');
      // Chromium itself, opening an API address (a download link, the health check).
      const opened = await page.goto(`${base}/api/health`);
      expect(opened?.headers()['strict-transport-security']).toBe('max-age=31536000');
      // next-auth's cookies carry the Secure flag and the __Host-/__Secure- prefixes behind https.
      const cookies = (await headersOf(base, '/api/auth/csrf')).getSetCookie();
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) {
        expect(cookie).toMatch(/^__(Host|Secure)-/);
        expect(cookie).toMatch(/;\s*Secure/i);
      }
    } finally {
      await stop(server);
    }

    server = await startServer(port, { NEXTAUTH_URL: PUBLIC_URL, LOGPORT_HSTS: 'off' });
    try {
      for (const p of PATHS)
        expect((await headersOf(base, p)).get('strict-transport-security'), p).toBeNull();
    } finally {
      await stop(server);
    }
  });
});
