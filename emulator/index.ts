export { optionsFromEnv } from './env';
export { type EmulatorOptions, type RunningEmulator, startEmulator } from './server';
