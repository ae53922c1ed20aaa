import 'server-only';

export { generatorHref, type PreflightInput, runPreflight } from './run';
export * from './types';
