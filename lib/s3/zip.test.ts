import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync, crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, type ZipEntry, zipStream } from './zip';

function streamOf(bytes: Uint8Array, chunk = 7): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + chunk));
      at += chunk;
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
  return Buffer.concat(parts);
}

/** Python's zipfile reads the archive and checks every CRC: an independent reader, not ours. */
function readWithPython(zip: Buffer): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'logport-zip-'));
  try {
    const file = path.join(dir, 'a.zip');
    writeFileSync(file, zip);
    const out = execFileSync('python3', [
      '-c',
      [
        'import zipfile, sys, json, hashlib',
        'z = zipfile.ZipFile(sys.argv[1])',
        'assert z.testzip() is None',
        'print(json.dumps({i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist()}))',
      ].join('\n'),
      file,
    ]);
    return JSON.parse(out.toString()) as Record<string, string>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('zip writer', () => {
  it('computes the CRC-32 zlib does', () => {
    const data = new TextEncoder().encode('The quick brown fox jumps over the lazy dog');
    expect(crc32(data)).toBe(0x414fa339);
    expect(crc32(data.subarray(10), crc32(data.subarray(0, 10)))).toBe(nodeCrc32(data));
  });

  it('streams files into an archive that another reader opens, names and contents intact', async () => {
    const files = {
      'stream-a/000000.gz': gzipSync('2026-05-14T00:00:00.000Z hello\n'.repeat(500)),
      'stream-b/000000.gz': gzipSync('line\n'),
      'ストリーム/000001.gz': gzipSync(''),
    };
    let opened = 0;
    async function* entries(): AsyncGenerator<ZipEntry> {
      for (const [name, bytes] of Object.entries(files)) {
        yield {
          name,
          modified: new Date('2026-05-14T09:30:00Z'),
          open: async () => {
            opened++;
            return streamOf(bytes);
          },
        };
      }
    }
    const zip = await collect(zipStream(entries()));
    expect(opened).toBe(3);
    const read = readWithPython(zip);
    const expected: Record<string, string> = {};
    for (const [name, bytes] of Object.entries(files)) expected[name] = sha(bytes);
    expect(read).toEqual(expected);
  });

  it('opens each file only when the reader gets to it, and stops reading when cancelled', async () => {
    let opened = 0;
    let cancelled = false;
    async function* entries(): AsyncGenerator<ZipEntry> {
      for (let i = 0; i < 5; i++) {
        yield {
          name: `f${i}`,
          modified: new Date(),
          open: async () => {
            opened++;
            return new ReadableStream<Uint8Array>({
              pull(c) {
                c.enqueue(new Uint8Array(1024));
              },
              cancel() {
                cancelled = true;
              },
            });
          },
        };
      }
    }
    const reader = zipStream(entries()).getReader();
    for (let i = 0; i < 4; i++) await reader.read();
    await reader.cancel();
    expect(opened).toBe(1);
    expect(cancelled).toBe(true);
  });
});
