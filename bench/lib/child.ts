import { execFileSync } from 'node:child_process';
import type { Figure } from './figures';

/**
 * Benches of the store's own loops (scheduler, queue, alerts, backlog) measure lib/ code, whose modules are
 * server-only: they load under the react-server condition, so each such bench runs its measurement in a child
 * process of its own file (`--child`) and reads the child's last output line as JSON.
 */
export function measureInChild<T>(file: string): T {
  const out = execFileSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', file, '--child'],
    {
      encoding: 'utf8',
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as T;
}

/**
 * The bottom of such a bench file: as the child, measure; run alone (`npx tsx bench/<file>.ts`), print its figures.
 */
export function benchEntry(
  module: NodeJS.Module,
  child: () => Promise<void>,
  run: () => Promise<Figure[]>,
): void {
  if (process.argv.includes('--child')) {
    void child().catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
  } else if (require.main === module) {
    void run().then((figures) => {
      for (const f of figures)
        console.log(
          `${f.pass ? 'PASS' : 'FAIL'}  ${f.name}: ${f.value} ${f.unit} (target ${f.target}) — ${f.detail ?? ''}`,
        );
    });
  }
}
