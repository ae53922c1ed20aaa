#!/usr/bin/env node
// Runs the Playwright suite as two stacks side by side (each its own emulator, production server on the one
// shared build, data folder and browser), so the suite takes about half as long as one worker. Each stack
// must stay one worker: its tests share one emulator account, where AWS allows a single active export.
//
// The specs are split by their name's first word, so a family (exports-*, then its exports-zz-* screens) always
// runs together and in order. A new family goes to the lighter lane (see LANES); both lanes take every argument
// given here (e.g. `-g "pattern"` or a spec file: then only the lane holding that file runs it).
//
//   node scripts/e2e.mjs                 both lanes
//   node scripts/e2e.mjs e2e/foo.spec.ts  one spec (in its lane)
//   E2E_LANES=1 node scripts/e2e.mjs      one stack, every spec (as before)
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

// Lane A's families; every other spec runs in lane B. Chosen from a full run's timings (list reporter, 3 Dec:
// hardening ~13 min, exports ~4, sessions + shell + startup + tokens ~3; lane B's queue, rules, wizard, accounts,
// coverage, replicas, i18n, auth, activity and alerts ~17) so both lanes end at about the same time.
const LANE_A = new Set(['exports', 'hardening', 'bucket', 'shell', 'startup', 'sessions', 'tokens']);

const args = process.argv.slice(2);
const specs = readdirSync('e2e').filter((f) => f.endsWith('.spec.ts'));
const family = (f) => f.split(/[-.]/)[0];
const named = args.filter((a) => a.endsWith('.spec.ts')).map((a) => a.replace(/^.*\//, ''));
const options = args.filter((a) => !a.endsWith('.spec.ts'));

const lanes =
  process.env.E2E_LANES === '1'
    ? [{ name: 'e2e', port: 3100, files: specs }]
    : [
        { name: 'A', port: 3100, files: specs.filter((f) => LANE_A.has(family(f))) },
        { name: 'B', port: 3200, files: specs.filter((f) => !LANE_A.has(family(f))) },
      ];

function run(lane) {
  const files = named.length > 0 ? lane.files.filter((f) => named.includes(f)) : lane.files;
  if (files.length === 0) return Promise.resolve(0);
  const env = {
    ...process.env,
    E2E_APP_PORT: String(lane.port),
    E2E_EMULATOR_PORT: String(lane.port + 1500),
  };
  const child = spawn('npx', ['playwright', 'test', ...options, ...files.map((f) => `e2e/${f}`)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = lanes.length > 1 ? `[${lane.name}] ` : '';
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk.toString()).split('\n');
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
