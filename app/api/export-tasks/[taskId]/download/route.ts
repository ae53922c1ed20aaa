import { bucketReader } from '@/lib/s3/buckets';
import { getObjectStream, isKeyInFolder } from '@/lib/s3/objects';
import { awsErrorResponse, errorJson } from '../../respond';
import { loadTaskFiles } from '../../task';

export const dynamic = 'force-dynamic';

/** A file name the browser can save: the stream and part, with anything odd replaced. */
function downloadName(key: string, folder: string): string {
  const name = key
    .slice(folder.length)
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^_+/, '');
  return name.slice(-180) || 'export.gz';
}

/**
 * Streams one exported file from S3 through Logport (`?account&region&key`): the user needs no access to the bucket,
 * and only keys under this task's `<prefix>/<taskId>/` are served, whatever the request asks for. Operators
 * only, unless LOGPORT_VIEWER_DOWNLOADS=true (see loadTaskFiles).
 */
export async function GET(request: Request, ctx: { params: Promise<{ taskId: string }> }) {
  const { taskId } = await ctx.params;
  const loaded = await loadTaskFiles(request, taskId, 'GET download');
  if (!loaded.ok) return loaded.response;
  const { scope, task, params, folder } = loaded;
  const key = params.get('key') ?? '';
  if (!isKeyInFolder(key, folder)) return errorJson('forbidden', 403);
  try {
    // A central archive bucket is read with the account that owns it.
    const reader = await bucketReader(scope, task.destination);
    const object = await getObjectStream(reader, task.destination, key);
    const headers = new Headers({
      'Content-Type': key.endsWith('.gz') ? 'application/gzip' : 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${downloadName(key, folder)}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (object.contentLength !== null) headers.set('Content-Length', String(object.contentLength));
    return new Response(object.body, { status: 200, headers });
  } catch (err) {
    const name = (err as { name?: string } | null)?.name;
    if (name === 'NoSuchKey' || name === 'NotFound') return errorJson('resourceNotFound', 404);
    return awsErrorResponse('GET /api/export-tasks/[taskId]/download', err);
  }
}
