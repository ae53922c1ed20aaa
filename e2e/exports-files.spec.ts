import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { type APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test';
import { asRole } from './support/as-role';
import { E2E } from './support/env';
import { createTask, restoreExportTimings, setExportTimings, waitForStatus } from './support/export-tasks';

/**
 * The files of a completed export: who may download and preview them (operators; viewers only where
 * LOGPORT_VIEWER_DOWNLOADS=true), "Download all" as one zip streamed from S3, and a preview of a .gz's first
 * lines decompressed on the server.
 */
function s3(): S3Client {
  return new S3Client({
    region: E2E.region,
    endpoint: E2E.emulatorUrl,
    forcePathStyle: true,
    credentials: {
      accessKeyId: E2E.appEnv.AWS_ACCESS_KEY_ID ?? '',
      secretAccessKey: E2E.appEnv.AWS_SECRET_ACCESS_KEY ?? '',
    },
  });
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The zip read by Python's zipfile (an independent reader that checks every CRC): name → sha256. */
function readZip(zip: Buffer): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'logport-e2e-zip-'));
  try {
    const file = path.join(dir, 'all.zip');
    writeFileSync(file, zip);
    const script = [
      'import zipfile, sys, json, hashlib',
      'z = zipfile.ZipFile(sys.argv[1])',
      'assert z.testzip() is None',
      'print(json.dumps({i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist()}))',
    ].join('\n');
    return JSON.parse(execFileSync('python3', ['-c', script, file]).toString()) as Record<string, string>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let taskId = '';
let keys: string[] = [];
const folder = () => `exportedlogs/${taskId}/`;
const routes = () => {
  const key = encodeURIComponent(keys[0] ?? '');
  const base = `/api/export-tasks/${taskId}`;
  return {
    download: `${base}/download?region=${E2E.region}&key=${key}`,
    preview: `${base}/preview?region=${E2E.region}&key=${key}`,
    archive: `${base}/archive?region=${E2E.region}`,
  };
};

test.beforeAll(async () => {
  await setExportTimings({ pendingMs: 500, runningMs: 1_000 });
  taskId = await createTask({ taskName: 'files-check', logGroupName: '/aws/lambda/orders-api' });
  await waitForStatus(taskId, 'COMPLETED');
  await restoreExportTimings();
  const listed = await s3().send(new ListObjectsV2Command({ Bucket: 'logport-exports', Prefix: folder() }));
  keys = (listed.Contents ?? []).map((o) => o.Key ?? '').filter(Boolean);
  expect(keys.length).toBeGreaterThan(0);
});

test('a viewer sees the files but cannot download or preview them, by default', async ({ browser }) => {
  const context = await browser.newContext(asRole('viewer'));
  const page = await context.newPage();
  await page.goto(`/exports/${taskId}`);
  await expect(page.getByTestId('object-row')).toHaveCount(keys.length);
  await expect(page.getByTestId('files-need-operator')).toContainText('needs the operator role');
  await expect(page.getByTestId('download-all')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Download/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Preview/ })).toHaveCount(0);
  // The CLI command stays: it needs the user's own AWS access, not Logport's.
  await expect(page.getByTestId('cli-command').last()).toContainText('aws s3 cp --recursive');
  for (const url of Object.values(routes())) {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(403);
  }
  const anonymous: APIRequestContext = await playwrightRequest.newContext({ baseURL: E2E.appUrl });
  for (const url of Object.values(routes())) expect((await anonymous.get(url)).status(), url).toBe(401);
  await anonymous.dispose();
  await context.close();
});

test('an operator downloads every file as one zip, streamed, byte for byte what S3 holds', async ({
  browser,
}) => {
  const context = await browser.newContext(asRole('operator'));
  const page = await context.newPage();
  await page.goto(`/exports/${taskId}`);
  const link = page.getByTestId('download-all');
  await expect(link).toHaveText('Download all (zip)');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(`${taskId}.zip`);
  const zip = await page.request.get((await link.getAttribute('href')) ?? '');
  expect(zip.status()).toBe(200);
  expect(zip.headers()['content-type']).toBe('application/zip');
  const inZip = readZip(await zip.body());
  const expected: Record<string, string> = {};
  for (const key of keys) {
    const object = await s3().send(new GetObjectCommand({ Bucket: 'logport-exports', Key: key }));
    expected[key.slice(folder().length)] = sha(
      Buffer.from((await object.Body?.transformToByteArray()) ?? []),
    );
  }
  expect(inZip).toEqual(expected);
  await context.close();
});

test('an operator previews the first lines of a .gz, as text', async ({ browser }) => {
  const context = await browser.newContext(asRole('operator'));
  const page = await context.newPage();
  await page.goto(`/exports/${taskId}`);
  const first = keys[0] ?? '';
  const object = await s3().send(new GetObjectCommand({ Bucket: 'logport-exports', Key: first }));
  const lines = gunzipSync(Buffer.from((await object.Body?.transformToByteArray()) ?? []))
    .toString('utf8')
    .split('\n')
    .filter(Boolean);
  await page
    .getByTestId('object-row')
    .first()
    .getByRole('button', { name: /^Preview/ })
    .click();
  const preview = page.getByTestId('file-preview');
  await expect(preview.getByRole('heading')).toContainText('First lines of');
  await expect(page.getByTestId('preview-text')).toContainText(lines[0] ?? 'missing');
  const shown = ((await page.getByTestId('preview-text').textContent()) ?? '').split('\n');
  expect(shown).toEqual(lines.slice(0, 200));
  await expect(preview).toContainText(
    lines.length > 200 ? 'The first 200 lines' : `The whole file: ${lines.length} line`,
  );
  await preview.getByRole('button', { name: 'Close preview' }).click();
  await expect(preview).toHaveCount(0);
  await context.close();
});

test.describe('with LOGPORT_VIEWER_DOWNLOADS=true', () => {
  let server: ChildProcess | null = null;
  const port = E2E.appPort + 57;
  const baseURL = `http://127.0.0.1:${port}`;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // The same build and data, a second server configured to let viewers read files.
    server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
      env: { ...process.env, ...E2E.appEnv, NEXTAUTH_URL: baseURL, LOGPORT_VIEWER_DOWNLOADS: 'true' },
      stdio: 'ignore',
      detached: true,
    });
    await expect
      .poll(async () => (await fetch(`${baseURL}/api/health`).catch(() => null))?.status ?? 0, {
        timeout: 90_000,
      })
      .toBe(200);
  });

  test.afterAll(() => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  });

  test('a viewer downloads and previews', async ({ browser }) => {
    const context = await browser.newContext(asRole('viewer', { baseURL }));
    const page = await context.newPage();
    await page.goto(`/exports/${taskId}`);
    await expect(page.getByTestId('download-all')).toBeVisible();
    await expect(page.getByTestId('files-need-operator')).toHaveCount(0);
    await page
      .getByTestId('object-row')
      .first()
      .getByRole('button', { name: /^Preview/ })
      .click();
    await expect(page.getByTestId('preview-text')).toContainText(/\d{4}-\d{2}-\d{2}T/);
    for (const url of Object.values(routes())) expect((await page.request.get(url)).status(), url).toBe(200);
    await context.close();
  });
});
