import { scopeOfRequest } from '@/lib/accounts/scope';
import { refusalResponse, requireRole } from '@/lib/auth/require-role';
import { listExportTasks, PageTokenExpiredError } from '@/lib/export-tasks/list';
import { parseListQuery } from '@/lib/export-tasks/list-schema';
import { awsErrorResponse, errorJson, sharedJson } from './respond';

export const dynamic = 'force-dynamic';

/**
 * One page of export tasks (what the history table polls): `?account&region&status&taskId&nextToken&limit`.
 * Identical concurrent requests share one DescribeExportTasks call (see lib/export-tasks/list.ts).
 */
export async function GET(request: Request) {
  const auth = await requireRole('viewer');
  if (!auth.ok) return refusalResponse(auth);
  const search = new URL(request.url).searchParams;
  const parsed = parseListQuery(search);
  if (!parsed.success) return errorJson('invalidInput', 400);
  const where = await scopeOfRequest(search, auth.user.accounts);
  if (!where.ok) return where.response;
  const { status, taskId, nextToken, limit } = parsed.data;
  try {
    // A one-row request for the newest task is the idle table's watch (see exportTaskHeadOptions).
    const use = limit === 1 && !nextToken && !taskId ? 'head' : 'page';
    const page = await listExportTasks({ ...where.scope, statusCode: status, taskId, nextToken, limit }, use);
    // Relative, so the browser's clock does not matter: every tab polls again at the same server moment.
    const pollIn: Record<string, string> =
      page.pollAt === undefined ? {} : { 'X-Poll-In-Ms': String(Math.max(0, page.pollAt - Date.now())) };
    return sharedJson(page, pollIn);
  } catch (err) {
    // AWS forgets a page position after 24 hours; the table offers to start from the newest export again.
    if (err instanceof PageTokenExpiredError) return errorJson('pageTokenExpired', 410);
    return awsErrorResponse('GET /api/export-tasks', err);
  }
}
