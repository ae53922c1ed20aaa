import { E2E } from './env';

/**
 * Typed helpers for the test emulator's admin routes (`/_emulator/`, see emulator/README.md): fault injection,
 * call counts, state, timings and bulk history. Any spec may use them; each call throws on a non-2xx answer.
 */
export type Faults = {
  /** 0-1: share of calls answered with ThrottlingException / SlowDown / Throttling. */
  throttleRate?: number;
  /** 0-1: share of calls answered with a 5xx (ServiceUnavailableException / InternalError / InternalFailure). */
  errorRate?: number;
  /** 0-1: share of successful calls whose answer is replaced by a 5xx (the change is made: a lost response). */
  lostResponseRate?: number;
  /** Delay before every affected call, in ms (max 60,000). */
  latencyMs?: number;
  /** Limit the faults to these operations (`DescribeExportTasks` or `logs:DescribeExportTasks`); all when absent. */
  operations?: string[];
};

export type EmulatorState = {
  accountId: string;
  regions: Record<string, { logGroups: number; taskCount: number; tasks: Record<string, number> }>;
  buckets: Array<{ name: string; region: string; objects: number; hasPolicy: boolean }>;
  activeTask: ({ taskId: string; taskName?: string; region: string } & Record<string, unknown>) | null;
};

export type EmulatorConfig = { pendingMs: number; runningMs: number; cancelMs: number };

async function admin<T>(route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${E2E.emulatorUrl}/_emulator/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator admin ${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const emulator = {
  /** Replaces the current faults (unset fields are 0); a list gives each its own `operations`. */
  setFaults: (faults: Faults | Faults[]) => admin<unknown>('faults', faults),
  clearFaults: () => admin('faults', []),
  faults: () => admin<Faults | Faults[]>('faults'),
  /** Calls per operation since the last reset, e.g. `{ "logs:DescribeExportTasks": 12 }`. */
  stats: () => admin<Record<string, number>>('stats'),
  resetStats: () => admin('stats/reset', {}),
  state: () => admin<EmulatorState>('state'),
  config: () => admin<EmulatorConfig>('config'),
  /** The emulator's process id, for `kill -USR2` (stops and restarts its listener: AWS unreachable). */
  pid: async () => (await admin<{ pid: number }>('health')).pid,
  /** Phase lengths of tasks created from now on. */
  setConfig: (config: Partial<EmulatorConfig>) => admin<EmulatorConfig>('config', config),
  /** The phase lengths the e2e emulator starts with (see E2E.emulatorEnv). */
  restoreConfig: () =>
    admin<EmulatorConfig>('config', {
      pendingMs: Number(E2E.emulatorEnv.EMULATOR_EXPORT_PENDING_MS ?? 1500),
      runningMs: Number(E2E.emulatorEnv.EMULATOR_EXPORT_RUNNING_MS ?? 2500),
      cancelMs: 1000,
    }),
  reset: () => admin('reset', {}),
  seed: () => admin<Record<string, unknown>>('seed', {}),
  bulkTasks: (body: {
    region?: string;
    count: number;
    logGroupName?: string;
    destination?: string;
    statuses?: Array<'COMPLETED' | 'FAILED' | 'CANCELLED'>;
    spanDays?: number;
  }) => admin<{ created: number }>('export-tasks/bulk', body),
};

/** Words that must never reach a user: AWS error names, stack frames, raw `Error:` text, message keys. */
export const RAW_ERROR_PATTERNS: RegExp[] = [
  /ThrottlingException/,
  /ServiceUnavailable/,
  /InternalFailure/,
  /InternalError/,
  /SlowDown/,
  /Rate exceeded/,
  /\$metadata/,
  /\bat [\w$.<>]+ \(/, // a stack frame: "at fn (file:1:2)"
  /\bat (?:async )?\/?[\w./-]+\.(?:js|ts|tsx|mjs):\d+/,
  /\bError: /,
  // An untranslated message key as next-intl prints it (`wizard.title`, `errors.preflightFailed`); not a file name.
  /(?<![-\w./])(?:errors|wizard|exports|shell|queue|policy|common|activity|auth)(?:\.[a-z][A-Za-z0-9]*)+\b(?!\.?[\w-])(?<!\.(?:json|js|ts|tsx|txt|gz|md))/,
];

/** The patterns found in a text (empty when it is plain words). */
export function rawErrorsIn(text: string): string[] {
  const found: string[] = [];
  for (const pattern of RAW_ERROR_PATTERNS) {
    const m = pattern.exec(text);
    if (m)
      found.push(
        `${pattern.source} → "${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40)}"`,
      );
  }
  return found;
}
