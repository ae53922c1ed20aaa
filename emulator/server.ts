import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AdminHooks, handleAdmin } from './admin';
import { readCredential, resolveCaller } from './auth';
import { ApiError } from './errors';
import { ExportEngine } from './export-tasks';
import { parseFaultRules, pickFault, pickLostResponse, ruleFor, type Service } from './faults';
import { type EmulatorRequest, type EmulatorResponse, header } from './http-types';
import { handleIam } from './iam';
import { handleLogs, logsOperations } from './logs-handler';
import { debouncedSaver, loadState } from './persistence';
import { IAM_VERSION, queryParams } from './query-protocol';
import { handleS3, routeS3 } from './s3-handler';
import { s3Error } from './s3-xml';
import { seedStore } from './seed';
import { authError, errorResponse } from './service-errors';
import { Store } from './state';
import { handleSts } from './sts';
import type { CompatMode, Faults } from './types';

export interface EmulatorOptions {
  /** 0 picks a free port. Default 4566. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 123456789012. */
  accountId?: string;
  /** Load the sample log groups, buckets and history at start. */
  seed?: boolean;
  /** The seed's main Region. Default us-east-2 (the guide's). */
  seedRegion?: string;
  /** JSON file to load at start and save to on change and on close. */
  stateFile?: string;
  /** How long a new export task stays PENDING, then RUNNING. Defaults 2000 / 4000 ms. */
  pendingMs?: number;
  runningMs?: number;
  /** How long a cancelled task stays PENDING_CANCEL. Default 1000 ms. */
  cancelMs?: number;
  faults?: Partial<Faults> | Partial<Faults>[];
  /** `loose`: answer like moto/LocalStack where they differ from AWS (README). Default `faithful`. */
  compat?: CompatMode;
  /** Caps AssumeRole credentials' lifetime in seconds (1-43200), for tests of the SDK's refresh. */
  assumeRoleMaxSeconds?: number;
}

export interface RunningEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
  /**
   * Stops answering altogether (the port refuses connections, open ones are cut) or listens again, state
   * kept: AWS unreachable, for tests. `npm run emulator` toggles it on SIGUSR2.
   */
  setReachable(reachable: boolean): Promise<void>;
  readonly reachable: boolean;
}

const LOGS_TARGET = 'Logs_20140328.';
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const accountId = options.accountId ?? '123456789012';
  const store = new Store({
    accountId,
    pendingMs: options.pendingMs ?? 2000,
    runningMs: options.runningMs ?? 4000,
    cancelMs: options.cancelMs ?? 1000,
    ...(options.compat !== undefined ? { compat: options.compat } : {}),
    ...(options.assumeRoleMaxSeconds !== undefined
      ? { assumeRoleMaxSeconds: options.assumeRoleMaxSeconds }
      : {}),
  });
  store.faults = parseFaultRules(options.faults ?? []);
  const engine = new ExportEngine(store);
  const operations = logsOperations(engine);
  const seedRegion = options.seedRegion ?? 'us-east-2';
  const hooks: AdminHooks = {
    seed: () => seedStore(store, { accountId, region: seedRegion, now: Date.now() }),
    reset: () => {
      engine.close();
      store.reset();
      store.changed();
    },
  };
  const loaded = options.stateFile !== undefined && loadState(store, options.stateFile);
  if (loaded) engine.resume();
  else if (options.seed) hooks.seed();
  const saver = options.stateFile === undefined ? undefined : debouncedSaver(store, options.stateFile);
  if (saver) store.onChange(() => saver.schedule());

  async function dispatch(req: EmulatorRequest, remote: string | undefined): Promise<EmulatorResponse> {
    if (req.url.pathname.startsWith('/_emulator/')) {
      if (!LOOPBACK.has(remote ?? '')) return { status: 403, headers: {}, body: 'admin is loopback only' };
      return handleAdmin(store, engine, hooks, req);
    }
    const target = header(req, 'x-amz-target');
    const credential = readCredential(req);
    let service: Service;
    let operation: string;
    let s3Route: ReturnType<typeof routeS3> | undefined;
    let params: URLSearchParams | undefined;
    const contentType = header(req, 'content-type') ?? '';
    if (target?.startsWith(LOGS_TARGET)) {
      service = 'logs';
      operation = target.slice(LOGS_TARGET.length);
    } else if (
      req.url.pathname === '/' &&
      (req.url.searchParams.has('Action') || contentType.includes('x-www-form-urlencoded'))
    ) {
      // STS and IAM share the query protocol; IAM's API version (or its signing scope) tells them apart.
      params = queryParams(req);
      const iam =
        params.get('Version') === IAM_VERSION ||
        (typeof credential !== 'string' && credential.service === 'iam');
      service = iam ? 'iam' : 'sts';
      operation = params.get('Action') ?? '';
    } else {
      service = 's3';
      s3Route = routeS3(req);
      operation = s3Route.operation;
    }
    store.count(`${service}:${operation}`);
    const rule = ruleFor(store.faults, service, operation);
    if (rule && rule.latencyMs > 0) await sleep(rule.latencyMs);
    const head = req.method === 'HEAD';
    const fault = rule && pickFault(rule, service);
    if (fault) {
      store.count(fault.status === 500 ? 'faults:error' : 'faults:throttle');
      return errorResponse(service, fault, head);
    }
    if (typeof credential === 'string') return authError(service, credential, head);
    const now = Date.now();
    const caller = resolveCaller(store, credential, accountId, now);
    if (typeof caller === 'string') {
      store.count(caller === 'expiredToken' ? 'auth:ExpiredToken' : 'auth:InvalidToken');
      return authError(service, caller, head);
    }
    const out =
      service === 'logs'
        ? handleLogs(store, operations, operation, req, caller)
        : service === 'sts'
          ? handleSts(store, operation, params!, caller, now)
          : service === 'iam'
            ? handleIam(store, operation, params!, caller, now)
            : handleS3(store, s3Route!, req, caller);
    const lost = rule && out.status < 300 ? pickLostResponse(rule, service) : undefined;
    if (!lost) return out;
    store.count('faults:lost');
    return errorResponse(service, lost, head);
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: EmulatorRequest = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', 'http://emulator'),
        headers: req.headers,
        body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
      };
      dispatch(request, req.socket.remoteAddress)
        .catch((err: unknown) => s3Error(new ApiError('InternalError', String(err), 500)))
        .then((out) => {
          const body = typeof out.body === 'string' ? Buffer.from(out.body) : out.body;
          const headers: Record<string, string> = { ...out.headers };
          if (!headers['content-length'])
            headers['content-length'] = String(request.method === 'HEAD' ? 0 : body.length);
          res.writeHead(out.status, headers);
          res.end(request.method === 'HEAD' ? undefined : body);
        });
    });
  });
  server.keepAliveTimeout = 65_000;

  const host = options.host ?? '127.0.0.1';
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(options.port ?? 4566);
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  let reachable = true;
  // While the port is closed nothing else may keep the process alive: hold it open until we listen again.
  let keepAlive: NodeJS.Timeout | undefined;
  let switching: Promise<void> = Promise.resolve();
  const stopListening = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  };
  const switchTo = async (on: boolean) => {
    if (on === reachable) return;
    if (on) {
      await listen(port);
      clearInterval(keepAlive);
    } else {
      keepAlive = setInterval(() => undefined, 60_000);
      await stopListening();
    }
    reachable = on;
  };
  return {
    url: `http://${shownHost}:${port}`,
    port,
    get reachable() {
      return reachable;
    },
    setReachable: (on: boolean) => {
      // One switch at a time, in the order asked.
      switching = switching.catch(() => undefined).then(() => switchTo(on));
      return switching;
    },
    close: async () => {
      engine.close();
      saver?.flush();
      clearInterval(keepAlive);
      if (reachable) await stopListening();
    },
  };
}
