import { CloudWatchLogsClient, DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import autocannon from 'autocannon';
import type { Figure } from './lib/figures';
import { median, percentile, round } from './lib/figures';
import type { Stack } from './lib/stack';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_LATENCY_SECONDS || 10);
/** Route/SDK pairs for the overhead figure (each pair asks for a task not asked before: no shared answer). */
const PAIRS = Number(process.env.BENCH_OVERHEAD_PAIRS || 600);

function sdk(stack: Stack): CloudWatchLogsClient {
  return new CloudWatchLogsClient({
    region: 'us-east-2',
    endpoint: stack.emulator.url,
    credentials: { accessKeyId: 'AKIABENCH', secretAccessKey: 'bench' },
  });
}

async function taskIds(client: CloudWatchLogsClient): Promise<string[]> {
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const out = await client.send(new DescribeExportTasksCommand({ nextToken, limit: 50 }));
    for (const t of out.exportTasks ?? []) if (t.taskId) ids.push(t.taskId);
    nextToken = out.nextToken;
  } while (nextToken);
  return ids;
}

/**
 * What the list route adds to an AWS call, measured one call at a time (at 50 concurrent clients on two cores
 * the difference is queueing, not overhead, and swung 0.2 → 12 ms between runs). Each pair asks the route and
 * the SDK directly for the same task, in alternating order, and each task only once: the route's shared
 * answers (2 s) never serve a pair, so both sides make the same DescribeExportTasks call.
 */
async function overhead(
  stack: Stack,
): Promise<{ route: number[]; direct: number[]; diffs: number[]; floor: number[] }> {
  const client = sdk(stack);
  let ids = await taskIds(client);
  if (ids.length < PAIRS + 20) {
    await stack.admin('export-tasks/bulk', { region: 'us-east-2', count: PAIRS + 20 - ids.length });
    ids = await taskIds(client);
  }
  const headers = { cookie: stack.cookie };
  const routeCall = async (taskId: string) => {
    const start = performance.now();
    const res = await fetch(`${stack.appUrl}/api/export-tasks?region=us-east-2&taskId=${taskId}`, {
      headers,
    });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`list route answered ${res.status}`);
    return performance.now() - start;
  };
  // Next.js's own cost of a request (routing, the proxy, the response), with no session and no AWS call of ours.
  const floorCall = async () => {
    const start = performance.now();
    const res = await fetch(`${stack.appUrl}/api/health`);
    await res.arrayBuffer();
    return performance.now() - start;
  };
  const directCall = async (taskId: string) => {
    const start = performance.now();
    await client.send(new DescribeExportTasksCommand({ taskId, limit: 50 }));
    return performance.now() - start;
  };
  // Warm both paths (connections, JIT) with tasks outside the measured set.
  for (const id of ids.slice(PAIRS, PAIRS + 20)) {
    await routeCall(id);
    await directCall(id);
  }
  const route: number[] = [];
  const direct: number[] = [];
  const diffs: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    floor.push(await floorCall());
    const id = ids[i] ?? '';
    let r: number;
    let d: number;
    if (i % 2 === 0) {
      r = await routeCall(id);
      d = await directCall(id);
    } else {
      d = await directCall(id);
      r = await routeCall(id);
    }
    route.push(r);
    direct.push(d);
    diffs.push(r - d);
  }
  client.destroy();
  return { route, direct, diffs, floor };
}

export async function run(stack: Stack): Promise<Figure[]> {
  const result = await autocannon({
    url: `${stack.appUrl}/api/export-tasks?region=us-east-2`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { cookie: stack.cookie },
  });
  const o = await overhead(stack);
  const routeP50 = median(o.route);
  const directP50 = median(o.direct);
  const difference = median(o.diffs);
  const errors = result.errors + result.non2xx + result.timeouts;
  const rps = result.requests.average;
  return [
    {
      name: 'list route p50 (50 clients)',
      value: round(result.latency.p50),
      unit: 'ms',
      target: 'info',
      pass: true,
    },
    {
      name: 'list route p99 (50 clients)',
      value: round(result.latency.p99),
      unit: 'ms',
      target: 'info',
      pass: true,
    },
    {
      name: 'list route errors (50 clients)',
      value: errors,
      unit: 'requests',
      target: '0',
      pass: errors === 0,
    },
    {
      name: 'list route throughput (50 clients)',
      value: round(rps),
      unit: 'req/s',
      target: '>= 500',
      pass: rps >= 500,
    },
    {
      name: `list route p50, one call at a time (${o.route.length} calls)`,
      value: round(routeP50, 2),
      unit: 'ms',
      target: 'info',
      pass: true,
      detail: `p90 ${round(percentile(o.route, 90), 2)} ms`,
    },
    {
      name: `direct SDK → emulator p50, one call at a time (${o.direct.length} calls)`,
      value: round(directP50, 2),
      unit: 'ms',
      target: 'info',
      pass: true,
      detail: `p90 ${round(percentile(o.direct, 90), 2)} ms`,
    },
    {
      name: 'list route overhead over a direct SDK call (median of paired differences)',
      value: round(difference, 2),
      unit: 'ms',
      target: '<= 5',
      pass: difference <= 5,
      detail: `ratio of p50s ${round(routeP50 / directP50, 2)}×`,
    },
    {
      name: 'Next.js floor: /api/health p50, one call at a time',
      value: round(median(o.floor), 2),
      unit: 'ms',
      target: 'info',
      pass: true,
      detail: 'what any route costs here before Logport does anything',
    },
    {
      name: 'list route ÷ direct SDK, p50 at concurrency 1',
      value: round(routeP50 / directP50, 2),
      unit: '×',
      target: 'info',
      pass: true,
    },
  ];
}
