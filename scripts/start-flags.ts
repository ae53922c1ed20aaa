import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The Node flags of `npm start` (package.json), so the sandbox and the benchmarks run the server exactly as
 * it ships. The small young generation (--max-semi-space-size) keeps the resident set low under polling load.
 */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  return (pkg.scripts?.start ?? '').split(/\s+/).filter((part) => /^--[a-z-]+(=\S+)?$/.test(part));
}
