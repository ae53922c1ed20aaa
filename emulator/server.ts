import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AdminHooks, handleAdmin } from './admin';
import { accountFor, readCredential } from './auth';
import { ApiError } from './errors';
import { ExportEngine } from './export-tasks';
import { parseFaultRules, pickFault, pickLostResponse, ruleFor, type Service } from './faults';
import { type Caller, type EmulatorRequest, type EmulatorResponse, header } from './http-types';
import { handleLogs, logsError, logsOperations } from './logs-handler';
import { debouncedSaver, loadState } from './persistence';
import { handleS3, routeS3 } from './s3-handler';
import { s3Error } from './s3-xml';
import { seedStore } from './seed';
import { Store } from './state';
import { handleSts, stsError } from './sts';
import type { Faults } from './types';

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

function authError(service: Service, kind: 'missing' | 'malformed'): EmulatorResponse {
  if (service === 'logs') {
    return kind === 'missing'
      ? logsError(new ApiError('MissingAuthenticationTokenException', 'Missing Authentication Token'))
      : logsError(
          new ApiError(
            'IncompleteSignatureException',
            "Authorization header requires 'Credential' parameter.",
          ),
        );
  }
  if (service === 'sts') {
    return kind === 'missing'
      ? stsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403)
      : stsError('IncompleteSignature', "Authorization header requires 'Credential' parameter.", 400);
  }
  return kind === 'missing'
    ? s3Error(new ApiError('AccessDenied', 'Access Denied', 403))
    : s3Error(new ApiError('AuthorizationHeaderMalformed', 'The authorization header is malformed.', 400));
}

function faultResponse(service: Service, err: ApiError, head: boolean): EmulatorResponse {
  if (service === 'logs') return logsError(err);
  if (service === 'sts') return stsError(err.code, err.message, err.status);
  return s3Error(err, head);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const accountId = options.accountId ?? '123456789012';
  const store = new Store({
    accountId,
    pendingMs: options.pendingMs ?? 2000,
    runningMs: options.runningMs ?? 4000,
    cancelMs: options.cancelMs ?? 1000,
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
    let service: Service;
    let operation: string;
    let s3Route: ReturnType<typeof routeS3> | undefined;
    const contentType = header(req, 'content-type') ?? '';
    if (target?.startsWith(LOGS_TARGET)) {
      service = 'logs';
      operation = target.slice(LOGS_TARGET.length);
    } else if (
      req.url.pathname === '/' &&
      (req.url.searchParams.has('Action') || contentType.includes('x-www-form-urlencoded'))
    ) {
      service = 'sts';
      const form = new URLSearchParams(req.body.toString('utf8'));
      operation = form.get('Action') ?? req.url.searchParams.get('Action') ?? '';
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
      return faultResponse(service, fault, head);
    }
    const credential = readCredential(req);
    if (typeof credential === 'string') return authError(service, credential);
    const caller: Caller = {
      accessKeyId: credential.accessKeyId,
      accountId: accountFor(credential.accessKeyId, accountId),
      region: credential.region,
    };
    const out =
      service === 'logs'
        ? await handleLogs(store, operations, operation, req, caller)
        : service === 'sts'
          ? handleSts(operation, caller)
          : await handleS3(store, s3Route!, req, caller);
    const lost = rule && out.status < 300 ? pickLostResponse(rule, service) : undefined;
    if (!lost) return out;
    store.count('faults:lost');
    return faultResponse(service, lost, head);
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
