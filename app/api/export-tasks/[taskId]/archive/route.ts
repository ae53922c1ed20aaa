import { bucketReader } from '@/lib/s3/buckets';
import { type ExportedObject, getObjectStream, listTaskObjects } from '@/lib/s3/objects';
import { ZIP_MAX_BYTES, ZIP_MAX_ENTRIES, type ZipEntry, zipStream } from '@/lib/s3/zip';
import { awsErrorResponse, errorJson } from '../../respond';
import { loadTaskFiles } from '../../task';

export const dynamic = 'force-dynamic';

// What the archive adds per file beyond its bytes (headers, descriptor, directory entry), name aside.
const PER_FILE = 30 + 16 + 46;

/**
 * "Download all": every file of the task as one zip (`?account&region`), streamed from S3 to the browser a file at a
 * time and never held whole. Over 4 GiB or 65,535 files the answer is 413 and the page offers the
 * `aws s3 cp --recursive` command instead. Operators only unless LOGPORT_VIEWER_DOWNLOADS=true.
 */
export async function GET(request: Request, ctx: { params: Promise<{ taskId: string }> }) {
  const { taskId } = await ctx.params;
  const loaded = await loadTaskFiles(request, taskId, 'GET archive');
  if (!loaded.ok) return loaded.response;
  const { scope, task, folder } = loaded;
  const objects: ExportedObject[] = [];
  let bytes = 22;
  let reader = scope;
  try {
    // A central archive bucket is read with the account that owns it.
    reader = await bucketReader(scope, task.destination);
    let nextToken: string | null = null;
    do {
      const page = await listTaskObjects(reader, task.destination, folder, { nextToken, limit: 1000 });
      for (const o of page.objects) {
        objects.push(o);
        bytes += o.size + PER_FILE + 2 * Buffer.byteLength(o.name);
      }
      if (objects.length > ZIP_MAX_ENTRIES || bytes > ZIP_MAX_BYTES) return errorJson('archiveTooLarge', 413);
      nextToken = page.nextToken;
    } while (nextToken);
  } catch (err) {
    return awsErrorResponse('GET /api/export-tasks/[taskId]/archive', err);
  }
  if (objects.length === 0) return errorJson('noFiles', 404);

  async function* entries(): AsyncGenerator<ZipEntry> {
    for (const o of objects) {
      yield {
        name: o.name,
        modified: new Date(o.lastModified ?? Date.now()),
        open: async () => (await getObjectStream(reader, task.destination, o.key)).body,
      };
    }
  }
  const name = task.taskId.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'export';
  return new Response(zipStream(entries()), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${name}.zip"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
