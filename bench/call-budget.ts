import type { Page } from '@playwright/test';
import type { Figure } from './lib/figures';
import { round } from './lib/figures';
import { operationCount, type Stack } from './lib/stack';

const WINDOW_MS = Number(process.env.BENCH_CALL_WINDOW_MS || 60_000);

async function openDashboards(
  stack: Stack,
  count: number,
): Promise<{ pages: Page[]; close(): Promise<void> }> {
  const context = await stack.browser.newContext({ baseURL: stack.appUrl, storageState: stack.storageState });
  const pages: Page[] = [];
  for (let i = 0; i < count; i++) {
    const page = await context.newPage();
    await page.goto('/exports');
    pages.push(page);
  }
  return { pages, close: () => context.close() };
}

/** DescribeExportTasks calls the emulator counts during the window, with `count` dashboards open. */
async function callsWith(stack: Stack, count: number, activeTask: boolean): Promise<number> {
  if (activeTask) {
    const { CloudWatchLogsClient, CreateExportTaskCommand } = await import('@aws-sdk/client-cloudwatch-logs');
    const logs = new CloudWatchLogsClient({
      region: 'us-east-2',
      endpoint: stack.emulator.url,
      credentials: { accessKeyId: 'AKIABENCH', secretAccessKey: 'bench' },
    });
    const now = Date.now();
    await logs.send(
      new CreateExportTaskCommand({
        logGroupName: 'my-log-group',
        from: now - 86_400_000,
        to: now,
        destination: 'logport-exports',
        destinationPrefix: `bench-${count}`,
      }),
    );
  }
  const dashboards = await openDashboards(stack, count);
  await new Promise((r) => setTimeout(r, 3_000));
  const before = await operationCount(stack, 'logs:DescribeExportTasks');
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  const after = await operationCount(stack, 'logs:DescribeExportTasks');
  await dashboards.close();
  return after - before;
}

export async function run(stack: Stack): Promise<Figure[]> {
  // The emulator keeps the task RUNNING for the whole window (runningMs is long in the bench stack).
  const one = await callsWith(stack, 1, true);
  await stack.admin('reset');
  await stack.admin('seed', {});
  const twenty = await callsWith(stack, 20, true);
  await stack.admin('reset');
  await stack.admin('seed', {});
  const idle = await callsWith(stack, 20, false);
  const perMinute = (n: number) => (n * 60_000) / WINDOW_MS;
  const ratio = one === 0 ? Number.POSITIVE_INFINITY : twenty / one;
  return [
    {
      name: 'DescribeExportTasks / min, 1 dashboard, task running',
      value: round(perMinute(one)),
      unit: 'calls',
      target: 'info',
      pass: true,
    },
    {
      name: 'DescribeExportTasks / min, 20 dashboards, task running',
      value: round(perMinute(twenty)),
      unit: 'calls',
      target: 'info',
      pass: true,
    },
    {
      name: 'AWS calls ratio 20 / 1 dashboards',
      value: round(ratio, 2),
      unit: 'x',
      target: '<= 1.5',
      pass: ratio <= 1.5,
    },
    {
      name: 'AWS calls / min, 20 idle dashboards, no active task',
      value: round(perMinute(idle)),
      unit: 'calls',
      target: '<= 2',
      pass: perMinute(idle) <= 2,
    },
  ];
}
