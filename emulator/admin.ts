import { bulkCreateTasks } from './export-bulk';
import { renderTask, statusOf } from './export-status';
import type { ExportEngine } from './export-tasks';
import { parseFaultRules, showFaultRules } from './faults';
import type { EmulatorRequest, EmulatorResponse } from './http-types';
import type { Store } from './state';

export interface AdminHooks {
  seed(): Record<string, unknown>;
  reset(): void;
}

const json = (status: number, value: unknown): EmulatorResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});

function readJsonValue(req: EmulatorRequest): unknown {
  return req.body.length === 0 ? {} : (JSON.parse(req.body.toString('utf8')) as unknown);
}

function readJson(req: EmulatorRequest): Record<string, unknown> {
  const value = readJsonValue(req);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('expected a JSON object');
  return value as Record<string, unknown>;
}

const num = (v: unknown, min: number, max: number): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.floor(v))) : undefined;

function stateSummary(store: Store, engine: ExportEngine, accountId: string) {
  const now = Date.now();
  engine.settle(accountId, now);
  const acct = store.account(accountId);
  const regions: Record<string, unknown> = {};
  for (const [name, r] of acct.regions) {
    const tasks: Record<string, number> = {};
    for (const t of r.tasks) {
      const code = statusOf(t, now).code;
      tasks[code] = (tasks[code] ?? 0) + 1;
    }
    regions[name] = { logGroups: r.groups.size, taskCount: r.tasks.length, tasks };
  }
  const active = acct.activeTaskId === undefined ? undefined : acct.tasksById.get(acct.activeTaskId);
  const buckets = [...store.buckets.values()]
    .filter((b) => b.owner === accountId)
    .map((b) => ({
      name: b.name,
      region: b.region,
      objects: b.objects.size,
      hasPolicy: b.policy !== undefined,
    }));
  return {
    accountId,
    regions,
    buckets,
    roles: [...acct.roles.values()].map((r) => r.roleName).sort(),
    activeTask: active ? { ...renderTask(active, now), region: active.region } : null,
  };
}

export function handleAdmin(
  store: Store,
  engine: ExportEngine,
  hooks: AdminHooks,
  req: EmulatorRequest,
): EmulatorResponse {
  const path = req.url.pathname.replace(/\/+$/, '');
  const route = `${req.method} ${path}`;
  try {
    switch (route) {
      case 'GET /_emulator/health':
        return json(200, { ok: true, accountId: store.config.accountId, pid: process.pid });
      case 'GET /_emulator/stats':
        return json(200, Object.fromEntries(store.stats));
      case 'POST /_emulator/stats/reset':
        store.stats.clear();
        return json(200, { ok: true });
      case 'POST /_emulator/reset':
        hooks.reset();
        return json(200, { ok: true });
      case 'POST /_emulator/seed':
        return json(200, { ok: true, ...hooks.seed() });
      case 'GET /_emulator/config':
        return json(200, { compat: 'faithful', ...store.config });
      case 'POST /_emulator/config': {
        const body = readJson(req);
        const c = store.config;
        c.pendingMs = num(body.pendingMs, 0, 86_400_000) ?? c.pendingMs;
        c.runningMs = num(body.runningMs, 0, 86_400_000) ?? c.runningMs;
        c.cancelMs = num(body.cancelMs, 0, 86_400_000) ?? c.cancelMs;
        if (body.compat !== undefined) {
          if (body.compat !== 'loose' && body.compat !== 'faithful') {
            throw new Error('compat must be "faithful" or "loose"');
          }
          c.compat = body.compat;
        }
        // null lifts the cap: credentials last what AssumeRole asked, as on AWS.
        if (body.assumeRoleMaxSeconds === null) delete c.assumeRoleMaxSeconds;
        else if (body.assumeRoleMaxSeconds !== undefined) {
          const cap = num(body.assumeRoleMaxSeconds, 1, 43_200);
          if (cap === undefined)
            throw new Error('assumeRoleMaxSeconds must be a number of seconds (1-43200) or null');
          c.assumeRoleMaxSeconds = cap;
        }
        return json(200, { compat: 'faithful', ...c });
      }
      case 'GET /_emulator/faults':
        return json(200, showFaultRules(store.faults));
      case 'POST /_emulator/faults':
        store.faults = parseFaultRules(readJsonValue(req));
        return json(200, showFaultRules(store.faults));
      case 'POST /_emulator/export-tasks/bulk': {
        const body = readJson(req);
        const statuses = Array.isArray(body.statuses)
          ? body.statuses.filter(
              (s): s is 'COMPLETED' | 'FAILED' | 'CANCELLED' =>
                s === 'COMPLETED' || s === 'FAILED' || s === 'CANCELLED',
            )
          : undefined;
        const created = bulkCreateTasks(store, {
          accountId: typeof body.accountId === 'string' ? body.accountId : store.config.accountId,
          region: typeof body.region === 'string' ? body.region : 'us-east-2',
          count: num(body.count, 0, 100_000) ?? 100,
          ...(typeof body.logGroupName === 'string' ? { logGroupName: body.logGroupName } : {}),
          ...(typeof body.destination === 'string' ? { destination: body.destination } : {}),
          ...(statuses ? { statuses } : {}),
          ...(typeof body.spanDays === 'number' ? { spanDays: body.spanDays } : {}),
          now: Date.now(),
        });
        return json(200, { created });
      }
      case 'GET /_emulator/state':
        return json(
          200,
          stateSummary(store, engine, req.url.searchParams.get('accountId') ?? store.config.accountId),
        );
      default:
        return json(404, { error: `unknown admin route ${route}` });
    }
  } catch (err) {
    return json(400, { error: err instanceof Error ? err.message : String(err) });
  }
}
