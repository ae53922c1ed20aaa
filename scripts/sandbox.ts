/**
 * `npm run sandbox`: Logport without an AWS account. Starts the seeded local AWS (emulator/), builds Logport
 * if the build is missing or older than the sources, creates the users admin, operator and viewer, and
 * starts the production server against the emulator with the SDK's ordinary settings (AWS_ENDPOINT_URL and
 * dummy keys). The emulator's state and the sandbox's secrets are kept in .data/sandbox across restarts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { optionsFromEnv } from '../emulator/env';
import { EXPORTER_ROLE, SEED_ACCOUNTS } from '../emulator/seed-accounts';
import { startEmulator } from '../emulator/server';
import { upsertUser } from '../lib/auth/users-admin';
import { dropNotice, QUIET_ENV, SANDBOX_USERS, sandboxServerEnv } from './sandbox-env';
import { startFlags } from './start-flags';

const root = path.resolve(__dirname, '..');
const dir = path.join(root, '.data', 'sandbox');
const appPort = Number(process.env.PORT || 3000);
const emulatorPort = Number(process.env.EMULATOR_PORT || 4566);
const region = process.env.AWS_REGION || 'us-east-2';

/** A value generated once and kept in the sandbox folder (so restarts keep sessions and passwords). */
function kept(name: string, make: () => string): string {
  const file = path.join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = make();
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce(
    (max, entry) => Math.max(max, newestMtime(path.join(target, entry))),
    stat.mtimeMs,
  );
}

function buildIfNeeded(): void {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sources = [
    'app',
    'components',
    'lib',
    'messages',
    'public',
    'proxy.ts',
    'next.config.mjs',
    'package.json',
  ];
  if (built > Math.max(...sources.map((s) => newestMtime(path.join(root, s))))) return;
  console.log('Building Logport (production build, about a minute)…');
  const result = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...QUIET_ENV, NEXT_DIST_DIR: '', NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    console.error('The build failed; see above.');
    process.exit(result.status ?? 1);
  }
}

/**
 * One demo rule, the first time only (a marker in the sandbox folder: a rule the user deleted stays deleted), so
 * /coverage shows something at once. Created before the server starts, through the rules service in a child
 * process (its modules are server-only), with the server's environment.
 */
async function seedDemoRule(env: NodeJS.ProcessEnv): Promise<void> {
  const marker = path.join(dir, 'demo-rule');
  if (existsSync(marker)) return;
  // Asynchronously: the emulator answers from this very process, so a blocking spawn would leave the child's
  // checks waiting for an emulator that cannot answer until the child ends.
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(root, 'scripts', 'sandbox-rule.ts')],
    { cwd: root, env: { ...env, NODE_NO_WARNINGS: '1' }, stdio: 'inherit' },
  );
  const status = await new Promise<number | null>((resolve) => {
    child.on('close', resolve);
    child.on('error', () => resolve(null));
  });
  // Not fatal: the sandbox works without it, and the next start tries again.
  if (status === 0) writeFileSync(marker, `${new Date().toISOString()}\n`);
  else console.error('The demo rule could not be created; the sandbox starts without it.');
}

/**
 * The accounts file (LOGPORT_ACCOUNTS): the sandbox's own account is `default` (Logport's credentials; it holds the
 * central archive buckets), and the emulator's seeded member accounts, prod in two Regions and staging, are
 * reached through their role LogportExporter, which trusts the sandbox's account. Written once (an edit is kept);
 * a LOGPORT_ACCOUNTS of the user's own wins, as LOGPORT_REGIONS does.
 */
function accountsFile(): string {
  const own = process.env.LOGPORT_ACCOUNTS?.trim();
  if (own) return own;
  const file = path.join(dir, 'accounts.yaml');
  if (existsSync(file)) return file;
  const lines = [
    "# Written by npm run sandbox: the emulator's member accounts, reached by assuming a role.",
    'accounts:',
  ];
  for (const a of SEED_ACCOUNTS) {
    lines.push(
      `  - name: ${a.name}`,
      `    id: "${a.accountId}"`,
      `    roleArn: arn:aws:iam::${a.accountId}:role/${EXPORTER_ROLE}`,
      `    regions: [${a.regions.join(', ')}]`,
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** A state saved before the member accounts existed has no roles for them: say how to get them. */
async function warnIfNoMemberRoles(emulatorUrl: string): Promise<void> {
  const first = SEED_ACCOUNTS[0];
  if (!first) return;
  try {
    const res = await fetch(`${emulatorUrl}/_emulator/state?accountId=${first.accountId}`);
    const state = (await res.json()) as { roles?: string[] };
    if (state.roles?.includes(EXPORTER_ROLE)) return;
  } catch {
    return;
  }
  console.log(
    `The saved sandbox state has no accounts ${SEED_ACCOUNTS.map((a) => a.name).join(' and ')} yet (it predates them): ` +
      'they show as not reachable. Delete .data/sandbox to start over with them.',
  );
}

/** Exits with one line naming the variable to change when a port is taken (LocalStack also uses 4566). */
async function ensurePortFree(port: number, variable: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
  if (free) return;
  console.error(
    `Port ${port} is already in use (by another program, or a sandbox still running). ` +
      `Stop it, or choose another port: ${variable}=<port> npm run sandbox`,
  );
  process.exit(1);
}

async function main() {
  await ensurePortFree(appPort, 'PORT');
  await ensurePortFree(emulatorPort, 'EMULATOR_PORT');
  mkdirSync(dir, { recursive: true });
  const stateFile = path.join(dir, 'emulator-state.json');
  const fresh = !existsSync(stateFile);
  const emulator = await startEmulator({
    pendingMs: 3_000,
    runningMs: 12_000,
    ...optionsFromEnv(),
    port: emulatorPort,
    stateFile,
    seed: fresh,
    seedRegion: region,
  });

  const password =
    process.env.LOGPORT_SANDBOX_PASSWORD || kept('password', () => randomBytes(9).toString('base64url'));
  const usersFile = path.join(dir, 'users.txt');
  for (const role of SANDBOX_USERS) {
    await upsertUser(usersFile, role, { role, password }, 'upsert');
  }

  buildIfNeeded();
  const url = `http://localhost:${appPort}`;
  const env = sandboxServerEnv(process.env, {
    appPort,
    url,
    secret: process.env.NEXTAUTH_SECRET || kept('nextauth-secret', () => randomBytes(32).toString('base64')),
    emulatorUrl: emulator.url,
    region,
    dataDir: dir,
    usersFile,
  });
  env.LOGPORT_ACCOUNTS = accountsFile();
  if (!fresh && !process.env.LOGPORT_ACCOUNTS) await warnIfNoMemberRoles(emulator.url);
  await seedDemoRule(env);
  const server = spawn(
    process.execPath,
    [...startFlags(), require.resolve('next/dist/bin/next'), 'start', '-p', String(appPort)],
    { cwd: root, env, stdio: ['ignore', 'inherit', 'pipe'] },
  );
  // Warnings go to stderr; one of them does not apply here (see STANDALONE_NOTICE).
  let rest = '';
  server.stderr?.setEncoding('utf8');
  server.stderr?.on('data', (chunk: string) => {
    const next = dropNotice(rest, chunk);
    rest = next.rest;
    if (next.out) process.stderr.write(next.out);
  });
  server.stderr?.on('end', () => {
    if (rest) process.stderr.write(rest);
  });

  const stop = async (code: number) => {
    server.kill('SIGTERM');
    await emulator.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  server.on('exit', (code) => void stop(code ?? 0));

  // Say where to go once the server answers.
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`
  Logport sandbox is running: ${url}
  Local AWS (CloudWatch Logs, S3, STS): ${emulator.url}${fresh ? ' (seeded with sample data)' : ' (state kept in .data/sandbox)'}
  Accounts: default (the sandbox's own, with the central archive buckets) and those in ${env.LOGPORT_ACCOUNTS}

  Sign in as admin, operator or viewer with the password: ${password}
  (set LOGPORT_SANDBOX_PASSWORD to choose it; delete .data/sandbox to start over)

  Press Ctrl+C to stop.
`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
