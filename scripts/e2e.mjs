#!/usr/bin/env node
// Runs the Playwright suite as two stacks side by side (each its own emulator, production server on the one
// shared build, data folder and browser), so the suite takes about half as long as one worker. Each stack
// must stay one worker: its tests share one emulator account, where AWS allows a single active export.
//
// The specs are split by their name's first word, so a family (exports-*, then its exports-zz-* screens) always
// runs together and in order; a family not named in LANE_A runs in lane B. Spec files given here (`e2e/x.spec.ts`,
// also `e2e/x.spec.ts:42`) run in their lane only; other arguments (e.g. `-g "pattern"`) go to both lanes.
//
//   node scripts/e2e.mjs                  both lanes
//   node scripts/e2e.mjs e2e/foo.spec.ts  one spec (in its lane)
//   E2E_LANES=1 node scripts/e2e.mjs      one stack, every spec (as before)
// Ports: lane A on E2E_APP_PORT (default 3100), lane B 100 above; each emulator 1500 above its server.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

// Lane A's families; every other spec runs in lane B. Chosen from a full run's timings (list reporter, 3 Dec:
// hardening ~13 min, exports ~4, sessions + shell + startup + tokens ~3; lane B's queue, rules, wizard, accounts,
// coverage, replicas, i18n, auth, activity and alerts ~17) so both lanes end at about the same time.
const LANE_A = new Set(['exports', 'hardening', 'bucket', 'shell', 'startup', 'sessions', 'tokens']);

const args = process.argv.slice(2);
const specs = readdirSync('e2e').filter((f) => f.endsWith('.spec.ts'));
const family = (f) => f.split(/[-.]/)[0];
const SPEC = /\.spec\.ts(:\d+)*$/;
// A named spec: its file name, and what Playwright is given for it (with a line number, if one was given).
const named = args
  .filter((a) => SPEC.test(a))
  .map((a) => ({
    file: a.replace(/^.*\//, '').replace(/(:\d+)+$/, ''),
    arg: `e2e/${a.replace(/^.*\//, '')}`,
  }));
const options = args.filter((a) => !SPEC.test(a));
const unknown = named.filter((n) => !specs.includes(n.file));
if (unknown.length > 0) {
  console.error(`No such spec in e2e/: ${unknown.map((n) => n.file).join(', ')}`);
  process.exit(1);
}

const base = Number(process.env.E2E_APP_PORT || 3100);
const lanes =
  process.env.E2E_LANES === '1'
    ? [{ name: 'e2e', port: base, files: specs }]
    : [
        { name: 'A', port: base, files: specs.filter((f) => LANE_A.has(family(f))) },
        { name: 'B', port: base + 100, files: specs.filter((f) => !LANE_A.has(family(f))) },
      ];

function run(lane) {
  const files =
    named.length > 0
      ? named.filter((n) => lane.files.includes(n.file)).map((n) => n.arg)
      : lane.files.map((f) => `e2e/${f}`);
  if (files.length === 0) return Promise.resolve(0);
  const env = {
    ...process.env,
    E2E_APP_PORT: String(lane.port),
    E2E_EMULATOR_PORT: String(lane.port + 1500),
  };
  // A -g pattern may match nothing in one lane: that lane has then nothing to do, which is no failure.
  const extra = options.some((o) => o === '-g' || o.startsWith('--grep')) ? ['--pass-with-no-tests'] : [];
  const child = spawn('npx', ['playwright', 'test', ...options, ...extra, ...files], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = lanes.length > 1 ? `[${lane.name}] ` : '';
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    // Whole characters only: a Japanese test title may straddle two chunks.
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
    });
    stream.on('end', () => {
      if (rest) process.stdout.write(`${prefix}${rest}\n`);
    });
  }
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

const started = Date.now();
const codes = await Promise.all(lanes.map(run));
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
lanes.forEach((lane, i) => {
  console.log(`e2e lane ${lane.name}: ${codes[i] === 0 ? 'passed' : `failed (exit ${codes[i]})`}`);
});
console.log(`e2e: ${minutes} min`);
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
