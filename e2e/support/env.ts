import path from 'node:path';

/** One place for the ports, users and environment the e2e servers and tests share. */
const appPort = Number(process.env.E2E_APP_PORT || 3100);
const emulatorPort = Number(process.env.E2E_EMULATOR_PORT || 4599);
const dataDir = path.resolve(`.data/e2e-${appPort}`);

/**
 * The e2e server's other accounts (issue 16), reached through the emulator's seeded LogportExporter roles, and
 * `broken`, whose role does not exist, so the overview has an unreachable account to show. The default
 * account (the ambient credentials) and its data stay as every other spec expects.
 */
export const E2E_ACCOUNTS = [
  {
    name: 'prod',
    id: '111111111111',
    roleArn: 'arn:aws:iam::111111111111:role/LogportExporter',
    regions: ['us-east-2', 'us-west-2'],
  },
  {
    name: 'staging',
    id: '222222222222',
    roleArn: 'arn:aws:iam::222222222222:role/LogportExporter',
    regions: ['us-east-2'],
  },
  {
    name: 'broken',
    id: '333333333333',
    roleArn: 'arn:aws:iam::333333333333:role/NoSuchRole',
    regions: ['us-east-2'],
  },
] as const;

export const ROLES_UNDER_TEST = ['viewer', 'operator', 'admin'] as const;
export type TestRole = (typeof ROLES_UNDER_TEST)[number];

export const E2E = {
  /** An admin who may reach only the account `staging` (users file: `…:staging`). */
  limitedUser: 'stagingadmin',
  appPort,
  emulatorPort,
  appUrl: `http://127.0.0.1:${appPort}`,
  emulatorUrl: `http://127.0.0.1:${emulatorPort}`,
  region: 'us-east-2',
  otherRegion: 'us-west-2',
  accountId: '123456789012',
  password: 'e2e-password-123',
  dataDir,
  usersFile: path.join(dataDir, 'users.txt'),
  /** Written by scripts/e2e-prepare.ts before the server starts (LOGPORT_ACCOUNTS). */
  accountsFile: path.join(dataDir, 'accounts.yaml'),
  chromiumPath: process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium',
  storageState: (role: TestRole) => path.resolve(`e2e/.auth/${appPort}-${role}.json`),
  emulatorEnv: {
    EMULATOR_EXPORT_PENDING_MS: '1500',
    EMULATOR_EXPORT_RUNNING_MS: '2500',
    EMULATOR_SEED_REGION: 'us-east-2',
  } as Record<string, string>,
  appEnv: {
    NODE_ENV: 'production',
    NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production-0123456789',
    NEXTAUTH_URL: `http://127.0.0.1:${appPort}`,
    AWS_ENDPOINT_URL: `http://127.0.0.1:${emulatorPort}`,
    AWS_ACCESS_KEY_ID: 'AKIAE2ETESTKEY000000',
    AWS_SECRET_ACCESS_KEY: 'e2e-secret-access-key-not-real-000000000',
    AWS_REGION: 'us-east-2',
    LOGPORT_REGIONS: 'us-east-2,us-west-2',
    LOGPORT_DATA_DIR: dataDir,
    LOGPORT_USERS_FILE: path.join(dataDir, 'users.txt'),
    LOGPORT_ACCOUNTS: path.join(dataDir, 'accounts.yaml'),
    LOGPORT_QUEUE_POLL_MS: '500',
    // Rules are looked at every 2 s (default a minute), so coverage fills while a spec watches (rules-*, coverage-*).
    LOGPORT_SCHEDULER_TICK_MS: '2000',
    // As behind a reverse proxy: a spec sets X-Forwarded-For to act as another client (sessions list, sign-in
    // limits); requests without it keep the socket's address, as before.
    LOGPORT_TRUSTED_PROXY_HEADER: 'x-forwarded-for',
  } as Record<string, string>,
};
