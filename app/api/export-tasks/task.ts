import 'server-only';
import { scopeOfRequest } from '@/lib/accounts/scope';
import type { AccountAccess, Scope } from '@/lib/accounts/types';
import { currentUser, refusalResponse, requireRole } from '@/lib/auth/require-role';
import { getExportTask } from '@/lib/export-tasks/list';
import type { ExportTask } from '@/lib/export-tasks/types';
import { mayReadFiles, viewerDownloadsAllowed } from '@/lib/s3/file-access';
import { taskFolder } from '@/lib/s3/objects';
import { awsErrorResponse, errorJson } from './respond';

export type LoadedTask = {
  ok: true;
  scope: Scope;
  task: ExportTask;
  /** `<prefix>/<taskId>/`: the only place a caller may read (derived from the task AWS reports). */
  folder: string;
  params: URLSearchParams;
};
type Refused = { ok: false; response: Response };

/** The task the request names, in a configured Region, with the folder its files are in. */
async function loadTask(
  request: Request,
  taskId: string,
  where: string,
  access: AccountAccess | undefined,
): Promise<LoadedTask | Refused> {
  const params = new URL(request.url).searchParams;
  const scoped = await scopeOfRequest(params, access);
  if (!scoped.ok) return scoped;
  const { scope } = scoped;
  if (taskId.length === 0 || taskId.length > 512)
    return { ok: false, response: errorJson('taskNotFound', 404) };
  try {
    const task = await getExportTask(scope, taskId);
    if (!task) return { ok: false, response: errorJson('taskNotFound', 404) };
    // A backend that does not report the prefix (AWS always does) leaves the files' folder unknown.
    if (task.destinationPrefix === null) return { ok: false, response: errorJson('folderUnknown', 409) };
    return { ok: true, scope, task, folder: taskFolder(task.destinationPrefix, task.taskId), params };
  } catch (err) {
    return { ok: false, response: awsErrorResponse(where, err) };
  }
}

/**
 * The common start of the per-task routes that only show what a task is (its file list): a viewer at least,
 * then the task itself.
 */
export async function loadTaskForRoute(
  request: Request,
  taskId: string,
  where: string,
): Promise<(LoadedTask & { canReadFiles: boolean }) | Refused> {
  const auth = await requireRole('viewer');
  if (!auth.ok) return { ok: false, response: refusalResponse(auth) };
  const loaded = await loadTask(request, taskId, where, auth.user.accounts);
  return loaded.ok ? { ...loaded, canReadFiles: mayReadFiles(auth.user.role) } : loaded;
}

/**
 * The start of the routes that hand out a file's content (download, preview, the zip of all files): an
 * operator, or a viewer where LOGPORT_VIEWER_DOWNLOADS=true. Anonymous callers are always refused.
 */
export async function loadTaskFiles(
  request: Request,
  taskId: string,
  where: string,
): Promise<LoadedTask | Refused> {
  const auth = await requireRole('operator');
  // Every signed-in user is at least a viewer: a 403 here is a viewer, let in only where configured.
  const viewerLetIn = !auth.ok && auth.status === 403 && viewerDownloadsAllowed();
  if (!auth.ok && !viewerLetIn) return { ok: false, response: refusalResponse(auth) };
  // A viewer let in by LOGPORT_VIEWER_DOWNLOADS keeps their account limits (read from the session again).
  const access = auth.ok ? auth.user.accounts : (await currentUser())?.accounts;
  return loadTask(request, taskId, where, access);
}
