import 'server-only';

export { generatorHref } from '@/lib/policy/generator-href';
export { type PreflightInput, runPreflight } from './run';
export * from './types';
