import { CloudWatchLogsClient, DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import autocannon from 'autocannon';
import type { Figure } from './lib/figures';
import { percentile, round } from './lib/figures';
import type { Stack } from './lib/stack';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_LATENCY_SECONDS || 10);

/** The same load straight at the emulator through the SDK: what AWS itself costs, for the overhead figure. */
async function directSdk(stack: Stack): Promise<number[]> {
  const client = new CloudWatchLogsClient({
    region: 'us-east-2',
    endpoint: stack.emulator.url,
    credentials: { accessKeyId: 'AKIABENCH', secretAccessKey: 'bench' },
  });
  const latencies: number[] = [];
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const start = performance.now();
        await client.send(new DescribeExportTasksCommand({ limit: 50 }));
        latencies.push(performance.now() - start);
      }
    }),
  );
  client.destroy();
  return latencies;
}

export async function run(stack: Stack): Promise<Figure[]> {
  const result = await autocannon({
    url: `${stack.appUrl}/api/export-tasks?region=us-east-2`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { cookie: stack.cookie },
  });
  const direct = await directSdk(stack);
  const routeP50 = result.latency.p50;
  const directP50 = percentile(direct, 50);
  const errors = result.errors + result.non2xx + result.timeouts;
  const rps = result.requests.average;
  return [
    { name: 'list route p50 (50 clients)', value: round(routeP50), unit: 'ms', target: 'info', pass: true },
    {
      name: 'list route p99 (50 clients)',
      value: round(result.latency.p99),
      unit: 'ms',
      target: 'info',
      pass: true,
    },
    {
      name: 'direct SDK → emulator p50 (50 clients)',
      value: round(directP50),
      unit: 'ms',
      target: 'info',
      pass: true,
    },
    {
      name: 'list route p50 overhead over direct SDK',
      value: round(routeP50 - directP50),
      unit: 'ms',
      target: '<= 5',
      pass: routeP50 - directP50 <= 5,
    },
    { name: 'list route errors', value: errors, unit: 'requests', target: '0', pass: errors === 0 },
    { name: 'list route throughput', value: round(rps), unit: 'req/s', target: '>= 500', pass: rps >= 500 },
  ];
}
