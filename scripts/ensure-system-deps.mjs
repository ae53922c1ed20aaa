#!/usr/bin/env node
// Makes sure the system programs the tests need are present: Debian's Chromium (Playwright cannot download
// its own here), AWS CLI v2 (the emulator is checked with the guide's own commands) and PostgreSQL's server
// (the store's suites also run against a throwaway cluster) and faketime (the window suites run again with
// the clock at midnight). Installs them when running as root; otherwise
// says exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium';
const needed = [];
if (!existsSync(chromium)) needed.push('chromium');
const aws = spawnSync('/usr/bin/aws', ['--version'], { encoding: 'utf8' });
if (aws.status !== 0 || !/aws-cli\/2\./.test(`${aws.stdout}${aws.stderr}`)) needed.push('awscli');
const pgRoot = '/usr/lib/postgresql';
const hasPostgres =
  existsSync(pgRoot) && readdirSync(pgRoot).some((v) => existsSync(`${pgRoot}/${v}/bin/initdb`));
if (!hasPostgres) needed.push('postgresql');
if (!existsSync('/usr/bin/faketime')) needed.push('faketime');

if (needed.length === 0) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `Missing: ${needed.join(', ')}. Install as root: apt-get update && apt-get install -y ${needed.join(' ')}`,
  );
  if (needed.includes('chromium'))
    console.error('Or point PLAYWRIGHT_CHROMIUM_PATH at an existing Chromium.');
  // The AWS CLI check is skipped without the CLI; Chromium, PostgreSQL and faketime have no stand-in.
  process.exit(needed.some((p) => ['chromium', 'postgresql', 'faketime'].includes(p)) ? 1 : 0);
}
console.log(`Installing Debian packages: ${needed.join(' ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...needed], {
  stdio: 'inherit',
  env,
});
if (!existsSync(chromium)) {
  console.error(`Chromium is still missing at ${chromium}; set PLAYWRIGHT_CHROMIUM_PATH.`);
  process.exit(1);
}
