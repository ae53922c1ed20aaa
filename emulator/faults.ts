import { ApiError } from './errors';
import type { Faults } from './types';

export type Service = 'logs' | 's3' | 'sts' | 'iam';

/** Parses and clamps a faults object from the admin endpoint or `EMULATOR_FAULTS`. */
export function parseFaults(raw: unknown): Faults {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const rate = (v: unknown) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
  const ops = Array.isArray(o.operations)
    ? o.operations.filter((x): x is string => typeof x === 'string')
    : [];
  return {
    throttleRate: rate(o.throttleRate),
    errorRate: rate(o.errorRate),
    lostResponseRate: rate(o.lostResponseRate),
    latencyMs: typeof o.latencyMs === 'number' && o.latencyMs > 0 ? Math.min(o.latencyMs, 60_000) : 0,
    ...(ops.length > 0 ? { operations: ops } : {}),
  };
}

/**
 * The admin endpoint and `EMULATOR_FAULTS` take one faults object, or a list of them (each for its own
 * `operations`; the first that applies to a request wins).
 */
export function parseFaultRules(raw: unknown): Faults[] {
  return (Array.isArray(raw) ? raw : [raw]).map(parseFaults);
}

/** The rules as the admin endpoint shows them: one object, or the list. */
export function showFaultRules(rules: Faults[]): Faults | Faults[] {
  return rules.length === 1 && rules[0] ? rules[0] : rules;
}

/** The rule that applies to this request, if any. */
export function ruleFor(rules: Faults[], service: Service, operation: string): Faults | undefined {
  return rules.find((r) => faultApplies(r, service, operation));
}

/** `operations` may name `DescribeExportTasks` or the qualified `logs:DescribeExportTasks`. */
export function faultApplies(faults: Faults, service: Service, operation: string): boolean {
  if (!faults.operations) return true;
  return faults.operations.includes(operation) || faults.operations.includes(`${service}:${operation}`);
}

/** The 5xx each service answers when it fails inside. */
function internalError(service: Service): ApiError {
  if (service === 's3')
    return new ApiError('InternalError', 'We encountered an internal error. Please try again.', 500);
  if (service === 'sts') return new ApiError('InternalFailure', 'An internal error occurred.', 500);
  if (service === 'iam') {
    return new ApiError(
      'ServiceFailure',
      'The request processing has failed because of an unknown error, exception or failure.',
      500,
    );
  }
  return new ApiError('ServiceUnavailableException', 'The service cannot complete the request.', 500);
}

/** A fault that stops the request before it does anything: throttling or a 5xx. */
export function pickFault(faults: Faults, service: Service): ApiError | undefined {
  if (faults.throttleRate > 0 && Math.random() < faults.throttleRate) {
    if (service === 's3') return new ApiError('SlowDown', 'Please reduce your request rate.', 503);
    if (service === 'sts' || service === 'iam') return new ApiError('Throttling', 'Rate exceeded', 400);
    return new ApiError('ThrottlingException', 'Rate exceeded', 400);
  }
  if (faults.errorRate > 0 && Math.random() < faults.errorRate) return internalError(service);
  return undefined;
}

/**
 * A fault after the request succeeded: the change is made, but the caller gets a 5xx instead of the answer
 * (AWS failing after the commit, or the response lost on the way). Clients that retry blindly duplicate work.
 */
export function pickLostResponse(faults: Faults, service: Service): ApiError | undefined {
  return faults.lostResponseRate > 0 && Math.random() < faults.lostResponseRate
    ? internalError(service)
    : undefined;
}
