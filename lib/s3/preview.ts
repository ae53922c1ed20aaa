import 'server-only';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';

/** A preview is for a glance at the content: the first lines, capped, never the whole file. */
export const PREVIEW_MAX_BYTES = 64 * 1024;
export const PREVIEW_MAX_LINES = 200;

export type Preview = { lines: string[]; truncated: boolean };

export class PreviewUnreadableError extends Error {
  override readonly name = 'PreviewUnreadableError';
}

// Control characters (a terminal's escape sequences) and the Unicode controls that reorder text on screen
// (bidirectional overrides) would make the preview show something other than what the file holds.
function unsafe(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09) ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

export function safeText(line: string): string {
  let out = '';
  for (const ch of line) out += unsafe(ch.codePointAt(0) ?? 0) ? '\uFFFD' : ch;
  return out;
}

/**
 * The first lines of an object, decompressed here when it is gzip (AWS's exports are `.gz`), reading only
 * as far as the caps: a huge or hostile file costs at most about 64 KiB of output, and S3 stops sending
 * once enough was read.
 */
export async function previewText(body: ReadableStream<Uint8Array>, gzipped: boolean): Promise<Preview> {
  const source = Readable.fromWeb(body as unknown as NodeWebStream<Uint8Array>);
  const gunzip = gzipped ? createGunzip() : null;
  const text = gunzip ? source.pipe(gunzip) : source;
  source.on('error', (err) => gunzip?.destroy(err));
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let bytes = 0;
  let content = '';
  let truncated = false;
  try {
    for await (const chunk of text as AsyncIterable<Buffer>) {
      const room = PREVIEW_MAX_BYTES - bytes;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      bytes += part.length;
      content += decoder.decode(part, { stream: true });
      if (chunk.length > room || content.split('\n', PREVIEW_MAX_LINES + 1).length > PREVIEW_MAX_LINES) {
        truncated = true;
        break;
      }
    }
  } catch (err) {
    throw new PreviewUnreadableError(err instanceof Error ? err.message : String(err));
  } finally {
    text.destroy();
    source.destroy();
  }
  content += decoder.decode();
  let lines = content.split('\n');
  if (lines.length > PREVIEW_MAX_LINES) {
    lines = lines.slice(0, PREVIEW_MAX_LINES);
    truncated = true;
  } else if (!truncated && lines[lines.length - 1] === '') {
    lines.pop();
  }
  return { lines: lines.map((l) => safeText(l.replace(/\r$/, ''))), truncated };
}
