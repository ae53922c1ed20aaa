import { createHash, randomUUID } from 'node:crypto';
import { ApiError } from './errors';
import type { EmulatorResponse } from './http-types';

export const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

export function xmlEscape(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

/** Turns `{Name: 'x', Items: [{...}]}` into elements; arrays repeat the element name. */
export function toXml(name: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => toXml(name, v)).join('');
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => toXml(k, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${xmlEscape(String(value))}</${name}>`;
}

export function xmlDocument(root: string, value: Record<string, unknown>): string {
  const inner = Object.entries(value)
    .map(([k, v]) => toXml(k, v))
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_NS}">${inner}</${root}>`;
}

export function xmlOk(root: string, value: Record<string, unknown>, headers: Record<string, string> = {}) {
  return {
    status: 200,
    headers: { 'content-type': 'application/xml', ...headers },
    body: xmlDocument(root, value),
  } satisfies EmulatorResponse;
}

/** Reads the text of the first `<tag>` in a small XML body; S3 request bodies here are flat. */
export function xmlText(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m?.[1] === undefined ? undefined : unescapeXml(m[1].trim());
}

export function xmlTexts(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) =>
    unescapeXml(m[1] ?? ''),
  );
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}

export function s3Error(err: ApiError, head = false): EmulatorResponse {
  const requestId = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
  const headers = { 'x-amz-request-id': requestId, ...err.headers };
  if (head) return { status: err.status, headers, body: '' };
  const extra = Object.entries(err.extra)
    .map(([k, v]) => toXml(k, v))
    .join('');
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${err.code}</Code><Message>${xmlEscape(err.message)}</Message>${extra}<RequestId>${requestId}</RequestId><HostId>${requestId}</HostId></Error>`;
  return { status: err.status, headers: { 'content-type': 'application/xml', ...headers }, body };
}

export function canonicalId(accountId: string): string {
  return createHash('sha256').update(`logport-emulator:${accountId}`).digest('hex');
}

export const noSuchBucket = (bucket: string) =>
  new ApiError('NoSuchBucket', 'The specified bucket does not exist', 404, {}, { BucketName: bucket });

/** S3 sends PUT bodies in aws-chunked framing when the SDK streams with trailing checksums. */
export function decodeAwsChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  while (pos < body.length) {
    const lineEnd = body.indexOf('\r\n', pos);
    if (lineEnd < 0) break;
    const size = Number.parseInt(body.subarray(pos, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    pos = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

export function isValidBucketName(name: string): boolean {
  return (
    name.length >= 3 &&
    name.length <= 63 &&
    /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name) &&
    !name.includes('..') &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(name) &&
    !name.startsWith('xn--') &&
    !name.endsWith('-s3alias') &&
    !name.endsWith('--ol-s3')
  );
}
