import { ApiError } from './errors';

// CloudWatch Logs reports model-constraint violations as InvalidParameterException with the
// "N validation error(s) detected: ..." text; gathering them all mirrors what AWS sends back.

export const LOG_GROUP_NAME = /^[.\-_/#A-Za-z0-9]+$/;
export const LOG_STREAM_NAME = /^[^:*]*$/;
export const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: RegExp;
  patternText?: string;
  enumValues?: readonly string[];
}

interface NumberRule {
  required?: boolean;
  min?: number;
  max?: number;
}

export class Input {
  private errors: string[] = [];

  constructor(private readonly body: Record<string, unknown>) {}

  private fail(field: string, value: unknown, constraint: string): void {
    const shown = value === undefined || value === null ? 'null' : `'${String(value)}'`;
    this.errors.push(`Value ${shown} at '${field}' failed to satisfy constraint: ${constraint}`);
  }

  private typeError(field: string): never {
    throw new ApiError('SerializationException', `Unexpected type for field '${field}'`);
  }

  str(field: string, rule: StringRule = {}): string | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) {
      if (rule.required) this.fail(field, undefined, 'Member must not be null');
      return undefined;
    }
    if (typeof value !== 'string') this.typeError(field);
    if (rule.min !== undefined && value.length < rule.min) {
      this.fail(field, value, `Member must have length greater than or equal to ${rule.min}`);
    } else if (rule.max !== undefined && value.length > rule.max) {
      this.fail(field, value, `Member must have length less than or equal to ${rule.max}`);
    } else if (rule.pattern && !rule.pattern.test(value)) {
      const text = rule.patternText ?? rule.pattern.source.replace(/^\^|\$$/g, '');
      this.fail(field, value, `Member must satisfy regular expression pattern: ${text}`);
    } else if (rule.enumValues && !rule.enumValues.includes(value)) {
      this.fail(field, value, `Member must satisfy enum value set: [${rule.enumValues.join(', ')}]`);
    }
    return value;
  }

  int(field: string, rule: NumberRule = {}): number | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) {
      if (rule.required) this.fail(field, undefined, 'Member must not be null');
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) this.typeError(field);
    if (rule.min !== undefined && value < rule.min) {
      this.fail(field, value, `Member must have value greater than or equal to ${rule.min}`);
    } else if (rule.max !== undefined && value > rule.max) {
      this.fail(field, value, `Member must have value less than or equal to ${rule.max}`);
    }
    return value;
  }

  bool(field: string): boolean | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') this.typeError(field);
    return value;
  }

  list(field: string, rule: { required?: boolean; min?: number; max?: number } = {}): unknown[] | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) {
      if (rule.required) this.fail(field, undefined, 'Member must not be null');
      return undefined;
    }
    if (!Array.isArray(value)) this.typeError(field);
    if (rule.min !== undefined && value.length < rule.min) {
      this.fail(
        field,
        `[${value.length} items]`,
        `Member must have length greater than or equal to ${rule.min}`,
      );
    } else if (rule.max !== undefined && value.length > rule.max) {
      this.fail(
        field,
        `[${value.length} items]`,
        `Member must have length less than or equal to ${rule.max}`,
      );
    }
    return value;
  }

  /** Throws the collected validation errors, if any. */
  done(): void {
    const n = this.errors.length;
    if (n === 0) return;
    throw new ApiError(
      'InvalidParameterException',
      `${n} validation error${n > 1 ? 's' : ''} detected: ${this.errors.join('; ')}`,
    );
  }
}

export function groupArn(region: string, accountId: string, name: string): string {
  return `arn:aws:logs:${region}:${accountId}:log-group:${name}`;
}

/** Opaque page tokens: base64url JSON, so callers cannot depend on their shape. */
export function encodeToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeToken<T>(token: string, check: (v: unknown) => v is T): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (check(value)) return value;
  } catch {
    // fall through to AWS's answer for a token it did not issue
  }
  throw new ApiError('InvalidParameterException', 'The specified nextToken is invalid.');
}
