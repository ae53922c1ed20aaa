import { createHash, createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import { startEmulator } from '../emulator/server';

// How many DescribeExportTasks requests a second the emulator serves (the target: 1,000),
// measured with raw SigV4-signed HTTP over keep-alive connections and bounded concurrency, so the
// figure is the server's and not the SDK client's.

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean;
}

const REGION = 'us-east-2';
const DURATION_MS = 5000;
const CONCURRENCY = 20;

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

/** A real SigV4 signature, computed once: the body never changes and the date stays valid for the run. */
function signedHeaders(host: string, body: string): Record<string, string> {
  const amzDate = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    'content-type': 'application/x-amz-json-1.1',
    host,
    'x-amz-date': amzDate,
    'x-amz-target': 'Logs_20140328.DescribeExportTasks',
  };
  const names = Object.keys(headers).sort();
  const canonical = [
    'POST',
    '/',
    '',
    ...names.map((n) => `${n}:${headers[n]}`),
    '',
    names.join(';'),
    sha256(body),
  ].join('\n');
  const scope = `${day}/${REGION}/logs/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = ['logs', 'aws4_request'].reduce<Buffer>(
    (k, part) => hmac(k, part),
    hmac(hmac('AWS4bench-secret', day), REGION),
  );
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=AKIDBENCH/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
    'content-length': String(Buffer.byteLength(body)),
  };
}

async function measure(url: string, body: string): Promise<{ rps: number; errors: number; p99: number }> {
  const { hostname, port } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const headers = signedHeaders(`${hostname}:${port}`, body);
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + DURATION_MS;
  const once = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = request({ hostname, port, method: 'POST', path: '/', headers, agent }, (res) => {
        res.on('data', () => {});
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(performance.now() - started);
          else errors += 1;
          resolve();
        });
      });
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) await once();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round(latencies.length / seconds),
    errors,
    p99: Math.round((latencies[Math.floor(latencies.length * 0.99)] ?? 0) * 10) / 10,
  };
}

async function bulk(url: string, count: number): Promise<void> {
  const res = await fetch(`${url}/_emulator/export-tasks/bulk`, {
    method: 'POST',
    body: JSON.stringify({ region: REGION, count, logGroupName: 'my-log-group' }),
  });
  if (!res.ok) throw new Error(`bulk create failed: ${res.status}`);
}

export async function run(): Promise<BenchResult[]> {
  const emulator = await startEmulator({ port: 0 });
  try {
    await bulk(emulator.url, 1000);
    const small = await measure(emulator.url, '{}');
    await bulk(emulator.url, 19_000);
    const large = await measure(emulator.url, '{"statusCode":"FAILED","limit":50}');
    return [
      {
        name: 'emulator DescribeExportTasks, 1,000 tasks, 50 per page',
        value: small.rps,
        unit: 'req/s',
        target: '>= 1000',
        pass: small.rps >= 1000 && small.errors === 0,
      },
      {
        name: 'emulator DescribeExportTasks p99 latency (1,000 tasks, 20 in flight)',
        value: small.p99,
        unit: 'ms',
        target: '<= 100',
        pass: small.p99 <= 100,
      },
      {
        name: 'emulator DescribeExportTasks, 20,000 tasks, statusCode filter',
        value: large.rps,
        unit: 'req/s',
        target: '>= 1000',
        pass: large.rps >= 1000 && large.errors === 0,
      },
    ];
  } finally {
    await emulator.close();
  }
}

if (process.argv[1]?.replace(/\\/g, '/').endsWith('bench/emulator-throughput.ts')) {
  run().then(
    (results) => {
      for (const r of results) {
        console.log(`${r.pass ? 'PASS' : 'FAIL'}  ${r.name}: ${r.value} ${r.unit} (target ${r.target})`);
      }
      process.exit(results.every((r) => r.pass) ? 0 : 1);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
