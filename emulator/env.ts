import type { EmulatorOptions } from './server';

/** Options from the environment, so `npm run emulator` and scripts configure it the same way. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): EmulatorOptions {
  const int = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
  const options: EmulatorOptions = {};
  const port = int(env.EMULATOR_PORT);
  if (port !== undefined) options.port = port;
  if (env.EMULATOR_HOST) options.host = env.EMULATOR_HOST;
  if (env.EMULATOR_ACCOUNT_ID) options.accountId = env.EMULATOR_ACCOUNT_ID;
  if (env.EMULATOR_SEED === '1' || env.EMULATOR_SEED === 'true') options.seed = true;
  if (env.EMULATOR_SEED_REGION) options.seedRegion = env.EMULATOR_SEED_REGION;
  if (env.EMULATOR_STATE_FILE) options.stateFile = env.EMULATOR_STATE_FILE;
  const pending = int(env.EMULATOR_EXPORT_PENDING_MS);
  if (pending !== undefined) options.pendingMs = pending;
  const running = int(env.EMULATOR_EXPORT_RUNNING_MS);
  if (running !== undefined) options.runningMs = running;
  const cancel = int(env.EMULATOR_EXPORT_CANCEL_MS);
  if (cancel !== undefined) options.cancelMs = cancel;
  if (env.EMULATOR_COMPAT === 'loose' || env.EMULATOR_COMPAT === 'faithful')
    options.compat = env.EMULATOR_COMPAT;
  const assumeMax = int(env.EMULATOR_ASSUME_ROLE_MAX_SECONDS);
  if (assumeMax !== undefined && assumeMax >= 1) options.assumeRoleMaxSeconds = Math.min(assumeMax, 43_200);
  if (env.EMULATOR_FAULTS) options.faults = JSON.parse(env.EMULATOR_FAULTS) as EmulatorOptions['faults'];
  return options;
}
