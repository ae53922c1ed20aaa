import { ApiError } from './errors';
import type { Faults } from './types';

export type Service = 'logs' | 's3' | 'sts';

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
    latencyMs: typeof o.latencyMs === 'number' && o.latencyMs > 0 ? Math.min(o.latencyMs, 60_000) : 0,
    ...(ops.length > 0 ? { operations: ops } : {}),
  };
}

/** `operations` may name `DescribeExportTasks` or the qualified `logs:DescribeExportTasks`. */
export function faultApplies(faults: Faults, service: Service, operation: string): boolean {
  if (!faults.operations) return true;
  return faults.operations.includes(operation) || faults.operations.includes(`${service}:${operation}`);
}

export function pickFault(faults: Faults, service: Service, operation: string): ApiError | undefined {
  if (faults.throttleRate === 0 && faults.errorRate === 0) return undefined;
  if (!faultApplies(faults, service, operation)) return undefined;
  if (faults.throttleRate > 0 && Math.random() < faults.throttleRate) {
    if (service === 's3') return new ApiError('SlowDown', 'Please reduce your request rate.', 503);
    if (service === 'sts') return new ApiError('Throttling', 'Rate exceeded', 400);
    return new ApiError('ThrottlingException', 'Rate exceeded', 400);
  }
  if (faults.errorRate > 0 && Math.random() < faults.errorRate) {
    if (service === 's3')
      return new ApiError('InternalError', 'We encountered an internal error. Please try again.', 500);
    if (service === 'sts') return new ApiError('InternalFailure', 'An internal error occurred.', 500);
    return new ApiError('ServiceUnavailableException', 'The service cannot complete the request.', 500);
  }
  return undefined;
}
