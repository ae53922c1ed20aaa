import { bucketReader } from '@/lib/s3/buckets';
import { getObjectStream, isKeyInFolder } from '@/lib/s3/objects';
import { PREVIEW_MAX_BYTES, PREVIEW_MAX_LINES, PreviewUnreadableError, previewText } from '@/lib/s3/preview';
import { awsErrorResponse, errorJson, json } from '../../respond';
import { loadTaskFiles } from '../../task';

export const dynamic = 'force-dynamic';

/**
 * The first lines of one exported file (`?account&region&key`), decompressed here and capped (64 KiB, 200 lines), as
 * JSON text the page shows as text. Same rules as the download: this task's folder only, operators only
 * unless LOGPORT_VIEWER_DOWNLOADS=true.
 */
export async function GET(request: Request, ctx: { params: Promise<{ taskId: string }> }) {
  const { taskId } = await ctx.params;
  const loaded = await loadTaskFiles(request, taskId, 'GET preview');
  if (!loaded.ok) return loaded.response;
  const { scope, task, params, folder } = loaded;
  const key = params.get('key') ?? '';
  if (!isKeyInFolder(key, folder)) return errorJson('forbidden', 403);
  try {
    // A central archive bucket is read with the account that owns it.
    const reader = await bucketReader(scope, task.destination);
    const object = await getObjectStream(reader, task.destination, key);
    const preview = await previewText(object.body, key.endsWith('.gz'));
    return json({ key, ...preview, maxLines: PREVIEW_MAX_LINES, maxBytes: PREVIEW_MAX_BYTES });
  } catch (err) {
    if (err instanceof PreviewUnreadableError) {
      console.error(`[preview] ${key}: ${err.message}`);
      return errorJson('previewUnreadable', 422);
    }
    const name = (err as { name?: string } | null)?.name;
    if (name === 'NoSuchKey' || name === 'NotFound') return errorJson('resourceNotFound', 404);
    return awsErrorResponse('GET /api/export-tasks/[taskId]/preview', err);
  }
}
