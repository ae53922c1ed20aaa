import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Figure } from './lib/figures';
import { median, round } from './lib/figures';
import type { Stack } from './lib/stack';

const RUNS = 5;
const GROUPS = Number(process.env.BENCH_COVERAGE_GROUPS || 1000);
const DAYS = 90;
const root = path.resolve(__dirname, '..');

/** Seeds (or removes) the rules' history in the server's store, in a child process (the store is server-only). */
function store(mode: 'seed' | 'clean'): string {
  return execFileSync(
    process.execPath,
    [
      '--conditions=react-server',
      '--import',
      'tsx',
      path.join(root, 'bench', 'lib', 'seed-coverage.ts'),
      mode,
      String(GROUPS),
      String(DAYS),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        LOGPORT_DATA_DIR: path.join(root, 'bench', '.tmp', 'data'),
        AWS_REGION: 'us-east-2',
        NODE_NO_WARNINGS: '1',
      },
      encoding: 'utf8',
    },
  );
}

/**
 * /coverage with 1,000 log groups x 90 days of rule history (four daily rules; archived, gaps, failures,
 * expired, queued and not-due windows): LCP of the default view (the last 30 days) and of the 90-day view,
 * and how many rows the page holds (virtualised: those near the screen, not 1,000).
 */
export async function run(stack: Stack): Promise<Figure[]> {
  const seeded = JSON.parse(store('seed').trim().split('\n').at(-1) ?? '{}') as { jobs?: number };
  try {
    const measure = async (url: string) => {
      const lcps: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS + 1; i++) {
        const context = await stack.browser.newContext({
          baseURL: stack.appUrl,
          storageState: stack.storageState,
          viewport: { width: 1280, height: 900 },
        });
        const page = await context.newPage();
        await page.addInitScript(() => {
          const w = window as unknown as { __lcp: number };
          w.__lcp = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.__lcp = e.startTime;
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        });
        await page.goto(url, { waitUntil: 'load' });
        await page.getByTestId('coverage-row').first().waitFor();
        await page.waitForTimeout(500);
        const lcp = await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
        rows = await page.getByTestId('coverage-row').count();
        // The first run warms the server (its caches, the page's modules); it is not counted.
        if (i > 0) lcps.push(lcp);
        await context.close();
      }
      return { lcp: median(lcps), rows };
    };
    const month = await measure('/coverage');
    const quarter = await measure('/coverage?range=90d');
    const detail = `${GROUPS} groups x ${DAYS} days, ${seeded.jobs ?? '?'} ledger windows`;
    return [
      {
        name: `/coverage LCP, ${GROUPS.toLocaleString('en')} groups x ${DAYS} days (30-day view)`,
        value: round(month.lcp),
        unit: 'ms',
        target: '< 1500',
        pass: month.lcp < 1500,
        detail,
      },
      {
        name: `/coverage LCP, ${GROUPS.toLocaleString('en')} groups x ${DAYS} days (90-day view)`,
        value: round(quarter.lcp),
        unit: 'ms',
        target: 'info',
        pass: true,
      },
      {
        name: `/coverage rows in the page with ${GROUPS.toLocaleString('en')} groups`,
        value: month.rows,
        unit: 'rows',
        target: '< 60',
        pass: month.rows < 60,
      },
    ];
  } finally {
    store('clean');
  }
}
