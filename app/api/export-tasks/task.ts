import 'server-only';
import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { resolveRegion } from '@/lib/aws/regions';
import { getExportTask } from '@/lib/export-tasks/list';
import type { ExportTask } from '@/lib/export-tasks/types';
import { awsErrorResponse, errorJson } from './respond';

/**
 * The common start of the per-task routes: a viewer at least, a configured Region, and the task itself
 * (the S3 folder a caller may read is derived from the task AWS reports, never from the request).
 */
export async function loadTaskForRoute(
  request: Request,
  taskId: string,
  where: string,
): Promise<
  { ok: true; region: string; task: ExportTask; params: URLSearchParams } | { ok: false; response: Response }
> {
  const auth = await requireRole('viewer');
  if (!auth.ok) return { ok: false, response: refusalResponse(auth) };
  const params = new URL(request.url).searchParams;
  const region = await resolveRegion(params.get('region'));
  if (!region) return { ok: false, response: errorJson('invalidRegion', 400) };
  if (taskId.length === 0 || taskId.length > 512)
    return { ok: false, response: errorJson('taskNotFound', 404) };
  try {
    const task = await getExportTask(region, taskId);
    if (!task) return { ok: false, response: errorJson('taskNotFound', 404) };
    return { ok: true, region, task, params };
  } catch (err) {
    return { ok: false, response: awsErrorResponse(where, err) };
  }
}
