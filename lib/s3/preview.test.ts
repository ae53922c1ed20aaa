import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PREVIEW_MAX_LINES, PreviewUnreadableError, previewText, safeText } from './preview';

function streamOf(bytes: Uint8Array, chunk = 1000): ReadableStream<Uint8Array> & { pulled: () => number } {
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + chunk));
      at += chunk;
    },
  });
  return Object.assign(stream, { pulled: () => at });
}

describe('preview of an exported file', () => {
  it('decompresses gzip and returns the first lines', async () => {
    const text = '2026-05-14T00:00:00.000Z first\n2026-05-14T00:00:01.000Z second\n';
    const preview = await previewText(streamOf(gzipSync(text)), true);
    expect(preview).toEqual({
      lines: ['2026-05-14T00:00:00.000Z first', '2026-05-14T00:00:01.000Z second'],
      truncated: false,
    });
  });

  it('stops at 200 lines and says so, without reading the whole object', async () => {
    const lines = Array.from(
      { length: 50_000 },
      (_, i) => `2026-05-14T00:00:00.000Z event ${i} ${'x'.repeat(80)}`,
    );
    const gz = gzipSync(lines.join('\n'));
    const body = streamOf(gz, 4096);
    const preview = await previewText(body, true);
    expect(preview.lines).toHaveLength(PREVIEW_MAX_LINES);
    expect(preview.lines[199]).toContain('event 199');
    expect(preview.truncated).toBe(true);
    expect(body.pulled()).toBeLessThan(gz.length);
  });

  it('caps one enormous line at 64 KiB (a gzip bomb costs nothing)', async () => {
    const gz = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x61));
    const preview = await previewText(streamOf(gz, 4096), true);
    expect(preview.truncated).toBe(true);
    expect(preview.lines.join('').length).toBe(64 * 1024);
  });

  it('shows terminal escapes and text-reordering controls as replacement marks', async () => {
    expect(safeText('a\u001b[31mred\u202Eevil\tok')).toBe('a\uFFFD[31mred\uFFFDevil\tok');
    const preview = await previewText(streamOf(gzipSync('bell\u0007\r\n')), true);
    expect(preview.lines).toEqual(['bell\uFFFD']);
  });

  it('refuses a .gz that is not gzip, in words', async () => {
    await expect(previewText(streamOf(new TextEncoder().encode('plain text')), true)).rejects.toBeInstanceOf(
      PreviewUnreadableError,
    );
  });

  it('reads a plain file as it is', async () => {
    const preview = await previewText(
      streamOf(new TextEncoder().encode('Permission Check Successful')),
      false,
    );
    expect(preview.lines).toEqual(['Permission Check Successful']);
  });
});
