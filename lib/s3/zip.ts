/**
 * A streaming ZIP writer: entries are stored as they are (exported files are gzip already, compressing them
 * again gains nothing), each file's bytes pass straight through with its CRC-32 computed on the way, and the
 * sizes and CRC follow the data in a data descriptor, so nothing is ever held whole in memory. No ZIP64: the
 * caller keeps an archive under 4 GiB and 65,535 files (the route refuses larger ones and offers the CLI).
 */
export type ZipEntry = {
  /** Path inside the archive, `/`-separated. */
  name: string;
  modified: Date;
  open: () => Promise<ReadableStream<Uint8Array>>;
};

export const ZIP_MAX_BYTES = 0xffff_ffff;
export const ZIP_MAX_ENTRIES = 0xffff;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb8_8320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (the ZIP and gzip polynomial), continued from `crc` over `bytes`. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = (CRC_TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}

function dosTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

// Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8.
const FLAGS = 0x0808;

function localHeader(name: Uint8Array, when: { time: number; date: number }): Uint8Array {
  const out = new Uint8Array(30 + name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x0403_4b50, true);
  v.setUint16(4, 20, true); // version needed: 2.0
  v.setUint16(6, FLAGS, true);
  v.setUint16(8, 0, true); // method: stored
  v.setUint16(10, when.time, true);
  v.setUint16(12, when.date, true);
  // CRC and sizes are zero here and come in the data descriptor.
  v.setUint16(26, name.length, true);
  out.set(name, 30);
  return out;
}

function dataDescriptor(crc: number, size: number): Uint8Array {
  const out = new Uint8Array(16);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x0807_4b50, true);
  v.setUint32(4, crc, true);
  v.setUint32(8, size, true);
  v.setUint32(12, size, true);
  return out;
}

type Written = {
  name: Uint8Array;
  when: { time: number; date: number };
  crc: number;
  size: number;
  offset: number;
};

function centralDirectory(files: Written[], start: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let length = 0;
  for (const f of files) {
    const out = new Uint8Array(46 + f.name.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, 0x0201_4b50, true);
    v.setUint16(4, 0x0314, true); // made by: Unix, 2.0
    v.setUint16(6, 20, true);
    v.setUint16(8, FLAGS, true);
    v.setUint16(10, 0, true);
    v.setUint16(12, f.when.time, true);
    v.setUint16(14, f.when.date, true);
    v.setUint32(16, f.crc, true);
    v.setUint32(20, f.size, true);
    v.setUint32(24, f.size, true);
    v.setUint16(28, f.name.length, true);
    v.setUint32(38, (0o100644 << 16) >>> 0, true); // a regular file, rw-r--r--
    v.setUint32(42, f.offset, true);
    out.set(f.name, 46);
    parts.push(out);
    length += out.length;
  }
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x0605_4b50, true);
  v.setUint16(8, files.length, true);
  v.setUint16(10, files.length, true);
  v.setUint32(12, length, true);
  v.setUint32(16, start, true);
  parts.push(end);
  return parts;
}

export class ZipTooLargeError extends Error {
  override readonly name = 'ZipTooLargeError';
}

/**
 * The archive as a stream that pulls one file at a time as the reader asks for more (backpressure reaches
 * S3). Cancelling the stream (the browser went away) cancels the file being read.
 */
export function zipStream(entries: AsyncIterable<ZipEntry>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = entries[Symbol.asyncIterator]();
  const files: Written[] = [];
  let offset = 0;
  let current: { reader: ReadableStreamDefaultReader<Uint8Array>; file: Written } | null = null;
  let done = false;

  const emit = (controller: ReadableStreamDefaultController<Uint8Array>, bytes: Uint8Array) => {
    offset += bytes.length;
    if (offset > ZIP_MAX_BYTES) throw new ZipTooLargeError('archive over 4 GiB');
    controller.enqueue(bytes);
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (done) return;
          if (!current) {
            const next = await iterator.next();
            if (next.done) {
              done = true;
              for (const part of centralDirectory(files, offset)) controller.enqueue(part);
              controller.close();
              return;
            }
            if (files.length >= ZIP_MAX_ENTRIES) throw new ZipTooLargeError('over 65,535 files');
            const name = encoder.encode(next.value.name);
            const file: Written = { name, when: dosTime(next.value.modified), crc: 0, size: 0, offset };
            emit(controller, localHeader(name, file.when));
            current = { reader: (await next.value.open()).getReader(), file };
            return;
          }
          const chunk = await current.reader.read();
          if (chunk.done) {
            const { file } = current;
            emit(controller, dataDescriptor(file.crc, file.size));
            files.push(file);
            current = null;
            return;
          }
          current.file.crc = crc32(chunk.value, current.file.crc);
          current.file.size += chunk.value.length;
          emit(controller, chunk.value);
        } catch (err) {
          await current?.reader.cancel().catch(() => undefined);
          await iterator.return?.();
          throw err;
        }
      },
      async cancel(reason) {
        done = true;
        await current?.reader.cancel(reason).catch(() => undefined);
        await iterator.return?.();
      },
    },
    // Pull only as the reader (the browser, through Next) takes bytes: a slow download slows S3 down.
    { highWaterMark: 1 },
  );
}
