import { bucketReader } from '@/lib/s3/buckets';
import { listTaskObjects } from '@/lib/s3/objects';
import { awsErrorResponse, errorJson, json } from '../../respond';
import { loadTaskForRoute } from '../../task';

export const dynamic = 'force-dynamic';

/**
 * The files a task wrote under `<prefix>/<taskId>/`, a page at a time (`?account&region&nextToken`). Any signed-in
 * user sees the list; `canReadFiles` says whether this caller may also download and preview them.
 */
export async function GET(request: Request, ctx: { params: Promise<{ taskId: string }> }) {
  const { taskId } = await ctx.params;
  const loaded = await loadTaskForRoute(request, taskId, 'GET objects');
  if (!loaded.ok) return loaded.response;
  const { scope, task, folder, params, canReadFiles } = loaded;
  const nextToken = params.get('nextToken');
  if (nextToken !== null && nextToken.length > 4096) return errorJson('invalidInput', 400);
  try {
    // A central archive bucket is read with the account that owns it.
    const reader = await bucketReader(scope, task.destination);
    const page = await listTaskObjects(reader, task.destination, folder, { nextToken, limit: 100 });
    return json({ ...page, bucket: task.destination, folder, canReadFiles });
  } catch (err) {
    return awsErrorResponse('GET /api/export-tasks/[taskId]/objects', err);
  }
}
