import 'server-only';

/**
 * AWS errors mapped once to codes a person can act on. The code is a message key under `errors.` in
 * messages/<locale>/errors.json; params fill its placeholders. The raw error is logged here, never sent on.
 */
export type LogportError = { code: string; params?: Record<string, string | number>; retryable: boolean };

type AwsLikeError = {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
};

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_STREAM_PREMATURE_CLOSE',
]);
// Failures to connect: the request never left, so AWS cannot have acted on it.
const BEFORE_SENDING = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const THROTTLING = new Set(['ThrottlingException', 'SlowDown', 'TooManyRequestsException', 'Throttling']);

function asAwsError(err: unknown): AwsLikeError {
  return typeof err === 'object' && err !== null ? (err as AwsLikeError) : { message: String(err) };
}

/**
 * Whether AWS may have carried out a request that failed. No for AWS's own refusals (a 4xx answer, throttling)
 * and for failures to connect; yes for 5xx, cut connections, timeouts after sending and anything unrecognised.
 * A call that is not idempotent (CreateExportTask) is never retried blindly when this is yes: the caller
 * looks for what it made instead.
 */
export function mayHaveActed(err: unknown): boolean {
  const e = asAwsError(err);
  // No credentials for the account (its role could not be assumed, or it is unknown): nothing was sent.
  if (e.name === 'AssumeRoleError' || e.name === 'UnknownAccountError') return false;
  const cause = (err as { cause?: { code?: string } } | null)?.cause;
  if (BEFORE_SENDING.has(e.code ?? '') || BEFORE_SENDING.has(cause?.code ?? '')) return false;
  if (e.name === 'TimeoutError' && /without establishing a connection/i.test(e.message ?? '')) return false;
  if (THROTTLING.has(e.name ?? '')) return false;
  const status = e.$metadata?.httpStatusCode;
  return !(status !== undefined && status >= 400 && status < 500);
}

/** The message of a refusal AWS itself answered (a 4xx), fit to show; null for anything else. */
export function awsRefusalMessage(err: unknown): string | null {
  const e = asAwsError(err);
  const status = e.$metadata?.httpStatusCode;
  return status !== undefined && status >= 400 && status < 500 && e.message ? e.message : null;
}

export function mapAwsError(err: unknown, context: Record<string, string | number> = {}): LogportError {
  const e = asAwsError(err);
  const name = e.name ?? '';
  const message = e.message ?? '';
  const status = e.$metadata?.httpStatusCode;
  const cause = (err as { cause?: { code?: string } } | null)?.cause;
  const p = context;

  // Another account's role could not be assumed: that account is unreachable (say why), whatever the call was.
  if (name === 'AssumeRoleError') {
    const inner = mapAwsError((err as { cause?: unknown }).cause, context);
    if (inner.code === 'awsUnreachable' || inner.code === 'awsThrottled') return inner;
    return { code: 'assumeRoleDenied', params: p, retryable: false };
  }
  if (name === 'UnknownAccountError') return { code: 'unknownAccount', params: p, retryable: false };
  if (NETWORK_CODES.has(e.code ?? '') || NETWORK_CODES.has(cause?.code ?? '') || name === 'TimeoutError') {
    return { code: 'awsUnreachable', retryable: true };
  }
  if (THROTTLING.has(name)) {
    return { code: 'awsThrottled', retryable: true };
  }
  if (name === 'LimitExceededException') return { code: 'exportLimit', params: p, retryable: true };
  if (
    name === 'CredentialsProviderError' ||
    name === 'ExpiredTokenException' ||
    name === 'UnrecognizedClientException'
  ) {
    return { code: 'awsCredentials', retryable: false };
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied')
    return { code: 'awsAccessDenied', params: p, retryable: false };
  if (name === 'ResourceNotFoundException') {
    if (/export task/i.test(message)) return { code: 'taskNotFound', params: p, retryable: false };
    if (/log group/i.test(message)) return { code: 'logGroupNotFound', params: p, retryable: false };
    return { code: 'resourceNotFound', params: p, retryable: false };
  }
  if (name === 'InvalidOperationException' && /already finished/i.test(message)) {
    return { code: 'taskAlreadyFinished', params: p, retryable: false };
  }
  if (name === 'NoSuchBucket' || /bucket does not exist/i.test(message)) {
    return { code: 'bucketNotFound', params: p, retryable: false };
  }
  if (name === 'InvalidParameterException') {
    if (/GetBucketAcl|granted permission/i.test(message))
      return { code: 'bucketPolicyDenied', params: p, retryable: false };
    if (/s3:PutObject/i.test(message)) return { code: 'putObjectDenied', params: p, retryable: false };
    if (/region/i.test(message)) return { code: 'bucketWrongRegion', params: p, retryable: false };
    if (/retention period|lesser than the to value/i.test(message))
      return { code: 'badTimeRange', params: p, retryable: false };
    return { code: 'invalidParameter', params: p, retryable: false };
  }
  if (name === 'ServiceUnavailableException' || (status !== undefined && status >= 500)) {
    return { code: 'awsUnavailable', retryable: true };
  }
  return { code: 'awsUnknown', retryable: false };
}

/** Logs the raw error on the server (without credentials) and returns the safe mapping. */
export function reportAwsError(
  where: string,
  err: unknown,
  context?: Record<string, string | number>,
): LogportError {
  const mapped = mapAwsError(err, context);
  const e = asAwsError(err);
  console.error(`[aws] ${where}: ${e.name ?? 'Error'}: ${e.message ?? ''} → ${mapped.code}`);
  return mapped;
}
