import { existsSync } from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { E2E } from './support/env';
import { actionResult, findServerAction } from './support/server-actions';

/**
 * Hostile and malformed input at every entry point that takes input, sent by an admin (the most trusted
 * caller, so only validation stands in the way): each must answer a clear refusal, never a 5xx or a raw
 * error, make no CloudWatch Logs or S3 call, and write nothing (emulator state and Logport's database).
 */
const now = Date.now();
const hour = 3_600_000;
const validLaunch = {
  region: E2E.region,
  logGroupNames: ['my-log-group'],
  from: now - 3 * hour,
  to: now - 2 * hour,
  timeZone: 'UTC',
  chunk: 'none',
  destination: 'logport-exports',
  destinationPrefix: 'bad-input-test',
  taskName: 'bad-input-test',
};
const huge = 'x'.repeat(100_000);

type Case = { name: string; input: unknown };

const launchCases: Case[] = [
  { name: 'log groups as a string', input: { ...validLaunch, logGroupNames: 'my-log-group' } },
  { name: 'no log group', input: { ...validLaunch, logGroupNames: [] } },
  { name: 'empty log group name', input: { ...validLaunch, logGroupNames: [''] } },
  { name: '100,000-character log group', input: { ...validLaunch, logGroupNames: [huge] } },
  { name: 'NUL in log group', input: { ...validLaunch, logGroupNames: ['my\u0000group'] } },
  { name: 'newline in log group', input: { ...validLaunch, logGroupNames: ['my\ngroup'] } },
  { name: 'Cyrillic look-alike in log group', input: { ...validLaunch, logGroupNames: ['my-lоg-group'] } },
  {
    name: '60 log groups',
    input: { ...validLaunch, logGroupNames: Array.from({ length: 60 }, (_, i) => `g${i}`) },
  },
  {
    name: 'duplicate log groups',
    input: { ...validLaunch, logGroupNames: ['my-log-group', 'my-log-group'] },
  },
  { name: 'from as a string', input: { ...validLaunch, from: String(validLaunch.from) } },
  { name: 'negative from', input: { ...validLaunch, from: -1 } },
  { name: 'non-integer from', input: { ...validLaunch, from: 1.5 } },
  { name: 'null from', input: { ...validLaunch, from: null } },
  { name: 'from after to', input: { ...validLaunch, from: validLaunch.to + hour } },
  { name: 'from equal to', input: { ...validLaunch, from: validLaunch.to } },
  { name: 'to as an object', input: { ...validLaunch, to: { $gt: 0 } } },
  { name: 'bucket with capitals', input: { ...validLaunch, destination: 'Logport-Exports' } },
  { name: 'bucket with a space', input: { ...validLaunch, destination: 'logport exports' } },
  { name: 'bucket with a unicode hyphen', input: { ...validLaunch, destination: 'logport‐exports' } },
  { name: 'bucket as an IP address', input: { ...validLaunch, destination: '192.168.1.1' } },
  { name: '100-character bucket', input: { ...validLaunch, destination: 'a'.repeat(100) } },
  { name: 'empty bucket', input: { ...validLaunch, destination: '' } },
  { name: 'prefix with ../', input: { ...validLaunch, destinationPrefix: '../../etc' } },
  { name: 'prefix with /../ inside', input: { ...validLaunch, destinationPrefix: 'logs/../secrets' } },
  { name: 'prefix with a leading slash', input: { ...validLaunch, destinationPrefix: '/abs' } },
  { name: 'prefix over the S3 key limit', input: { ...validLaunch, destinationPrefix: 'p'.repeat(1100) } },
  { name: 'prefix with a control character', input: { ...validLaunch, destinationPrefix: 'a\u0007b' } },
  { name: '600-character task name', input: { ...validLaunch, taskName: 'n'.repeat(600) } },
  { name: 'right-to-left override in task name', input: { ...validLaunch, taskName: 'report\u202etxt.exe' } },
  { name: 'NUL in task name', input: { ...validLaunch, taskName: 'a\u0000b' } },
  {
    name: 'terminal escape in stream prefix',
    input: { ...validLaunch, logStreamNamePrefix: '\u001b[2Jweb' },
  },
  { name: 'bidi isolate in prefix', input: { ...validLaunch, destinationPrefix: 'logs\u2066x' } },
  { name: 'wildcard * in prefix', input: { ...validLaunch, destinationPrefix: 'logs/*' } },
  { name: 'wildcard ? in prefix', input: { ...validLaunch, destinationPrefix: 'logs/?' } },
  {
    name: 'policy variable in prefix',
    input: { ...validLaunch, destinationPrefix: 'a/$\u007Baws:username}' },
  },
  { name: 'stream prefix with *', input: { ...validLaunch, logStreamNamePrefix: 'a*b' } },
  { name: 'stream prefix with :', input: { ...validLaunch, logStreamNamePrefix: 'a:b' } },
  { name: 'time zone that does not exist', input: { ...validLaunch, timeZone: 'Mars/Olympus_Mons' } },
  { name: 'unknown Region', input: { ...validLaunch, region: 'xx-fake-9' } },
  { name: 'unconfigured Region', input: { ...validLaunch, region: 'ap-south-1' } },
  { name: 'SQL in Region', input: { ...validLaunch, region: "us-east-2'; DROP TABLE activity;--" } },
  { name: 'unknown chunk size', input: { ...validLaunch, chunk: 'hourly' } },
  { name: 'queue as a string', input: { ...validLaunch, queue: 'yes' } },
  { name: 'input is a string', input: 'create everything' },
  { name: 'input is null', input: null },
  { name: 'input is an array', input: [1, 2, 3] },
];

const cancelCases: Case[] = [
  { name: 'task id as a number', input: { region: E2E.region, taskId: 42 } },
  { name: 'empty task id', input: { region: E2E.region, taskId: '' } },
  { name: '10,000-character task id', input: { region: E2E.region, taskId: 't'.repeat(10_000) } },
  { name: 'control character in task id', input: { region: E2E.region, taskId: 'a\u0007b' } },
  { name: 'space in task id', input: { region: E2E.region, taskId: 'a b' } },
  { name: 'unknown Region', input: { region: 'xx-fake-9', taskId: 'abc' } },
  { name: 'no fields', input: {} },
  { name: 'input is a string', input: 'cancel-all' },
];

const validPolicy = JSON.stringify({ Version: '2012-10-17', Statement: [] });
const applyCases: Case[] = [
  {
    name: 'policy that is not JSON',
    input: { bucket: 'logport-exports', region: E2E.region, policy: '{not json', basedOn: null },
  },
  {
    name: 'policy that is an array',
    input: { bucket: 'logport-exports', region: E2E.region, policy: '[]', basedOn: null },
  },
  {
    name: 'policy without statements',
    input: {
      bucket: 'logport-exports',
      region: E2E.region,
      policy: '{"Version":"2012-10-17"}',
      basedOn: null,
    },
  },
  {
    name: 'policy with Effect Maybe',
    input: {
      bucket: 'logport-exports',
      region: E2E.region,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Maybe', Principal: '*', Action: 's3:*', Resource: '*' }],
      }),
      basedOn: null,
    },
  },
  {
    name: '70 KB policy',
    input: {
      bucket: 'logport-exports',
      region: E2E.region,
      policy: `"${'x'.repeat(70_000)}"`,
      basedOn: null,
    },
  },
  {
    name: 'bucket with capitals',
    input: { bucket: 'BAD', region: E2E.region, policy: validPolicy, basedOn: null },
  },
  {
    name: 'bucket with path traversal',
    input: { bucket: '../etc', region: E2E.region, policy: validPolicy, basedOn: null },
  },
  {
    name: 'unknown Region',
    input: { bucket: 'logport-exports', region: 'mars-north-1', policy: validPolicy, basedOn: null },
  },
  {
    name: 'basedOn as a number',
    input: { bucket: 'logport-exports', region: E2E.region, policy: validPolicy, basedOn: 7 },
  },
  { name: 'no policy', input: { bucket: 'logport-exports', region: E2E.region } },
];

const loadCases: Case[] = [
  { name: 'bucket with path traversal', input: { bucket: '../../etc/passwd', region: E2E.region } },
  { name: 'bucket as an object', input: { bucket: { toString: 'x' }, region: E2E.region } },
  {
    name: 'Region with a shell command',
    input: { bucket: 'logport-exports', region: 'us-east-2; rm -rf /' },
  },
];

const queueCases: Array<Case & { action: string }> = [
  { action: 'cancelQueueJob', name: 'job id that is not a uuid', input: { jobId: '1; DROP TABLE jobs' } },
  { action: 'cancelQueueJob', name: 'job id as a number', input: { jobId: -1 } },
  {
    action: 'cancelQueueJob',
    name: 'extra fields',
    input: { jobId: '00000000-0000-4000-8000-000000000000', all: true },
  },
  { action: 'retryQueueJob', name: '10,000-character job id', input: { jobId: 'j'.repeat(10_000) } },
  { action: 'retryQueueJob', name: 'no fields', input: {} },
  { action: 'setQueueOnFailure', name: 'unknown on-failure setting', input: { onFailure: 'explode' } },
];

const listQueries = [
  'status=BOGUS',
  'status=completed%3Bdrop',
  'limit=0',
  'limit=51',
  'limit=-1',
  'limit=1.5',
  'limit=abc',
  `nextToken=${'n'.repeat(5000)}`,
  'region=xx-fake-1',
  'region=..%2F..%2Fetc',
  'taskId=a%00b',
  'taskId=a%20b',
  `taskId=${'t'.repeat(600)}`,
];

/** Everything the emulator and Logport's database hold that a bad input must not change. */
async function snapshot(): Promise<string> {
  const stats = (await (await fetch(`${E2E.emulatorUrl}/_emulator/stats`)).json()) as Record<string, number>;
  const calls = Object.entries(stats)
    .filter(([op]) => op.startsWith('logs:') || op.startsWith('s3:'))
    .sort();
  const state = await (await fetch(`${E2E.emulatorUrl}/_emulator/state`)).json();
  const dbFile = path.join(E2E.dataDir, 'logport.db');
  const rows: Record<string, number> = {};
  if (existsSync(dbFile)) {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as Array<{ name: string }>;
    for (const { name } of tables) {
      if (name === 'leases') continue;
      rows[name] = (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
    }
    db.close();
  }
  return JSON.stringify({ calls, state, rows });
}

async function callAction(ctx: APIRequestContext, file: string, name: string, input: unknown) {
  const ref = findServerAction(file, name);
  const res = await ctx.post(ref.page, {
    headers: {
      'Next-Action': ref.id,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: E2E.appUrl,
    },
    data: JSON.stringify([input]),
    failOnStatusCode: false,
    maxRedirects: 0,
  });
  const body = await res.text();
  return { status: res.status(), body, result: actionResult(body) };
}

const RAW = /Exception|at [\w.]+ \(|node_modules|stack|SyntaxError|TypeError/;

test.use({ storageState: E2E.storageState('admin') });

test('at least 60 hostile inputs are refused clearly, touch no AWS and write nothing', async () => {
  const ctx = await playwrightRequest.newContext({
    baseURL: E2E.appUrl,
    storageState: E2E.storageState('admin'),
  });
  const before = await snapshot();
  const problems: string[] = [];
  let count = 0;

  const expectRefused = (
    label: string,
    r: { status: number; body: string; result: Record<string, unknown> | null },
  ) => {
    count++;
    if (r.status >= 500) problems.push(`${label}: HTTP ${r.status}`);
    else if (r.result?.ok !== false || typeof r.result.error !== 'string') {
      problems.push(`${label}: not a refusal: ${r.body.slice(0, 200)}`);
    } else if (RAW.test(JSON.stringify(r.result)))
      problems.push(`${label}: raw error text: ${JSON.stringify(r.result)}`);
  };

  for (const c of launchCases)
    expectRefused(
      `launch: ${c.name}`,
      await callAction(ctx, 'app/(console)/exports/new/actions.ts', 'launchExport', c.input),
    );
  for (const c of cancelCases)
    expectRefused(
      `cancel: ${c.name}`,
      await callAction(ctx, 'app/(console)/exports/actions.ts', 'cancelExportTask', c.input),
    );
  for (const c of applyCases)
    expectRefused(
      `apply policy: ${c.name}`,
      await callAction(ctx, 'app/(console)/bucket-policy/actions.ts', 'applyBucketPolicy', c.input),
    );
  for (const c of loadCases)
    expectRefused(
      `load policy: ${c.name}`,
      await callAction(ctx, 'app/(console)/bucket-policy/actions.ts', 'loadBucketPolicy', c.input),
    );
  for (const c of queueCases)
    expectRefused(
      `queue ${c.action}: ${c.name}`,
      await callAction(ctx, 'app/(console)/queue/actions.ts', c.action, c.input),
    );

  for (const query of listQueries) {
    count++;
    const res = await ctx.get(`/api/export-tasks?${query}`, { failOnStatusCode: false });
    const text = await res.text();
    if (res.status() !== 400)
      problems.push(`list ?${query.slice(0, 40)}: HTTP ${res.status()}, expected 400`);
    else if (!/"error":"\w+"/.test(text) || RAW.test(text))
      problems.push(`list ?${query.slice(0, 40)}: ${text.slice(0, 200)}`);
  }
  for (const body of [
    '{not json',
    '[]',
    JSON.stringify({ bucket: 'Bad Bucket' }),
    JSON.stringify({ bucket: 'logport-exports', prefix: '../x' }),
    JSON.stringify({ bucket: 'logport-exports', prefix: 'logs/*' }),
    JSON.stringify({ bucket: 'logport-exports', prefix: 'logs\u202e' }),
  ]) {
    count++;
    const res = await ctx.post('/api/preflight', {
      data: body,
      headers: { 'Content-Type': 'application/json', Origin: E2E.appUrl },
      failOnStatusCode: false,
    });
    if (res.status() !== 400)
      problems.push(`preflight ${body.slice(0, 40)}: HTTP ${res.status()}, expected 400`);
  }

  expect(problems).toEqual([]);
  expect(count).toBeGreaterThanOrEqual(60);
  expect(await snapshot()).toBe(before);
  await ctx.dispose();
});
