/**
 * What the sandbox (scripts/sandbox.ts) hands the build and the server, kept apart so a test can read it.
 * The sandbox is for a first look: warnings that do not apply to it are switched off at their source, so
 * what it prints is what a newcomer needs (the URL, the users, the password).
 */

/** The users the sandbox creates, one per role; the sign-in page names them (LOGPORT_SANDBOX_USERS). */
export const SANDBOX_USERS = ['admin', 'operator', 'viewer'] as const;

export const QUIET_ENV = {
  // Next.js's first-run telemetry notice; a throwaway local sandbox has nothing to report.
  NEXT_TELEMETRY_DISABLED: '1',
  // The AWS SDK's notice that its 2027 releases need Node 22 (this Node is supported today; see engines).
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
} as const;

/**
 * `next start` warns that it "does not work with output: standalone". It does work: standalone output is
 * for copying a server without node_modules (README, Running in production); the sandbox runs in place,
 * as `npm start` does. That one line is dropped from the server's output; everything else passes through.
 */
export const STANDALONE_NOTICE = /"next start" does not work with "output: standalone"/;

export function sandboxServerEnv(
  base: Record<string, string | undefined>,
  values: {
    appPort: number;
    url: string;
    secret: string;
    emulatorUrl: string;
    region: string;
    dataDir: string;
    usersFile: string;
  },
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    ...QUIET_ENV,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: '',
    PORT: String(values.appPort),
    NEXTAUTH_URL: values.url,
    NEXTAUTH_SECRET: values.secret,
    AWS_ENDPOINT_URL: values.emulatorUrl,
    AWS_ACCESS_KEY_ID: 'AKIASANDBOX000000000',
    AWS_SECRET_ACCESS_KEY: 'sandbox-secret-key-not-a-real-one-000000',
    AWS_REGION: values.region,
    LOGPORT_REGIONS: base.LOGPORT_REGIONS || `${values.region},us-west-2`,
    LOGPORT_DATA_DIR: values.dataDir,
    LOGPORT_USERS_FILE: values.usersFile,
    // Names only, never the password: the sign-in page says who to sign in as and where the password is.
    LOGPORT_SANDBOX_USERS: SANDBOX_USERS.join(','),
  };
  delete env.AWS_PROFILE;
  delete env.AWS_SESSION_TOKEN;
  // The server has no use for the users' password; it stays with the sandbox script.
  delete env.LOGPORT_SANDBOX_PASSWORD;
  return env;
}

/** Passes `chunk` through without the standalone notice; `rest` carries a line cut at a chunk's end. */
export function dropNotice(rest: string, chunk: string): { out: string; rest: string } {
  const text = rest + chunk;
  const cut = text.lastIndexOf('\n') + 1;
  const lines = text.slice(0, cut).split('\n');
  lines.pop();
  const kept = lines.filter((line) => !STANDALONE_NOTICE.test(line));
  return { out: kept.length > 0 ? `${kept.join('\n')}\n` : '', rest: text.slice(cut) };
}
