'use server';

import { redirect } from 'next/navigation';
import { resolveScope } from '@/lib/accounts/scope';
import { DEFAULT_ACCOUNT } from '@/lib/accounts/types';
import { type ActionError, fail } from '@/lib/action-result';
import { recordActivity } from '@/lib/audit';
import { type Caller, requireRole } from '@/lib/auth/require-role';
import { createExport } from '@/lib/export-tasks/create';
import { type CreateExportValues, createExportSchema, fieldErrorsOf } from '@/lib/export-tasks/create-schema';
import { describeTask, sameExport } from '@/lib/export-tasks/find';
import { runPreflight } from '@/lib/preflight';
import type { PreflightResult } from '@/lib/preflight/types';
import { enqueueJobs } from '@/lib/queue/enqueue';
import { batchIds, type PlannedExport, planExports } from '@/lib/time-range/plan';

/** The active export's id if it is exactly this planned export (same name, group, range, destination). */
async function sameActiveExport(
  job: PlannedExport,
  active: Record<string, string | number | undefined>,
): Promise<string | null> {
  if (active.name !== job.taskName || typeof active.taskId !== 'string' || active.region !== job.region)
    return null;
  const task = await describeTask(
    { account: job.account ?? DEFAULT_ACCOUNT, region: job.region },
    active.taskId,
  ).catch(() => null);
  return task && sameExport(job)(task) ? task.taskId : null;
}

/** Why a launch did not happen; `preflight` holds the checks when they stopped it, `canQueue` offers the queue. */
export type LaunchError = ActionError & { preflight?: PreflightResult; canQueue?: boolean };

async function record(
  caller: Caller,
  job: PlannedExport,
  outcome: 'ok' | 'error',
  detail: Record<string, unknown>,
) {
  try {
    await recordActivity(caller, {
      action: 'export.launch',
      account: job.account ?? DEFAULT_ACCOUNT,
      region: job.region,
      target: typeof detail.taskId === 'string' ? detail.taskId : job.taskName,
      outcome,
      detail: {
        taskName: job.taskName,
        logGroupName: job.logGroupName,
        from: job.from,
        to: job.to,
        destination: job.destination,
        destinationPrefix: job.destinationPrefix,
        ...detail,
      },
    });
  } catch (err) {
    // The export exists either way; a failed audit write must not hide that from the user.
    console.error('[audit] export.launch not recorded', err instanceof Error ? err.message : err);
  }
}

async function enqueue(caller: Caller, plan: PlannedExport[]): Promise<LaunchError | string> {
  try {
    return (await enqueueJobs(caller, plan)).batchId;
  } catch (err) {
    const e = err as { name?: string; code?: string; params?: Record<string, string | number> };
    if (e.name === 'QueueError' && e.code) return fail(e.code, e.params);
    console.error('[queue] enqueue failed', err instanceof Error ? err.message : err);
    return fail('internal');
  }
}

/**
 * Launches the wizard's export(s). Validates with the form's schema, re-runs the checks that decide whether AWS
 * will accept it, then: one export and a free slot → CreateExportTask and the task's page; several exports, or
 * "queue it" → the queue and its page. Returns a LaunchError instead of throwing.
 */
export async function launchExport(values: CreateExportValues): Promise<LaunchError> {
  const auth = await requireRole('operator');
  if (!auth.ok) return auth;
  const parsed = createExportSchema.safeParse(values);
  if (!parsed.success) return { ...fail('invalidInput'), fieldErrors: fieldErrorsOf(parsed.error) };
  const input = parsed.data;
  const where = await resolveScope(input, auth.user.accounts);
  if (!where.ok) return fail(where.error);
  const { account, region } = where.scope;
  // An end in the future holds no events yet; the form clamps it too, but the clock may have moved on.
  const now = Date.now();
  if (input.from >= now)
    return { ...fail('invalidInput'), fieldErrors: { from: ['wizard.errors.startInFuture'] } };
  const to = Math.min(input.to, now);
  if (!(input.from < to))
    return { ...fail('invalidInput'), fieldErrors: { to: ['wizard.errors.startAfterEnd'] } };

  const plan = planExports({
    account,
    region,
    logGroupNames: input.logGroupNames,
    ...(input.logStreamNamePrefix ? { logStreamNamePrefix: input.logStreamNamePrefix } : {}),
    from: input.from,
    to,
    chunk: input.chunk,
    timeZone: input.timeZone,
    destination: input.destination,
    destinationPrefix: input.destinationPrefix,
    ...(input.taskName ? { taskName: input.taskName } : {}),
    ...(input.batchId ? { makeId: batchIds(input.batchId) } : {}),
  });
  const single = plan.length === 1 && !input.queue;
  const preflight = await runPreflight({
    account,
    region,
    bucket: input.destination,
    prefix: input.destinationPrefix,
    logGroupNames: input.logGroupNames,
    mode: single ? 'launch' : 'queue',
  });
  const job = plan[0];
  if (!job) return fail('invalidInput');

  if (!preflight.ok) {
    const failed = preflight.checks.filter((c) => c.verdict === 'fail');
    const onlyBusy = failed.length > 0 && failed.every((c) => c.id === 'active');
    const active = failed.find((c) => c.id === 'active');
    if (single && onlyBusy && active) {
      // The active export may be this very one, launched a moment ago by a click whose answer was lost.
      const mine = await sameActiveExport(job, active.params);
      if (mine) {
        await record(auth.user, job, 'ok', { taskId: mine, recovered: true });
        redirect(`/exports/${encodeURIComponent(mine)}?created=1`);
      }
      return {
        ...fail('exportLimitNamed', { taskId: active.params.taskId ?? '', name: active.params.name ?? '' }),
        preflight,
        canQueue: true,
      };
    }
    if (single)
      await record(auth.user, job, 'error', { error: 'preflightFailed', checks: failed.map((c) => c.code) });
    return { ...fail('preflightFailed'), preflight };
  }

  if (!single) {
    const batch = await enqueue(auth.user, plan);
    if (typeof batch !== 'string') return batch;
    redirect(`/queue?batch=${encodeURIComponent(batch)}`);
  }

  const created = await createExport(job);
  if (!created.ok) {
    await record(auth.user, job, 'error', {
      error: created.error.code,
      ...(created.error.params ? { errorParams: created.error.params } : {}),
    });
    const busy = created.error.code === 'exportLimit' || created.error.code === 'exportLimitNamed';
    return { ...fail(created.error.code, created.error.params), ...(busy ? { canQueue: true } : {}) };
  }
  await record(auth.user, job, 'ok', {
    taskId: created.taskId,
    ...(created.recovered ? { recovered: true } : {}),
  });
  redirect(`/exports/${encodeURIComponent(created.taskId)}?created=1`);
}
