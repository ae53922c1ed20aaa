import { pick } from './prng';

// Sample log groups shaped like what teams really have: Lambda, ECS, API Gateway, VPC flow logs.

export type MessageKind = 'lambda' | 'ecs' | 'apigw' | 'vpc' | 'rds' | 'generic';

export interface SeedGroup {
  name: string;
  retentionInDays?: number;
  createdDaysAgo: number;
  kind: MessageKind;
  streams: string[];
  /** Events per stream. */
  events: number;
  /** Log group tags (rules pick groups by `archive=true`). */
  tags?: Record<string, string>;
}

export const PRIMARY_GROUPS: SeedGroup[] = [
  {
    name: '/aws/lambda/orders-api',
    retentionInDays: 30,
    createdDaysAgo: 120,
    kind: 'lambda',
    streams: lambdaStreams(4),
    events: 8000,
    tags: { archive: 'true' },
  },
  {
    name: '/aws/lambda/image-resizer',
    retentionInDays: 14,
    createdDaysAgo: 60,
    kind: 'lambda',
    streams: lambdaStreams(3),
    events: 2500,
  },
  {
    name: '/ecs/checkout-service',
    retentionInDays: 90,
    createdDaysAgo: 200,
    kind: 'ecs',
    streams: [
      'ecs/checkout/4f1c2a9e8b7d4e3f',
      'ecs/checkout/9a8b7c6d5e4f3a2b',
      'ecs/checkout/1a2b3c4d5e6f7a8b',
    ],
    events: 9000,
    tags: { archive: 'true' },
  },
  {
    name: 'API-Gateway-Execution-Logs_abc123/prod',
    retentionInDays: 7,
    createdDaysAgo: 90,
    kind: 'apigw',
    streams: ['a87ff679a2f3e71d9181a67b7542122c', 'e4da3b7fbbce2345d7772b0674a318d5'],
    events: 3000,
  },
  {
    name: '/vpc/flow-logs/prod',
    retentionInDays: 365,
    createdDaysAgo: 400,
    kind: 'vpc',
    streams: ['eni-0a1b2c3d4e5f60718-all', 'eni-0f9e8d7c6b5a49382-all'],
    events: 20000,
    tags: { archive: 'false' },
  },
  {
    name: 'my-log-group',
    createdDaysAgo: 45,
    kind: 'generic',
    streams: ['my-log-stream', 'my-other-stream'],
    events: 1000,
  },
  {
    name: '/aws/lambda/payments-webhook',
    retentionInDays: 60,
    createdDaysAgo: 75,
    kind: 'lambda',
    streams: lambdaStreams(2),
    events: 1500,
    tags: { archive: 'true' },
  },
  {
    name: '/aws/lambda/auth-token-refresher',
    retentionInDays: 5,
    createdDaysAgo: 33,
    kind: 'lambda',
    streams: lambdaStreams(2),
    events: 800,
  },
  {
    name: '/aws/rds/instance/orders-db/postgresql',
    retentionInDays: 30,
    createdDaysAgo: 300,
    kind: 'rds',
    streams: ['orders-db.0', 'orders-db.1'],
    events: 2500,
  },
  {
    name: '/aws/eks/platform-cluster/cluster',
    retentionInDays: 90,
    createdDaysAgo: 150,
    kind: 'generic',
    streams: ['kube-apiserver-1a2b3c', 'authenticator-4d5e6f'],
    events: 2000,
  },
  {
    name: '/ecs/inventory-worker',
    retentionInDays: 180,
    createdDaysAgo: 210,
    kind: 'ecs',
    streams: ['ecs/inventory/5e6f7a8b9c0d1e2f', 'ecs/inventory/0d1e2f3a4b5c6d7e'],
    events: 2500,
  },
  {
    name: '/aws/codebuild/logport-ci',
    retentionInDays: 14,
    createdDaysAgo: 20,
    kind: 'generic',
    streams: ['build-7f3e', 'build-8a4c', 'build-9b5d'],
    events: 300,
  },
  {
    name: '/aws/cloudtrail/management-events',
    retentionInDays: 3653,
    createdDaysAgo: 500,
    kind: 'generic',
    streams: ['123456789012_CloudTrail_us-east-2'],
    events: 3000,
  },
  {
    name: '/app/legacy-batch',
    retentionInDays: 1827,
    createdDaysAgo: 420,
    kind: 'generic',
    streams: ['nightly'],
    events: 200,
  },
  {
    name: '/aws/lambda/reports-generator',
    retentionInDays: 120,
    createdDaysAgo: 40,
    kind: 'lambda',
    streams: lambdaStreams(2),
    events: 600,
  },
  { name: '/aws/lambda/unused-function', createdDaysAgo: 31, kind: 'lambda', streams: [], events: 0 },
];

export const SECONDARY_GROUPS: SeedGroup[] = [
  {
    name: '/aws/lambda/orders-api-west',
    retentionInDays: 30,
    createdDaysAgo: 50,
    kind: 'lambda',
    streams: lambdaStreams(2),
    events: 1500,
    tags: { archive: 'true' },
  },
  {
    name: '/ecs/edge-proxy',
    retentionInDays: 14,
    createdDaysAgo: 25,
    kind: 'ecs',
    streams: ['ecs/edge/7a8b9c0d1e2f3a4b'],
    events: 1500,
  },
];

function lambdaStreams(n: number): string[] {
  const ids = [
    '8f14e45fceea167a5a36dedd4bea2543',
    'c9f0f895fb98ab9159f51fd0297e236d',
    '45c48cce2e2d7fbdea1afc51c7c6ad26',
    'd3d9446802a44259755d38e6d163e820',
  ];
  return ids.slice(0, n).map((id, i) => `2026/01/${String(10 + i).padStart(2, '0')}/[$LATEST]${id}`);
}

const hex = (rng: () => number, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(rng() * 16)];
  return s;
};

const PATHS = ['/orders', '/orders/{id}', '/cart', '/checkout', '/health', '/inventory/{sku}'];
const LEVELS = ['INFO', 'INFO', 'INFO', 'INFO', 'WARN', 'ERROR', 'DEBUG'];

/** One event's text; lambda invocations cycle START, app log, END, REPORT like the real runtime. */
export function seedMessage(kind: MessageKind, rng: () => number, i: number, ts: number): string {
  switch (kind) {
    case 'lambda': {
      const req = `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-a${hex(rng, 3)}-${hex(rng, 12)}`;
      const phase = i % 4;
      if (phase === 0) return `START RequestId: ${req} Version: $LATEST`;
      if (phase === 1) {
        return `{"level":"${pick(rng, LEVELS).toLowerCase()}","msg":"${pick(rng, ['order created', 'order fetched', 'resized image', 'cache miss', 'retrying downstream call'])}","requestId":"${req}","orderId":"ord_${hex(rng, 10)}"}`;
      }
      if (phase === 2) return `END RequestId: ${req}`;
      const d = (rng() * 800 + 5).toFixed(2);
      return `REPORT RequestId: ${req}\tDuration: ${d} ms\tBilled Duration: ${Math.ceil(Number(d))} ms\tMemory Size: 512 MB\tMax Memory Used: ${60 + Math.floor(rng() * 200)} MB`;
    }
    case 'ecs':
      return `{"time":"${new Date(ts).toISOString()}","level":"${pick(rng, LEVELS)}","service":"checkout","method":"${pick(rng, ['GET', 'POST', 'PUT'])}","path":"${pick(rng, PATHS)}","status":${pick(rng, [200, 200, 200, 201, 204, 400, 404, 500])},"latencyMs":${Math.floor(rng() * 900)}}`;
    case 'apigw': {
      const req = `${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}`;
      return pick(rng, [
        `(${req}) Extended Request Id: ${hex(rng, 16)}=`,
        `(${req}) Verifying Usage Plan for request: ${req}. API Key:  API Stage: abc123/prod`,
        `(${req}) Method request path: {id=${Math.floor(rng() * 10000)}}`,
        `(${req}) Method completed with status: ${pick(rng, [200, 200, 200, 429, 502])}`,
      ]);
    }
    case 'vpc': {
      const start = Math.floor(ts / 1000) - 60;
      const ip = () => `10.0.${Math.floor(rng() * 8)}.${Math.floor(rng() * 250) + 2}`;
      return `2 123456789012 eni-0a1b2c3d4e5f60718 ${ip()} ${ip()} ${pick(rng, [443, 80, 5432, 6379])} ${49152 + Math.floor(rng() * 16000)} 6 ${1 + Math.floor(rng() * 40)} ${Math.floor(rng() * 90000)} ${start} ${start + 60} ${rng() < 0.93 ? 'ACCEPT' : 'REJECT'} OK`;
    }
    case 'rds':
      return `${new Date(ts).toISOString().replace('T', ' ').slice(0, 19)} UTC:10.0.3.${Math.floor(rng() * 200)}(5${Math.floor(rng() * 9999)}):app@orders:[${Math.floor(rng() * 30000)}]:LOG:  duration: ${(rng() * 400).toFixed(3)} ms  statement: SELECT * FROM orders WHERE id = $1`;
    default:
      return `${pick(rng, LEVELS)} ${pick(rng, ['job started', 'job finished', 'processed batch', 'connection reset by peer, retrying', 'user signed in', 'configuration reloaded'])} id=${hex(rng, 8)} n=${Math.floor(rng() * 1000)}`;
  }
}
