import { randomUUID } from 'node:crypto';
import { ApiError } from './errors';
import type { EmulatorRequest, EmulatorResponse } from './http-types';
import { xmlEscape } from './s3-xml';

// The AWS query protocol shared by STS and IAM: form-encoded parameters (body or query string) in, XML out.

export const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
export const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
export const IAM_VERSION = '2010-05-08';

/** Parameters from the query string, then the form body (the body wins, as the SDKs send it there). */
export function queryParams(req: EmulatorRequest): URLSearchParams {
  const params = new URLSearchParams(req.url.search);
  const type = (req.headers['content-type'] ?? '').toString();
  if (req.body.length > 0 && (type === '' || type.includes('x-www-form-urlencoded'))) {
    for (const [k, v] of new URLSearchParams(req.body.toString('utf8'))) params.set(k, v);
  }
  return params;
}

export function queryResponse(ns: string, action: string, resultXml?: string): EmulatorResponse {
  const result = resultXml === undefined ? '' : `<${action}Result>${resultXml}</${action}Result>`;
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() },
    body: `<${action}Response xmlns="${ns}">${result}<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

export function queryError(ns: string, code: string, message: string, status: number): EmulatorResponse {
  const type = status >= 500 ? 'Receiver' : 'Sender';
  return {
    status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() },
    body: `<ErrorResponse xmlns="${ns}"><Error><Type>${type}</Type><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  };
}

/** `<Name>text</Name>` with the text escaped; undefined leaves the element out. */
export function el(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : `<${name}>${xmlEscape(String(value))}</${name}>`;
}

/** Whole seconds, as IAM and STS print times. */
export const isoSeconds = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: RegExp;
}

/**
 * Model validation for query-protocol parameters. Errors read as STS and IAM word them: `ValidationError`,
 * "N validation error(s) detected: Value 'x' at 'roleName' failed to satisfy constraint: ..." (the member
 * name with a lower-case first letter).
 */
export class QueryInput {
  private errors: string[] = [];

  constructor(private readonly params: URLSearchParams) {}

  private fail(field: string, value: string | undefined, constraint: string): void {
    const member = field[0]!.toLowerCase() + field.slice(1);
    const shown = value === undefined ? 'null' : `'${value}'`;
    this.errors.push(`Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`);
  }

  str(field: string, rule: StringRule = {}): string | undefined {
    const value = this.params.get(field) ?? undefined;
    if (value === undefined) {
      if (rule.required) this.fail(field, undefined, 'Member must not be null');
      return undefined;
    }
    if (rule.min !== undefined && value.length < rule.min) {
      this.fail(field, value, `Member must have length greater than or equal to ${rule.min}`);
    } else if (rule.max !== undefined && value.length > rule.max) {
      this.fail(field, value, `Member must have length less than or equal to ${rule.max}`);
    } else if (rule.pattern && !new RegExp(`^(?:${rule.pattern.source})$`, 'u').test(value)) {
      this.fail(field, value, `Member must satisfy regular expression pattern: ${rule.pattern.source}`);
    }
    return value;
  }

  int(field: string, rule: { min?: number; max?: number } = {}): number | undefined {
    const raw = this.params.get(field) ?? undefined;
    if (raw === undefined) return undefined;
    if (!/^-?\d+$/.test(raw)) {
      // What STS and IAM say for a non-number is unconfirmed; the model only says integer.
      this.fail(field, raw, 'Member must be an integer');
      return undefined;
    }
    const value = Number(raw);
    if (rule.min !== undefined && value < rule.min) {
      this.fail(field, raw, `Member must have value greater than or equal to ${rule.min}`);
    } else if (rule.max !== undefined && value > rule.max) {
      this.fail(field, raw, `Member must have value less than or equal to ${rule.max}`);
    }
    return value;
  }

  done(): void {
    const n = this.errors.length;
    if (n === 0) return;
    throw new ApiError(
      'ValidationError',
      `${n} validation error${n > 1 ? 's' : ''} detected: ${this.errors.join('; ')}`,
    );
  }
}
